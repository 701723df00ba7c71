// The log table's columns (order, header key, width) shared by the header and the rows.
import type { QueryPlan } from '@/lib/log/query';

export const COLUMNS = [
  { key: 'refundId', header: 'log_colRefundId', width: '166px' },
  { key: 'orderId', header: 'log_colOrderId', width: '150px' },
  { key: 'status', header: 'log_colStatus', width: 'minmax(150px, 1fr)' },
  { key: 'actor', header: 'log_colActor', width: '84px' },
  { key: 'timeLeft', header: 'log_colTimeLeft', width: '172px' },
  { key: 'type', header: 'log_colType', width: '70px' },
  { key: 'phase', header: 'log_colPhase', width: '78px' },
  { key: 'amount', header: 'log_colAmount', width: '88px' },
  { key: 'appliedAt', header: 'log_colAppliedAt', width: '118px' },
  { key: 'completedAt', header: 'log_colCompletedAt', width: '118px' },
  { key: 'lastSeenAt', header: 'log_colLastSeen', width: '118px' },
] as const;
type ColumnKey = (typeof COLUMNS)[number]['key'];

export const GRID_TEMPLATE = COLUMNS.map((c) => c.width).join(' ');

/** The column the rows are ordered by, and how (aria-sort). */
export function sortedColumn(order: QueryPlan['order']): { key: ColumnKey; dir: 'ascending' | 'descending' } {
  switch (order) {
    case 'applied':
      return { key: 'appliedAt', dir: 'descending' };
    case 'completed':
      return { key: 'completedAt', dir: 'descending' };
    case 'deadline':
      return { key: 'timeLeft', dir: 'ascending' };
    case 'number':
      return { key: 'refundId', dir: 'ascending' };
    default:
      return { key: 'lastSeenAt', dir: 'descending' };
  }
}

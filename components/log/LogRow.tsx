// One row of the log table (role=row with 11 gridcells). Focusable; Enter/Space/click expand it (handled by LogTable).
import { t } from '@/components/i18n';
import type { StoredRefund } from '@/lib/db/schema';
import type { BadgeThresholds } from '@/lib/deadline/state';
import { fenToYuan } from '@/lib/export/csv';
import { formatActorOf, type Lang } from '@/lib/format/time-left';
import { isCompleted } from '@/lib/status/classify';
import { formatBeijing } from '@/lib/time/beijing';
import { phaseLabel, statusLabel, typeLabel } from './labels';
import { StateCell } from './StateCell';

interface LogRowProps {
  refund: StoredRefund;
  index: number;
  top: number;
  now: number;
  lang: Lang;
  thresholds: BadgeThresholds;
  expanded: boolean;
  tabbable: boolean;
  detailId: string;
}

const DASH = '—';
const time = (v: number | undefined) => (v === undefined ? DASH : formatBeijing(v));

export function LogRow({ refund: r, index, top, now, lang, thresholds, expanded, tabbable, detailId }: LogRowProps) {
  return (
    <div
      role="row"
      class={`row${expanded ? ' expanded' : ''}${index % 2 ? ' odd' : ''}`}
      aria-rowindex={index + 2}
      aria-expanded={expanded}
      aria-controls={expanded ? detailId : undefined}
      tabIndex={tabbable ? 0 : -1}
      data-index={index}
      data-refund-id={r.refundId}
      style={{ transform: `translateY(${top}px)` }}
    >
      <div role="gridcell" class="mono id">
        <span class="chevron" aria-hidden="true">{expanded ? '▾' : '▸'}</span>
        {r.refundId}
      </div>
      <div role="gridcell" class="mono">{r.orderId ?? DASH}</div>
      <div role="gridcell" class="status" title={r.statusText}>
        <span class="status-tag">{statusLabel(r.status)}</span>
        {r.statusText !== statusLabel(r.status) && <span class="status-text">{r.statusText}</span>}
      </div>
      <div role="gridcell">{formatActorOf(r.actor, isCompleted(r.status), lang) || DASH}</div>
      <div role="gridcell">
        <StateCell refund={r} now={now} lang={lang} thresholds={thresholds} />
      </div>
      <div role="gridcell">{r.type ? typeLabel(r.type) : DASH}</div>
      <div role="gridcell">{r.phase ? phaseLabel(r.phase) : DASH}</div>
      <div role="gridcell" class="num">{r.amountFen === undefined ? DASH : t('log_amount', fenToYuan(r.amountFen))}</div>
      <div role="gridcell" class="num">{time(r.appliedAt)}</div>
      <div role="gridcell" class="num">{time(r.completedAt)}</div>
      <div role="gridcell" class="num">{time(r.lastSeenAt)}</div>
    </div>
  );
}

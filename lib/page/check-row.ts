// RefundRowSchema's check of a freshly read row, without running zod per row (a reading checks every row of the
// page; zod's generic parse was a tenth of the content script's time). Same verdict, same first failing field (in
// the schema's key order) and the same output (the schema's keys, in its order). tests/unit/page/check-row.test.ts
// compares both on random candidates.
import { BUYER_NICK_MAX, GOODS_STATES, PHASES, REFUND_STATUSES, REFUND_TYPES } from '../model/vocabulary';
import type { RefundRow } from '../model/refund-row';

type RowCheck = { success: true; data: RefundRow } | { success: false; error: { issues: Array<{ path: string[] }> } };

const DIGITS = /^\d{6,30}$/;
const digits = (v: unknown) => typeof v === 'string' && DIGITS.test(v);
const instant = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 946_684_800_000 && (v as number) <= 4_102_444_800_000;
const oneOf = (values: readonly string[]) => (v: unknown) => typeof v === 'string' && values.includes(v);
const optional = (check: (v: unknown) => boolean) => (v: unknown) => v === undefined || check(v);
const pageDeadline = (v: unknown) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const d = v as Record<string, unknown>;
  return (d.kind === 'at' && instant(d.at)) || d.kind === 'overdue';
};

/** The schema's fields in its order, each with its check. */
const FIELDS: ReadonlyArray<readonly [keyof RefundRow, (v: unknown) => boolean]> = [
  ['refundId', digits],
  ['orderId', optional(digits)],
  ['statusText', (v) => typeof v === 'string'],
  ['status', oneOf(REFUND_STATUSES)],
  ['type', optional(oneOf(REFUND_TYPES))],
  ['phase', optional(oneOf(PHASES))],
  ['goodsState', optional(oneOf(GOODS_STATES))],
  ['amountFen', optional((v) => Number.isSafeInteger(v) && (v as number) >= 0)],
  ['appliedAt', optional(instant)],
  ['pageDeadline', optional(pageDeadline)],
  ['statusSince', optional(instant)],
  ['returnSigned', optional((v) => typeof v === 'boolean')],
  ['buyerNick', optional((v) => typeof v === 'string' && v.length >= 1 && v.length <= BUYER_NICK_MAX)],
  ['readAt', instant],
];

export function checkRefundRow(candidate: Record<string, unknown>): RowCheck {
  const data: Record<string, unknown> = {};
  for (const [key, check] of FIELDS) {
    const value = candidate[key];
    if (!check(value)) return { success: false, error: { issues: [{ path: [key] }] } };
    if (!(key in candidate)) continue;
    // The schema rebuilds a page deadline with its own keys only.
    const d = value as { kind: string; at?: number } | undefined;
    data[key] = key === 'pageDeadline' && d ? (d.kind === 'at' ? { kind: 'at', at: d.at } : { kind: 'overdue' }) : value;
  }
  return { success: true, data: data as RefundRow };
}

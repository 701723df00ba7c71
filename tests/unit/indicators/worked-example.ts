// The worked example of domain.md §6.8 / §6.9, built exactly as described there.
import type { Benchmark } from '@/lib/composite';
import type { RefundFacts } from '@/lib/indicators';
import { addDays, beijingToInstant, DAY_MS } from '@/lib/time/beijing';

/** Epoch ms of a Beijing wall-clock `YYYY-MM-DD`, hour and minute. */
export function bj(date: string, hour = 0, minute = 0): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = beijingToInstant(y, m, d, hour, minute);
  if (t === null) throw new Error(`bad date ${date}`);
  return t;
}

export const TODAY = '2026-11-21'; // a Saturday
/** Now = 2026-11-21 10:00 Beijing. */
export const NOW = bj(TODAY, 10);
/** "Day −j" is the Beijing date D(now) − j. */
export const day = (j: number): string => addDays(TODAY, j);

/** 100 on each weekday and 125 on each Saturday and Sunday of W(now) = 10-25 … 11-21, so P = 3,000. */
export const PAID_ORDERS: Record<string, number> = {};
for (let j = -27; j <= 0; j++) {
  const date = day(j);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  PAID_ORDERS[date] = weekday === 0 || weekday === 6 ? 125 : 100;
}

let seq = 0;
const nextId = (): string => `202611${String(++seq).padStart(12, '0')}`;

/**
 * 120 completed refunds at 09:00 Beijing: 5 per day on −27…−24 and 4 per day on −23…−14 taking 3.0 days; 5 per day on
 * −13…−10 and 4 per day on −9…0 taking 1.8 days. Interventions at 20:00 Beijing on day −24 (that refund completed on
 * day −21) and on day −17 (completed on day −15).
 */
export const COMPLETED: RefundFacts[] = [];
for (let j = -27; j <= 0; j++) {
  const count = (j >= -27 && j <= -24) || (j >= -13 && j <= -10) ? 5 : 4;
  const days = j <= -14 ? 3.0 : 1.8;
  for (let i = 0; i < count; i++) {
    const completedAt = bj(day(j), 9);
    const r: RefundFacts = {
      refundId: nextId(),
      type: 'refund_only',
      phase: 'aftersale',
      appliedAt: completedAt - days * DAY_MS,
      completedAt,
    };
    if (i === 0 && j === -21) r.intervenedAt = bj(day(-24), 20);
    if (i === 0 && j === -15) r.intervenedAt = bj(day(-17), 20);
    COMPLETED.push(r);
  }
}

/** O1–O5 of §6.9; sellerTimeout marks the refunds where the seller is the party that must act by the deadline. */
export const OPEN: Record<'O1' | 'O2' | 'O3' | 'O4' | 'O5', RefundFacts> = {
  // unshipped refund-only, wait_seller_agree, R1 (seller, 48 h)
  O1: { refundId: '100000000000000001', type: 'refund_only', phase: 'onsale', appliedAt: bj('2026-11-20', 14), deadlineAt: bj('2026-11-22', 14), sellerTimeout: true },
  // shipped refund-only, wait_seller_agree, R2 (seller, 5 days)
  O2: { refundId: '100000000000000002', type: 'refund_only', phase: 'onsale', appliedAt: bj('2026-11-19', 12), deadlineAt: bj('2026-11-24', 12), sellerTimeout: true },
  // return-refund, wait_buyer_return since 11-19 00:00, R4 (buyer, 7 days)
  O3: { refundId: '100000000000000003', type: 'return_refund', phase: 'aftersale', appliedAt: bj('2026-11-18', 0), deadlineAt: bj('2026-11-26', 0), sellerTimeout: false },
  // Tmall return, signed, wait_seller_confirm; page "还剩1天2时3分" read at now → 11-22 12:03 (seller)
  O4: { refundId: '100000000000000004', type: 'return_refund', phase: 'aftersale', appliedAt: bj('2026-11-15', 0), deadlineAt: NOW + DAY_MS + 2 * 3_600_000 + 3 * 60_000, sellerTimeout: true },
  // refund-only, seller_refused since 11-20 00:00, R6 (buyer, 7 days)
  O5: { refundId: '100000000000000005', type: 'refund_only', phase: 'aftersale', appliedAt: bj('2026-11-17', 0), deadlineAt: bj('2026-11-27', 0), sellerTimeout: false },
};

export const REFUNDS: RefundFacts[] = [...COMPLETED, ...Object.values(OPEN)];

/** §6.8 benchmarks (§7 typical values), no platinum. */
export const BENCH: { disputeRate: Benchmark; completionDays: Benchmark; selfCompletionRate: Benchmark } = {
  disputeRate: { industryAverage: 0.0001 },
  completionDays: { industryAverage: 2.68 },
  selfCompletionRate: { industryAverage: 0.9665 },
};

/** The §6.8 refund in question: refund-only, shipped, applied 11-19 22:00, R2 deadline 11-24 22:00 (seller). */
export const IMPACT_REFUND: RefundFacts = {
  refundId: '200000000000000001',
  type: 'refund_only',
  phase: 'aftersale',
  appliedAt: bj('2026-11-19', 22),
  deadlineAt: bj('2026-11-24', 22),
  sellerTimeout: true,
};

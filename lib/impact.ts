// What this refund does (domain.md §6.8, API §6.10): the indicators of the current window W(asOf) after each
// hypothetical outcome of one refund. The window is not moved; each outcome is added to W(asOf) whatever its date
// [Decision §6.8, §10] — when it really enters the window is the projection's job (§6.9).
import {
  countRefundsInWindow,
  finishIndicators,
  resolveIndicatorOptions,
  sumPaidOrders,
  type IndicatorOptions,
  type Indicators,
  type RefundFacts,
  type WindowCounts,
} from './indicators';
import { mergeByRefundId } from './refund-merge';
import { beijingDayIndex } from './window';

export interface RefundImpact {
  ifIntervened: Indicators;
  ifCompletedNow: Indicators;
  ifCompletedAtDeadline: Indicators;
}

/** The hypothetical records of §6.10 for one refund. */
export function impactHypotheses(refund: RefundFacts, asOf: number): Record<keyof RefundImpact, RefundFacts> {
  const { completedAt: _completedAt, ...open } = refund;
  // An earlier intervenedAt is kept (§6.5: the earliest wins).
  const intervenedAt = refund.intervenedAt !== undefined && refund.intervenedAt <= asOf ? refund.intervenedAt : asOf;
  // Completing at c = max(asOf, deadlineAt) (asOf without a deadline), counted in W(asOf): completedAt = asOf and
  // appliedAt = asOf − d with d = c − appliedAt.
  const c = refund.deadlineAt !== undefined && refund.deadlineAt > asOf ? refund.deadlineAt : asOf;
  return {
    ifIntervened: { ...open, intervenedAt },
    // The seller acts: never a seller-side timeout; self-completed unless already intervened.
    ifCompletedNow: { ...open, completedAt: asOf, sellerTimeout: false },
    // Keeps sellerTimeout: on an open refund it means the seller must act by deadlineAt (§6.10).
    ifCompletedAtDeadline: { ...open, appliedAt: asOf - (c - refund.appliedAt), completedAt: asOf },
  };
}

export function refundImpact(
  refund: RefundFacts,
  history: RefundFacts[],
  paidOrdersByDay: Record<string, number>,
  asOf: number,
  options?: IndicatorOptions,
): RefundImpact {
  // An entry of history with the same refundId is replaced by the hypothesis (§6.10): the batch counts the history
  // once, takes that entry out and adds each hypothesis (refundImpacts below).
  return refundImpacts([refund], history, paidOrdersByDay, asOf, options).impacts.get(refund.refundId)!;
}

// The impact of many open refunds at once, for the badges of one page: the history is counted once, then each
// refund's own record is taken out and each hypothesis put in — O(history + refunds), not O(history × refunds).
interface ImpactBatch {
  /** The indicators of W(asOf) as they are (the "before" of every impact line). */
  current: Indicators;
  impacts: Map<string, RefundImpact>;
}

export function refundImpacts(
  refunds: readonly RefundFacts[],
  history: readonly RefundFacts[],
  paidOrdersByDay: Record<string, number>,
  asOf: number,
  options?: IndicatorOptions,
): ImpactBatch {
  const o = resolveIndicatorOptions(options);
  const last = beijingDayIndex(asOf);
  const first = last - o.windowDays + 1;
  const paid = sumPaidOrders(paidOrdersByDay, first, last);
  // A refund seen twice in the history counts once, merged (§6.1): merged once here, counted, and its merged record
  // is what a hypothesis replaces.
  const merged = mergeByRefundId(history);
  const all = countRefundsInWindow(merged, o, first, last);
  const byId = new Map(merged.map((r) => [r.refundId, r]));
  const finish = (c: WindowCounts): Indicators => finishIndicators(c[0], paid, c[1], c[2], c[3], c[4]);
  const impacts = new Map<string, RefundImpact>();
  for (const refund of refunds) {
    const own = byId.get(refund.refundId);
    const base = own ? minus(all, countRefundsInWindow([own], o, first, last)) : all;
    const h = impactHypotheses(refund, asOf);
    const run = (r: RefundFacts) => finish(plus(base, countRefundsInWindow([r], o, first, last)));
    impacts.set(refund.refundId, {
      ifIntervened: run(h.ifIntervened),
      ifCompletedNow: run(h.ifCompletedNow),
      ifCompletedAtDeadline: run(h.ifCompletedAtDeadline),
    });
  }
  return { current: finish(all), impacts };
}

function plus(a: WindowCounts, b: WindowCounts): WindowCounts {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3], a[4] + b[4]];
}

function minus(a: WindowCounts, b: WindowCounts): WindowCounts {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2], a[3] - b[3], a[4] - b[4]];
}

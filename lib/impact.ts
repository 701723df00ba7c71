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
} from './indicators';
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
  const o = resolveIndicatorOptions(options);
  const last = beijingDayIndex(asOf);
  const first = last - o.windowDays + 1;
  // An entry of history with the same refundId is replaced by the hypothesis (§6.10). The other refunds are counted
  // once and each hypothesis added to their counts: the same numbers, in the same order, as
  // computeIndicators([...others, hypothesis]) (the hypothesis comes last), at a third of the cost.
  const others = history.filter((r) => r.refundId !== refund.refundId);
  const base = countRefundsInWindow(others, o, first, last);
  const paid = sumPaidOrders(paidOrdersByDay, first, last);
  const h = impactHypotheses(refund, asOf);
  const run = (r: RefundFacts): Indicators => {
    const c = countRefundsInWindow([r], o, first, last);
    return finishIndicators(base[0] + c[0], paid, base[1] + c[1], base[2] + c[2], base[3] + c[3], base[4] + c[4]);
  };
  return { ifIntervened: run(h.ifIntervened), ifCompletedNow: run(h.ifCompletedNow), ifCompletedAtDeadline: run(h.ifCompletedAtDeadline) };
}

// The median completion duration of C(asOf) computed on its own, from the refunds: the reference the projection's
// `median` scenario (which takes its durations from the indicator pass, lib/projection.ts) is checked against.
import { medianInPlace } from '@/lib/completion-median';
import { isCounted, isSelfCompleted, resolveIndicatorOptions, type IndicatorOptions, type RefundFacts } from '@/lib/indicators';
import { mergeByRefundId } from '@/lib/refund-merge';
import { beijingDayIndex } from '@/lib/window';

/** Median completion duration in ms of the refunds in C(asOf), or null when C(asOf) is empty. */
export function medianCompletionMs(refunds: RefundFacts[], asOf: number, options?: IndicatorOptions): number | null {
  const o = resolveIndicatorOptions(options);
  const last = beijingDayIndex(asOf);
  const first = last - o.windowDays + 1;
  const list = mergeByRefundId(refunds);
  const durations = new Float64Array(list.length);
  let n = 0;
  for (const r of list) {
    const c = r.completedAt;
    if (c === undefined || !isCounted(r, o)) continue;
    const d = beijingDayIndex(c);
    if (d < first || d > last || !(c >= r.appliedAt)) continue;
    if (o.selfOnly && !isSelfCompleted(r, c, o.timeoutCountsAsSelfCompleted)) continue;
    durations[n++] = c - r.appliedAt;
  }
  return medianInPlace(durations, n);
}

// Median completion duration of C(asOf) (domain.md §6.9 `median` scenario; C as in §6.3, so restricted to
// self-completed refunds with completionPopulation 'selfOnly', and without the §6.5 completedAt < appliedAt records).
import { DAY_MS } from './time/beijing';
import { isCounted, isSelfCompleted, resolveIndicatorOptions, type IndicatorOptions, type RefundFacts } from './indicators';
import { mergeByRefundId } from './refund-merge';
import { beijingDayIndex } from './window';

/** Median of the first `count` values (reordered in place); the mean of the two middle values for an even count. */
export function medianInPlace(values: Float64Array, count: number): number | null {
  if (count <= 0) return null;
  const sorted = values.subarray(0, count).sort();
  const mid = count >> 1;
  return count % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

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

/** The same median in days, or null. */
export function medianCompletionDays(refunds: RefundFacts[], asOf: number, options?: IndicatorOptions): number | null {
  const ms = medianCompletionMs(refunds, asOf, options);
  return ms === null ? null : ms / DAY_MS;
}

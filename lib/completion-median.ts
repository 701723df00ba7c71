// Median completion duration of C(asOf) (domain.md §6.9 `median` scenario; C as in §6.3, so restricted to
// self-completed refunds with completionPopulation 'selfOnly', and without the §6.5 completedAt < appliedAt records).
import { DAY_MS } from './time/beijing';
import { isCounted, isSelfCompleted, resolveIndicatorOptions, type IndicatorOptions, type RefundFacts } from './indicators';
import { mergeByRefundId } from './refund-merge';
import { beijingDayIndex } from './window';

/** Rearranges a[lo..hi] so that a[k] is the value it would have sorted, smaller-or-equal ones before it (Hoare). */
function quickselect(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    // Median-of-three pivot.
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/**
 * Median of the first `count` values (reordered in place, O(count)); for an even count the mean of the two middle
 * values (§6.9).
 */
export function medianInPlace(values: Float64Array, count: number): number | null {
  if (count <= 0) return null;
  const mid = count >> 1;
  quickselect(values, mid, 0, count - 1);
  const upper = values[mid]!;
  if (count % 2 === 1) return upper;
  let lower = values[0]!;
  for (let i = 1; i < mid; i++) if (values[i]! > lower) lower = values[i]!;
  return (lower + upper) / 2;
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

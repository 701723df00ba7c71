// The median of the completion durations of C(asOf), for the projection's `median` scenario (domain.md §6.9): found in
// place in O(n) (quickselect), as the pool of durations can be long; lib/projection.ts fills the pool.

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

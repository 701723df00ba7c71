// The W-day projection (domain.md §6.9, API §6.10): points k = 0 … W at asOf + k days, on Beijing dates D(asOf)+k.
// One pass buckets every event by its Beijing day index relative to the first date of W(asOf); each point then sums
// W buckets. No per-day rescan of the refunds, no Date object per refund.
import { medianInPlace } from './completion-median';
import { bucketByDay, finishIndicators, resolveIndicatorOptions, type IndicatorOptions, type Indicators, type RefundFacts } from './indicators';
import { DEFAULT_SCENARIO, type ProjectionScenario } from './projection-scenarios';
import { mergeByRefundId } from './refund-merge';
import { BEIJING_OFFSET_MS, DAY_MS } from './time/beijing';
import { beijingDayIndex, dayIndexToDate, paidOrdersOn } from './window';

// Module constants for the per-refund loop (see lib/indicators.ts: no cross-module lookup per refund).
const OFFSET_MS = BEIJING_OFFSET_MS;
const DAY = DAY_MS;

type ProjectionOptions = IndicatorOptions & { scenario?: ProjectionScenario };
type ProjectionPoint = { date: string } & Indicators;

interface ProjectionDetail {
  points: ProjectionPoint[];
  /** Open refunds left out: no usable deadline and no median (§6.9 "not projected"). */
  notProjected: string[];
  /** Median completion duration of C(asOf) in ms, when it was needed and exists. */
  medianMs: number | null;
}

export function projectIndicatorsDetailed(
  refunds: RefundFacts[],
  paidOrdersByDay: Record<string, number>,
  asOf: number,
  options: ProjectionOptions = {},
): ProjectionDetail {
  const o = resolveIndicatorOptions(options);
  const scenario = options.scenario ?? DEFAULT_SCENARIO;
  const W = o.windowDays;
  const today = beijingDayIndex(asOf);
  const base = today - W + 1; // bucket 0 = first date of W(asOf); bucket W−1 = D(asOf); bucket 2W−1 = D(asOf)+W
  const span = 2 * W;

  // Bucket W−1 is D(asOf): the median pool holds the durations of C(asOf).
  const known = bucketByDay(refunds, true, o, base, span, W) ?? bucketByDay(mergeByRefundId(refunds), false, o, base, span, W)!;
  const { disputes: disp, completed: comp, selfCompleted: self, durationMs: durMs, durationCount: durN, medianPool, medianCount, open } = known;
  const timeoutSelf = o.timeoutCountsAsSelfCompleted;
  // Assumed completions of open refunds (k ≥ 1 only: point 0 is today's actual value).
  const aComp = new Float64Array(span);
  const aSelf = new Float64Array(span);
  const aDurMs = new Float64Array(span);
  const aDurN = new Float64Array(span);

  // §6.9 open refunds: assumed completion time c per scenario, with the stated fallbacks.
  let medianMs: number | null | undefined; // undefined = not computed yet
  const median = (): number | null => {
    if (medianMs === undefined) medianMs = medianInPlace(medianPool, medianCount);
    return medianMs;
  };
  const notProjected: string[] = [];
  for (const r of open) {
    // An open refund with intervenedAt is `intervening`: always `median`, never self-completed.
    const intervening = r.intervenedAt !== undefined;
    const mode: ProjectionScenario = intervening ? 'median' : scenario;
    const hasDeadline = r.deadlineAt !== undefined && Number.isFinite(r.deadlineAt);
    let c = Number.NaN;
    let atDeadline = false;
    if (mode === 'now') {
      c = asOf;
    } else if (mode === 'deadline' && hasDeadline) {
      c = Math.max(asOf, r.deadlineAt!); // `deadline`: c = max(now, deadline)
      atDeadline = true;
    } else {
      // `median` (or `deadline` without a deadline): c = max(now, appliedAt + median of C(now)); else the deadline.
      const m = Number.isFinite(r.appliedAt) ? median() : null;
      if (m !== null) {
        c = Math.max(asOf, r.appliedAt + m);
      } else if (mode === 'median' && hasDeadline) {
        c = Math.max(asOf, r.deadlineAt!);
        atDeadline = true;
      }
    }
    if (Number.isNaN(c)) {
      notProjected.push(r.refundId);
      continue;
    }
    const b = Math.floor((c + OFFSET_MS) / DAY) - base;
    if (b >= span) continue; // completes after the last point
    const s = !intervening && !(atDeadline && r.sellerTimeout === true && !timeoutSelf);
    aComp[b]!++;
    if (s) aSelf[b]!++;
    if ((s || !o.selfOnly) && c >= r.appliedAt) {
      aDurMs[b]! += c - r.appliedAt;
      aDurN[b]!++;
    }
  }

  // Paid orders: known days still in the window + k·p̄ for the k future dates (§6.9), p̄ = P / W.
  const paidKnown = new Float64Array(W);
  for (let b = 0; b < W; b++) paidKnown[b] = paidOrdersOn(paidOrdersByDay, dayIndexToDate(base + b));
  let total = 0;
  for (let b = 0; b < W; b++) total += paidKnown[b]!;
  const pBar = total / W;

  const points: ProjectionPoint[] = [];
  for (let k = 0; k <= W; k++) {
    let paid = 0;
    for (let b = k; b < W; b++) paid += paidKnown[b]!; // same order as computeIndicators, so point 0 is identical
    if (k > 0) paid += k * pBar;
    let nDisp = 0;
    let nComp = 0;
    let nSelf = 0;
    let sumMs = 0;
    let nDur = 0;
    const end = k + W;
    for (let b = k; b < end; b++) {
      nDisp += disp[b]!;
      nComp += comp[b]!;
      nSelf += self[b]!;
      sumMs += durMs[b]!;
      nDur += durN[b]!;
      if (k > 0) {
        nComp += aComp[b]!;
        nSelf += aSelf[b]!;
        sumMs += aDurMs[b]!;
        nDur += aDurN[b]!;
      }
    }
    points.push({ date: dayIndexToDate(today + k), ...finishIndicators(nDisp, paid, nComp, nSelf, sumMs, nDur) });
  }
  return { points, notProjected, medianMs: medianMs ?? null };
}

export function projectIndicators(
  refunds: RefundFacts[],
  paidOrdersByDay: Record<string, number>,
  asOf: number,
  options?: ProjectionOptions,
): Array<{ date: string } & Indicators> {
  return projectIndicatorsDetailed(refunds, paidOrdersByDay, asOf, options).points;
}

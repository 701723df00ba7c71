// The three sub-indicators over the Beijing-day window W(asOf) (domain.md §6.1–§6.5, API §6.10).
// Rates are fractions; a zero denominator gives null, never NaN, Infinity or 0 (§6.5).
import { BEIJING_OFFSET_MS, DAY_MS } from './time/beijing';
import type { RefundFacts } from './refund-facts';
import { mergeByRefundId } from './refund-merge';
import { beijingDayIndex, dayIndexToDate, paidOrdersOn, resolveWindowDays } from './window';

// The per-refund loops below compute the Beijing day index inline (= beijingDayIndex) from these module constants and
// call only functions of this module: no call or binding lookup into another module per refund (each costs a getter
// call under vitest's module runner, where the issue 5 budget is measured: ~10 ms per 100,000 refunds).
const OFFSET_MS = BEIJING_OFFSET_MS;
const DAY = DAY_MS;

export type { RefundFacts };

export interface IndicatorOptions {
  windowDays?: number /* 28 */;
  disputeNumerator?: 'intervened' | 'sellerAtFault';
  completionPopulation?: 'all' | 'selfOnly';
  timeoutCountsAsSelfCompleted?: boolean /* true */;
  includeExchanges?: boolean /* false */;
}

export interface Indicators {
  disputeRate: number | null;
  completionDays: number | null;
  selfCompletionRate: number | null;
  disputes: number;
  completed: number;
  selfCompleted: number;
  paidOrders: number;
}

/** Options with the §6.1 defaults filled in. */
interface ResolvedIndicatorOptions {
  windowDays: number;
  sellerAtFaultOnly: boolean;
  selfOnly: boolean;
  timeoutCountsAsSelfCompleted: boolean;
  includeExchanges: boolean;
}

export function resolveIndicatorOptions(options: IndicatorOptions = {}): ResolvedIndicatorOptions {
  return {
    windowDays: resolveWindowDays(options.windowDays),
    sellerAtFaultOnly: options.disputeNumerator === 'sellerAtFault',
    selfOnly: options.completionPopulation === 'selfOnly',
    timeoutCountsAsSelfCompleted: options.timeoutCountsAsSelfCompleted ?? true,
    includeExchanges: options.includeExchanges ?? false,
  };
}

/**
 * §6.4/§6.10: self-completed = no intervenedAt at or before completedAt, and not a seller-side timeout unless those
 * count as self-completed.
 */
export function isSelfCompleted(r: RefundFacts, completedAt: number, timeoutCountsAsSelfCompleted: boolean): boolean {
  const iv = r.intervenedAt;
  if (iv !== undefined && iv <= completedAt) return false;
  return r.sellerTimeout !== true || timeoutCountsAsSelfCompleted;
}

/** Whether the refund enters the indicators at all (§6.5: exchanges only with includeExchanges). */
export function isCounted(r: RefundFacts, o: ResolvedIndicatorOptions): boolean {
  return r.type !== 'exchange' || o.includeExchanges;
}

/** Whether an intervention of this refund is a dispute under `disputeNumerator` (§6.2). */
export function countsAsDispute(r: RefundFacts, o: ResolvedIndicatorOptions): boolean {
  return r.intervenedAt !== undefined && (!o.sellerAtFaultOnly || r.sellerAtFault === true);
}

/**
 * Counts → Indicators. Durations are summed in ms (exact for integer instants, whatever the summing order) and
 * converted to days at the end (§6.1: ms / 86 400 000, no rounding).
 */
export function finishIndicators(
  disputes: number,
  paidOrders: number,
  completed: number,
  selfCompleted: number,
  durationMs: number,
  durationCount: number,
): Indicators {
  return {
    disputeRate: paidOrders > 0 ? disputes / paidOrders : null,
    completionDays: durationCount > 0 ? durationMs / DAY_MS / durationCount : null,
    selfCompletionRate: completed > 0 ? selfCompleted / completed : null,
    disputes,
    completed,
    selfCompleted,
    paidOrders,
  };
}

/** paidOrders(t): Σ paidOrdersByDay over the day indices first … last, oldest first, a missing date counting 0. */
export function sumPaidOrders(paidOrdersByDay: Readonly<Record<string, number>>, firstDay: number, lastDay: number): number {
  let sum = 0;
  for (let d = firstDay; d <= lastDay; d++) sum += paidOrdersOn(paidOrdersByDay, dayIndexToDate(d));
  return sum;
}

export function computeIndicators(
  refunds: RefundFacts[],
  paidOrdersByDay: Record<string, number>,
  asOf: number,
  options?: IndicatorOptions,
): Indicators {
  const o = resolveIndicatorOptions(options);
  const last = beijingDayIndex(asOf);
  const first = last - o.windowDays + 1; // W(t) = D(t)−W+1 … D(t), whole Beijing days (§6.1)
  const c = countRefundsInWindow(refunds, o, first, last);
  return finishIndicators(c[0], sumPaidOrders(paidOrdersByDay, first, last), c[1], c[2], c[3], c[4]);
}

/** [disputes, completed, selfCompleted, durationMs, durationCount] of the Beijing day indices first … last. */
export type WindowCounts = [number, number, number, number, number];

/** The counts of computeIndicators over days first … last, each refundId counted once (§6.1). */
export function countRefundsInWindow(refunds: readonly RefundFacts[], o: ResolvedIndicatorOptions, first: number, last: number): WindowCounts {
  const span = last - first + 1;
  const b = bucketByDay(refunds, true, o, first, span, 0) ?? bucketByDay(mergeByRefundId(refunds), false, o, first, span, 0)!;
  // Whole milliseconds and counts: the float sums are exact (far below 2^53).
  return [sum(b.disputes), sum(b.completed), sum(b.selfCompleted), sum(b.durationMs), sum(b.durationCount)];
}

function sum(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}

/** Per-day buckets of one pass (see bucketByDay): index = Beijing day index − base. */
interface DayBuckets {
  disputes: Float64Array;
  completed: Float64Array;
  selfCompleted: Float64Array;
  durationMs: Float64Array;
  durationCount: Float64Array;
  /** Durations (ms) of C(asOf) (§6.3 population) of the buckets before `poolDays`, in medianPool[0 … medianCount). */
  medianPool: Float64Array;
  medianCount: number;
  /** Counted refunds without completedAt. */
  open: RefundFacts[];
}

/** Reused between calls: 8 bytes per refund would otherwise be allocated (and collected) on every projection. */
let sharedPool = new Float64Array(0);

/**
 * One pass: counted interventions and completions by Beijing day index − base (span buckets), the open refunds, and
 * the durations of buckets 0 … poolDays−1 for a median. The pool is shared by all calls: read it before the next one.
 * With `requireAscendingIds`, null as soon as the ids are not strictly ascending (storage sorts them by refundId):
 * the caller then merges duplicates first (§6.1 each refund counts once).
 */
export function bucketByDay(
  refunds: readonly RefundFacts[],
  requireAscendingIds: boolean,
  o: ResolvedIndicatorOptions,
  base: number,
  span: number,
  poolDays: number,
): DayBuckets | null {
  const disp = new Float64Array(span);
  const comp = new Float64Array(span);
  const self = new Float64Array(span);
  const durMs = new Float64Array(span);
  const durN = new Float64Array(span);
  if (poolDays > 0 && sharedPool.length < refunds.length) sharedPool = new Float64Array(refunds.length);
  const pool = sharedPool;
  let medianCount = 0;
  const open: RefundFacts[] = [];
  let prevId = '';
  for (let i = 0; i < refunds.length; i++) {
    const r = refunds[i]!;
    if (requireAscendingIds) {
      if (i > 0 && !(prevId < r.refundId)) return null;
      prevId = r.refundId;
    }
    if (!isCounted(r, o)) continue;
    if (countsAsDispute(r, o)) {
      const b = Math.floor((r.intervenedAt! + OFFSET_MS) / DAY) - base; // §6.2: by intervention date
      if (b >= 0 && b < span) disp[b]!++;
    }
    const c = r.completedAt;
    if (c === undefined) {
      open.push(r);
      continue;
    }
    const b = Math.floor((c + OFFSET_MS) / DAY) - base; // §6.3: by completion date
    if (!(b >= 0 && b < span)) continue;
    comp[b]!++;
    const s = isSelfCompleted(r, c, o.timeoutCountsAsSelfCompleted);
    if (s) self[b]!++;
    if ((s || !o.selfOnly) && c >= r.appliedAt) {
      const d = c - r.appliedAt;
      durMs[b]! += d;
      durN[b]!++;
      if (b < poolDays) pool[medianCount++] = d;
    }
  }
  return { disputes: disp, completed: comp, selfCompleted: self, durationMs: durMs, durationCount: durN, medianPool: pool, medianCount, open };
}

/**
 * §6.5 "records not understood": completed refunds of W(asOf) left out of completion time because appliedAt is
 * unknown or after completedAt.
 */
export function completionTimeExclusions(
  refunds: RefundFacts[],
  asOf: number,
  options?: IndicatorOptions,
): string[] {
  const o = resolveIndicatorOptions(options);
  const last = beijingDayIndex(asOf);
  const first = last - o.windowDays + 1;
  const ids: string[] = [];
  for (const r of mergeByRefundId(refunds)) {
    if (!isCounted(r, o) || r.completedAt === undefined) continue;
    const d = beijingDayIndex(r.completedAt);
    if (d >= first && d <= last && !(r.completedAt >= r.appliedAt)) ids.push(r.refundId);
  }
  return ids;
}

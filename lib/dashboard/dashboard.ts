// Everything the popup renders (issue 3 point 4), assembled by pure functions from the stored facts, the paid orders,
// the settings and "now": the composite estimate (domain.md §6.6), the three sub-indicators against the benchmarks and
// the official figures (§6.7), the W-day projection with its aging-out markers (§6.9), the most urgent refunds and the
// coverage line (§11). One pass over the refunds for the window events, one for the projection; nothing per day.
import {
  badness,
  campaignEligible,
  estimateComposite,
  ignoredPlatinumAnchors,
  needsAttention,
  SUB_INDICATORS,
  type Benchmark,
  type CompositeBenchmarks,
  type CompositeOptions,
  type CompositeParts,
  type SubIndicator,
} from '../composite';
import { badgeState } from '../deadline/state';
import {
  countsAsDispute,
  isCounted,
  resolveIndicatorOptions,
  type IndicatorOptions,
  type Indicators,
  type RefundFacts,
} from '../indicators';
import type { BadgeState } from '../model/vocabulary';
import { projectIndicatorsDetailed } from '../projection';
import { mergeByRefundId } from '../refund-merge';
import { DEFAULT_SCENARIO, type ProjectionScenario } from '../projection-scenarios';
import type { Settings } from '../settings/settings';
import { refundDetailUrl } from '../seller-center/urls';
import { beijingDayIndex, dayIndexToDate, missingPaidOrderDates } from '../window';


export const URGENT_LIMIT = 5;

export type Comparison = 'better' | 'equal' | 'worse';

/** One sub-indicator against 行业均值, 白金标准 and the official 子指标值 (all in the indicator's own unit). */
export interface SubIndicatorView {
  key: SubIndicator;
  value: number | null;
  /** ℓ of §6.6 (0–100), null without a value or a usable industry average. */
  lead: number | null;
  industryAverage: number | null;
  platinum: number | null;
  /** Lower badness is better (§6.6); null when the value or the average is missing. */
  vsAverage: Comparison | null;
  /** Value at least as good as platinum; null when either is missing. */
  platinumReached: boolean | null;
  /** Platinum entered but unusable (bP < 0 or bP ≥ bA): ignored by the estimate, with a warning (§6.6). */
  platinumIgnored: boolean;
  official: number | null;
  /** value − official in the own unit (fraction or days); null unless both exist. */
  officialDiff: number | null;
  /** The counts behind the value: numerator / denominator. */
  numerator: number;
  denominator: number;
}

export interface CompositeView {
  lead: number | null;
  rankShare: number | null;
  partial: boolean;
  parts: CompositeParts;
  /** 排名占比 ≤ 90 (§6.6); null without an estimate. */
  eligible: boolean | null;
  /** Lead < 30 (§6.6); null without an estimate. */
  attention: boolean | null;
  /** Sub-indicators missing from the estimate (no value or no industry average). */
  missing: SubIndicator[];
  weights: [number, number, number];
  /** Official 领先百分比 typed in (§6.7), with its rank share and date. */
  official: { leadPct: number; rankShare: number; date: string | null } | null;
}

export interface ProjectionPointView extends Indicators {
  k: number;
  date: string;
  lead: number | null;
  rankShare: number | null;
  partial: boolean;
  /** Completions of W(now) that age out at this point (dated D(now) − W + k), k ≥ 1. */
  completionsLeaving: number;
  /** Interventions (disputes) that age out at this point, k ≥ 1. */
  disputesLeaving: number;
  /** Open refunds whose assumed completion enters the window at this point (k ≥ 1). */
  joining: number;
}

export interface ProjectionView {
  scenario: ProjectionScenario;
  points: ProjectionPointView[];
  /** The k where the population changes (something leaves or joins), ascending. */
  markers: number[];
  /** Open refunds without a usable deadline or median: left out (§6.9 "not projected"). */
  notProjected: number;
}

export interface UrgentRefund {
  refundId: string;
  deadlineAt: number;
}

export interface UrgentRefundView extends UrgentRefund {
  /** Left until the deadline (negative: overdue). */
  msLeft: number;
  state: BadgeState;
  detailUrl: string;
}

export interface CoverageView {
  windowDays: number;
  windowStart: string;
  windowEnd: string;
  /** Dates of W(now) on which Refund Radar holds a counted event (application, completion or intervention). */
  daysRecorded: number;
  /** Dates of W(now) without a paid-order entry (§6.2). */
  missingPaidOrderDates: string[];
  /** Stored records that could not be used (no type / no 申请时间) + completions left out of time (§6.5). */
  recordsNotUnderstood: number;
}

/** Per-day counts of the events of W(now), index 0 = first date of W(now) (scenario-independent). */
export interface WindowEvents {
  completions: Int32Array;
  disputes: Int32Array;
}

export interface Dashboard {
  asOf: number;
  /** Nothing stored that the indicators can use: the popup shows the first-run help. */
  empty: boolean;
  indicators: Indicators;
  composite: CompositeView;
  subIndicators: SubIndicatorView[];
  /** 白金售后服务: all three reach platinum; null when a value or a platinum value is missing. */
  platinumAll: boolean | null;
  ignoredPlatinum: SubIndicator[];
  officialDate: string | null;
  projection: ProjectionView;
  urgent: UrgentRefundView[];
  /** Open refunds the seller must act on with a known deadline (the list shows the first URGENT_LIMIT). */
  sellerOpenCount: number;
  coverage: CoverageView;
  windowEvents: WindowEvents;
}

export interface DashboardExtras {
  /** Records refundFactsWithSkipped left out (skippedNoType + skippedNoAppliedAt). */
  skippedRecords?: number;
  /**
   * The most urgent seller refunds read straight from the [actor+deadlineAt] index (they may lack the type the facts
   * need); otherwise derived from the facts (open, seller must act, deadline known).
   */
  urgent?: UrgentRefund[];
  /** Total for "N more" when `urgent` is given. */
  sellerOpenCount?: number;
}

export function indicatorOptions(settings: Settings): IndicatorOptions {
  return {
    windowDays: settings.windowDays,
    disputeNumerator: settings.disputeNumerator,
    completionPopulation: settings.completionPopulation,
    timeoutCountsAsSelfCompleted: settings.timeoutCountsAsSelfCompleted,
    includeExchanges: settings.includeExchanges,
  };
}

export function compositeBenchmarks(settings: Settings): CompositeBenchmarks {
  const out: CompositeBenchmarks = {};
  for (const key of SUB_INDICATORS) {
    const b = settings.benchmarks[key];
    if (b.industryAverage === undefined) continue;
    const bm: Benchmark = { industryAverage: b.industryAverage };
    if (b.platinum !== undefined) bm.platinum = b.platinum;
    out[key] = bm;
  }
  return out;
}

export function compositeOptions(settings: Settings): CompositeOptions {
  return { weights: [...settings.weights], platinumLead: settings.platinumLead };
}

/** The first Beijing date the loader must read: W(now) starts at D(now) − W + 1; one spare day (W + 1 days). */
export function loaderSinceDate(asOf: number, windowDays: number): string {
  return dayIndexToDate(beijingDayIndex(asOf) - windowDays);
}

function compare(key: SubIndicator, value: number | null, reference: number | null | undefined): Comparison | null {
  if (value === null || reference === null || reference === undefined) return null;
  const b = badness(key, value);
  const r = badness(key, reference);
  // Within display precision counts as equal (floating noise of 1 − x).
  if (Math.abs(b - r) <= 1e-12 * Math.max(1, Math.abs(r))) return 'equal';
  return b < r ? 'better' : 'worse';
}

interface FactsPass {
  events: WindowEvents;
  daysRecorded: number;
  timeExcluded: number;
  urgent: UrgentRefund[];
  sellerOpenCount: number;
  hasCounted: boolean;
}

/** The one pass of the dashboard itself: window events per day, recorded days, §6.5 exclusions, urgent refunds. */
function scanFacts(facts: readonly RefundFacts[], settings: Settings, asOf: number): FactsPass {
  const o = resolveIndicatorOptions(indicatorOptions(settings));
  const W = o.windowDays;
  const today = beijingDayIndex(asOf);
  const base = today - W + 1;
  const completions = new Int32Array(W);
  const disputes = new Int32Array(W);
  const recorded = new Uint8Array(W);
  let timeExcluded = 0;
  let hasCounted = false;
  const urgent: UrgentRefund[] = [];
  const list = mergeByRefundId(facts);
  for (let i = 0; i < list.length; i++) {
    const r = list[i]!;
    if (!isCounted(r, o)) continue;
    hasCounted = true;
    const a = beijingDayIndex(r.appliedAt) - base;
    if (a >= 0 && a < W) recorded[a] = 1;
    if (r.intervenedAt !== undefined) {
      const b = beijingDayIndex(r.intervenedAt) - base;
      if (b >= 0 && b < W) {
        recorded[b] = 1;
        if (countsAsDispute(r, o)) disputes[b]!++;
      }
    }
    const c = r.completedAt;
    if (c === undefined) {
      // Open: the seller must act by deadlineAt when sellerTimeout is set on an open refund (§6.10, lib/db toRefundFacts).
      if (r.sellerTimeout === true && r.intervenedAt === undefined && r.deadlineAt !== undefined && Number.isFinite(r.deadlineAt)) {
        urgent.push({ refundId: r.refundId, deadlineAt: r.deadlineAt });
      }
      continue;
    }
    const b = beijingDayIndex(c) - base;
    if (b < 0 || b >= W) continue;
    recorded[b] = 1;
    completions[b]!++;
    if (!(c >= r.appliedAt)) timeExcluded++;
  }
  let daysRecorded = 0;
  for (let d = 0; d < W; d++) daysRecorded += recorded[d]!;
  urgent.sort((x, y) => x.deadlineAt - y.deadlineAt || (x.refundId < y.refundId ? -1 : 1));
  return { events: { completions, disputes }, daysRecorded, timeExcluded, urgent, sellerOpenCount: urgent.length, hasCounted };
}

/** The W + 1 projection points of one scenario, with the composite per point and the population markers (§6.9). */
export function buildProjection(
  facts: RefundFacts[],
  paidOrdersByDay: Record<string, number>,
  settings: Settings,
  asOf: number,
  scenario: ProjectionScenario,
  events: WindowEvents,
): ProjectionView {
  const detail = projectIndicatorsDetailed(facts, paidOrdersByDay, asOf, { ...indicatorOptions(settings), scenario });
  const bench = compositeBenchmarks(settings);
  const copts = compositeOptions(settings);
  const points: ProjectionPointView[] = [];
  const markers: number[] = [];
  detail.points.forEach((p, k) => {
    const c = estimateComposite(p, bench, copts);
    // An event of W(now) dated base + (k − 1) leaves at point k (§6.9: k = (e − D(now)) + W).
    const completionsLeaving = k > 0 ? (events.completions[k - 1] ?? 0) : 0;
    const disputesLeaving = k > 0 ? (events.disputes[k - 1] ?? 0) : 0;
    // completed_k = completed_{k−1} − leaving + joining (no known event enters after today).
    const joining = k > 0 ? Math.max(0, p.completed - detail.points[k - 1]!.completed + completionsLeaving) : 0;
    if (completionsLeaving + disputesLeaving + joining > 0) markers.push(k);
    points.push({
      k,
      date: p.date,
      disputeRate: p.disputeRate,
      completionDays: p.completionDays,
      selfCompletionRate: p.selfCompletionRate,
      disputes: p.disputes,
      completed: p.completed,
      selfCompleted: p.selfCompleted,
      paidOrders: p.paidOrders,
      lead: c.lead,
      rankShare: c.rankShare,
      partial: c.partial,
      completionsLeaving,
      disputesLeaving,
      joining,
    });
  });
  return { scenario, points, markers, notProjected: detail.notProjected.length };
}

/**
 * Everything the popup shows. `facts` as refundFactsWithSkipped returns them (sorted by refundId; open refunds plus
 * those completed or intervened since loaderSinceDate), `paidOrdersByDay` covering at least W(asOf).
 */
export function buildDashboard(
  facts: RefundFacts[],
  paidOrdersByDay: Record<string, number>,
  settings: Settings,
  asOf: number,
  scenario: ProjectionScenario = DEFAULT_SCENARIO,
  extras: DashboardExtras = {},
): Dashboard {
  const W = settings.windowDays;
  const scan = scanFacts(facts, settings, asOf);
  const projection = buildProjection(facts, paidOrdersByDay, settings, asOf, scenario, scan.events);
  const p0 = projection.points[0]!; // point 0 = computeIndicators(…, asOf) whatever the scenario (§6.9)
  const indicators: Indicators = {
    disputeRate: p0.disputeRate,
    completionDays: p0.completionDays,
    selfCompletionRate: p0.selfCompletionRate,
    disputes: p0.disputes,
    completed: p0.completed,
    selfCompleted: p0.selfCompleted,
    paidOrders: p0.paidOrders,
  };

  const bench = compositeBenchmarks(settings);
  const est = estimateComposite(indicators, bench, compositeOptions(settings));
  const ignored = ignoredPlatinumAnchors(bench);
  const official = settings.official;

  const subIndicators: SubIndicatorView[] = SUB_INDICATORS.map((key) => {
    const value = indicators[key];
    const b = settings.benchmarks[key];
    const avg = b.industryAverage ?? null;
    const plat = b.platinum ?? null;
    const off = official[key] ?? null;
    const [numerator, denominator] =
      key === 'disputeRate'
        ? [indicators.disputes, indicators.paidOrders]
        : key === 'selfCompletionRate'
          ? [indicators.selfCompleted, indicators.completed]
          : [indicators.completed, indicators.completed];
    const cmpPlat = compare(key, value, plat);
    return {
      key,
      value,
      lead: est.parts[key],
      industryAverage: avg,
      platinum: plat,
      vsAverage: compare(key, value, avg),
      platinumReached: cmpPlat === null ? null : cmpPlat !== 'worse',
      platinumIgnored: ignored.includes(key),
      official: off,
      officialDiff: value !== null && off !== null ? value - off : null,
      numerator,
      denominator,
    };
  });
  const platinumAll = subIndicators.some((s) => s.platinumReached === false)
    ? false
    : subIndicators.every((s) => s.platinumReached === true)
      ? true
      : null;

  const urgentSource = extras.urgent ?? scan.urgent;
  const urgent: UrgentRefundView[] = urgentSource.slice(0, URGENT_LIMIT).map((u) => ({
    ...u,
    msLeft: u.deadlineAt - asOf,
    state: badgeState({ status: 'wait_seller_agree', actor: 'seller', deadline: u.deadlineAt }, asOf, settings.thresholds),
    detailUrl: refundDetailUrl(u.refundId),
  }));

  const today = beijingDayIndex(asOf);
  return {
    asOf,
    empty: !scan.hasCounted,
    indicators,
    composite: {
      lead: est.lead,
      rankShare: est.rankShare,
      partial: est.partial,
      parts: est.parts,
      eligible: campaignEligible(est.rankShare),
      attention: needsAttention(est.lead),
      missing: SUB_INDICATORS.filter((k) => est.parts[k] === null),
      weights: [...settings.weights],
      official:
        official.leadPct === undefined ? null : { leadPct: official.leadPct, rankShare: 100 - official.leadPct, date: official.date ?? null },
    },
    subIndicators,
    platinumAll,
    ignoredPlatinum: ignored,
    officialDate: official.date ?? null,
    projection,
    urgent,
    sellerOpenCount: extras.urgent ? Math.max(extras.sellerOpenCount ?? 0, extras.urgent.length) : scan.sellerOpenCount,
    coverage: {
      windowDays: W,
      windowStart: dayIndexToDate(today - W + 1),
      windowEnd: dayIndexToDate(today),
      daysRecorded: scan.daysRecorded,
      missingPaidOrderDates: missingPaidOrderDates(paidOrdersByDay, asOf, W),
      recordsNotUnderstood: (extras.skippedRecords ?? 0) + scan.timeExcluded,
    },
    windowEvents: scan.events,
  };
}

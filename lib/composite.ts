// The composite 售后服务综合指标 as an explicit estimate (domain.md §6.6, API §6.10): each sub-indicator becomes a
// badness b, mapped to a lead ℓ(b) in % by piecewise-linear interpolation through the benchmark anchors.
import type { Indicators } from './indicators';

export interface Benchmark {
  industryAverage: number;
  platinum?: number;
} // in the indicator's own unit (rate fraction or days)

export interface CompositeOptions {
  weights?: [number, number, number];
  platinumLead?: number /* 90 */;
}

export interface CompositeBenchmarks {
  disputeRate?: Benchmark;
  completionDays?: Benchmark;
  selfCompletionRate?: Benchmark;
}

export interface CompositeParts {
  disputeRate: number | null;
  completionDays: number | null;
  selfCompletionRate: number | null;
}

interface CompositeEstimate {
  lead: number | null;
  rankShare: number | null;
  partial: boolean;
  parts: CompositeParts;
}

export type SubIndicator = keyof CompositeParts;
export const SUB_INDICATORS: readonly SubIndicator[] = ['disputeRate', 'completionDays', 'selfCompletionRate'];

const DEFAULT_WEIGHTS: readonly [number, number, number] = [1, 1, 1];
const DEFAULT_PLATINUM_LEAD = 90;
/** Official campaigns require 排名占比 ≤ 90 % (§6.6). */
export const CAMPAIGN_MAX_RANK_SHARE = 90;
/** Below a 30 % lead the shop "需及时关注" (§6.6). */
const ATTENTION_LEAD = 30;

/** Badness of a value or benchmark (§6.6): the rate itself, the days, or 1 − the self-completion rate. */
export function badness(indicator: SubIndicator, value: number): number {
  return indicator === 'selfCompletionRate' ? 1 - value : value;
}

/** Whether a platinum value gives an anchor (§6.6: 0 ≤ bP < bA); bP < 0 or bP ≥ bA is ignored with a warning. */
function platinumAnchorUsable(bP: number, bA: number): boolean {
  return Number.isFinite(bP) && bP >= 0 && bP < bA;
}

/**
 * ℓ(b) in % (§6.6): anchors 0 → 100, bP → λP (only if 0 < bP < bA; bP = 0 replaces the perfect anchor),
 * bA → 50, 2·bA → 0, clamped to 0 beyond. Null when bA is missing or ≤ 0.
 */
export function leadFromBadness(b: number, bA: number, bP?: number, platinumLead = DEFAULT_PLATINUM_LEAD): number | null {
  if (!Number.isFinite(b) || !Number.isFinite(bA) || !(bA > 0)) return null;
  const anchors: Array<[number, number]> = [];
  if (bP !== undefined && platinumAnchorUsable(bP, bA)) {
    if (bP === 0) anchors.push([0, platinumLead]);
    else anchors.push([0, 100], [bP, platinumLead]);
  } else {
    anchors.push([0, 100]);
  }
  anchors.push([bA, 50], [2 * bA, 0]);
  if (b <= 0) return anchors[0]![1];
  for (let i = 1; i < anchors.length; i++) {
    const [b1, l1] = anchors[i]!;
    if (b <= b1) {
      const [b0, l0] = anchors[i - 1]!;
      return l0 + ((l1 - l0) * (b - b0)) / (b1 - b0);
    }
  }
  return 0; // beyond 2·bA (clamp)
}

/** Sub-indicators whose platinum value is ignored (bP < 0 or bP ≥ bA): the popup shows a warning for them (§6.6). */
export function ignoredPlatinumAnchors(bench: CompositeBenchmarks): SubIndicator[] {
  const ignored: SubIndicator[] = [];
  for (const key of SUB_INDICATORS) {
    const bm = bench[key];
    if (!bm || bm.platinum === undefined) continue;
    const bA = badness(key, bm.industryAverage);
    if (!(bA > 0)) continue; // no estimate at all for this sub-indicator
    if (!platinumAnchorUsable(badness(key, bm.platinum), bA)) ignored.push(key);
  }
  return ignored;
}

export function estimateComposite(
  ind: Indicators,
  bench: { disputeRate?: Benchmark; completionDays?: Benchmark; selfCompletionRate?: Benchmark },
  options: CompositeOptions = {},
): CompositeEstimate {
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  if (weights.length !== 3 || weights.some((w) => !Number.isFinite(w) || w < 0)) {
    throw new RangeError('weights must be three finite numbers ≥ 0 (dispute : time : self)');
  }
  const lambdaP = options.platinumLead ?? DEFAULT_PLATINUM_LEAD;
  if (!(lambdaP > 50 && lambdaP <= 100)) throw new RangeError(`platinumLead must be in (50, 100], got ${lambdaP}`);

  const parts: CompositeParts = { disputeRate: null, completionDays: null, selfCompletionRate: null };
  let weighted = 0;
  let weightSum = 0;
  let available = 0;
  SUB_INDICATORS.forEach((key, i) => {
    const value = ind[key];
    const bm = bench[key];
    if (value === null || !bm) return;
    const bP = bm.platinum === undefined ? undefined : badness(key, bm.platinum);
    const part = leadFromBadness(badness(key, value), badness(key, bm.industryAverage), bP, lambdaP);
    if (part === null) return;
    parts[key] = part;
    available++;
    weighted += weights[i]! * part;
    weightSum += weights[i]!;
  });
  // L = Σ wᵢ·ℓᵢ / Σ wᵢ over the available parts, weights re-normalised; rankShare = 100 − L (§6.6).
  const lead = available > 0 && weightSum > 0 ? weighted / weightSum : null;
  return { lead, rankShare: lead === null ? null : 100 - lead, partial: available < SUB_INDICATORS.length, parts };
}

/** Campaign check of §6.6: rank share ≤ 90. */
export function campaignEligible(rankShare: number | null): boolean | null {
  return rankShare === null ? null : rankShare <= CAMPAIGN_MAX_RANK_SHARE;
}

/** Attention flag of §6.6: lead < 30. */
export function needsAttention(lead: number | null): boolean | null {
  return lead === null ? null : lead < ATTENTION_LEAD;
}

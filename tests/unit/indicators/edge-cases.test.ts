// Edge cases and every option of domain.md §6.1–§6.10.
import { afterEach, describe, expect, it } from 'vitest';
import {
  campaignEligible,
  estimateComposite,
  ignoredPlatinumAnchors,
  leadFromBadness,
  needsAttention,
} from '@/lib/composite';
import { medianCompletionMs } from './median-reference';
import { completionTimeExclusions, computeIndicators, type Indicators, type RefundFacts } from '@/lib/indicators';
import { refundImpact } from '@/lib/impact';
import { projectIndicators, projectIndicatorsDetailed } from '@/lib/projection';
import { mergeByRefundId } from '@/lib/refund-merge';
import { DAY_MS } from '@/lib/time/beijing';
import { beijingDayIndex, dayIndexToDate, missingPaidOrderDates, windowDates } from '@/lib/window';
import { BENCH, bj, NOW, PAID_ORDERS, REFUNDS } from './worked-example';

const HOUR = 3_600_000;
let seq = 0;
function refund(partial: Partial<RefundFacts> = {}): RefundFacts {
  return { refundId: `9${String(++seq).padStart(17, '0')}`, type: 'refund_only', phase: 'aftersale', appliedAt: NOW - 2 * DAY_MS, ...partial };
}
/** A completed refund: completedAt and a duration in days. */
const done = (completedAt: number, days = 1, extra: Partial<RefundFacts> = {}) =>
  refund({ appliedAt: completedAt - days * DAY_MS, completedAt, ...extra });
/** 100 paid orders on each date of W(NOW) (28 days) = 2,800. */
const P100: Record<string, number> = Object.fromEntries(windowDates(NOW, 30).map((d) => [d, 100]));
const ind = (rs: RefundFacts[], options = {}, pod = P100, asOf = NOW) => computeIndicators(rs, pod, asOf, options);

describe('zero denominators give null, never NaN, Infinity or 0 (§6.5)', () => {
  it('no paid orders entered → disputeRate null, disputes still counted', () => {
    const v = ind([refund({ intervenedAt: NOW })], {}, {});
    expect(v).toMatchObject({ disputeRate: null, disputes: 1, paidOrders: 0 });
  });
  it('paid orders entered as zero → null', () => {
    const zeros = Object.fromEntries(windowDates(NOW).map((d) => [d, 0]));
    expect(ind([refund({ intervenedAt: NOW })], {}, zeros).disputeRate).toBeNull();
  });
  it('no completed refunds → completionDays and selfCompletionRate null', () => {
    const v = ind([refund(), refund({ intervenedAt: NOW })]);
    expect(v).toMatchObject({ completionDays: null, selfCompletionRate: null, completed: 0, selfCompleted: 0 });
    expect(v.disputeRate).toBe(1 / 2800);
  });
  it('no refunds at all', () => {
    expect(ind([])).toEqual({ disputeRate: 0, completionDays: null, selfCompletionRate: null, disputes: 0, completed: 0, selfCompleted: 0, paidOrders: 2800 });
  });
  it('completedAt < appliedAt or unknown appliedAt: left out of completion time only, reported (§6.5)', () => {
    const bad = refund({ appliedAt: NOW, completedAt: NOW - HOUR });
    const unknown = refund({ appliedAt: Number.NaN, completedAt: NOW });
    const v = ind([bad, unknown]);
    expect(v).toMatchObject({ completed: 2, selfCompleted: 2, selfCompletionRate: 1, completionDays: null });
    expect(completionTimeExclusions([bad, unknown, done(NOW)], NOW)).toEqual([bad.refundId, unknown.refundId]);
    expect(ind([bad, done(NOW, 2)]).completionDays).toBe(2);
  });
  it('non-finite or negative paid-order entries count 0 and are reported missing', () => {
    const pod = { ...P100, '2026-11-20': Number.NaN, '2026-11-19': -5 };
    expect(ind([], {}, pod).paidOrders).toBe(2600);
    expect(missingPaidOrderDates(pod, NOW)).toEqual(['2026-11-19', '2026-11-20']);
  });
});

describe('window W(t): whole Beijing days D(t)−W+1 … D(t) (§6.1)', () => {
  it('t = 2026-11-21 10:00 Beijing, W = 28 → 2026-10-25 … 2026-11-21', () => {
    const dates = windowDates(NOW);
    expect(dates).toHaveLength(28);
    expect([dates[0], dates[27]]).toEqual(['2026-10-25', '2026-11-21']);
  });
  it('2026-10-24T16:00:00Z (10-25 00:00 Beijing) is inside, 2026-10-24T15:59:59Z is not', () => {
    const inside = Date.parse('2026-10-24T16:00:00Z');
    const outside = Date.parse('2026-10-24T15:59:59Z');
    expect(ind([refund({ intervenedAt: inside })]).disputes).toBe(1);
    expect(ind([refund({ intervenedAt: outside })]).disputes).toBe(0);
    expect(ind([done(inside)]).completed).toBe(1);
    expect(ind([done(outside)]).completed).toBe(0);
  });
  it('only the date matters: an event later on D(t) than t counts, the next Beijing day does not', () => {
    const lastMoment = Date.parse('2026-11-21T15:59:59.999Z'); // 23:59:59.999 Beijing
    expect(ind([done(lastMoment), refund({ intervenedAt: lastMoment })])).toMatchObject({ completed: 1, disputes: 1 });
    const nextDay = Date.parse('2026-11-21T16:00:00Z');
    expect(ind([done(nextDay), refund({ intervenedAt: nextDay })])).toMatchObject({ completed: 0, disputes: 0 });
  });
  it('asOf late in the Beijing day still gives the same window (UTC date differs from the Beijing date)', () => {
    const late = Date.parse('2026-11-21T15:30:00Z'); // 23:30 Beijing, still 11-21
    expect(windowDates(late)).toEqual(windowDates(NOW));
    const early = Date.parse('2026-11-20T16:30:00Z'); // 00:30 Beijing on 11-21, UTC date 11-20
    expect(windowDates(early)).toEqual(windowDates(NOW));
  });
  it('30-day window: 2026-10-23 … 2026-11-21; paid orders summed over 30 dates', () => {
    const dates = windowDates(NOW, 30);
    expect([dates.length, dates[0], dates[29]]).toEqual([30, '2026-10-23', '2026-11-21']);
    const oct23 = bj('2026-10-23', 12);
    const rs = [done(oct23), refund({ intervenedAt: oct23 })];
    expect(ind(rs, { windowDays: 30 })).toMatchObject({ completed: 1, disputes: 1, paidOrders: 3000 });
    expect(ind(rs, { windowDays: 28 })).toMatchObject({ completed: 0, disputes: 0, paidOrders: 2800 });
    expect(ind([done(bj('2026-10-22', 23, 59))], { windowDays: 30 }).completed).toBe(0);
    expect(missingPaidOrderDates({}, NOW, 30)).toHaveLength(30);
  });
  it('rejects a window that is not a whole number of days', () => {
    expect(() => ind([], { windowDays: 0 })).toThrow(RangeError);
    expect(() => ind([], { windowDays: 28.5 })).toThrow(RangeError);
  });
  it('day index helpers', () => {
    expect(dayIndexToDate(beijingDayIndex(NOW))).toBe('2026-11-21');
    expect(dayIndexToDate(beijingDayIndex(Date.parse('2026-10-24T16:00:00Z')))).toBe('2026-10-25');
  });
  it('missing paid-order dates are those of W(asOf) without an entry, oldest first', () => {
    const pod: Record<string, number> = { ...PAID_ORDERS };
    delete pod['2026-11-01'];
    delete pod['2026-10-25'];
    pod['2026-10-24'] = 100; // outside W(now): ignored
    expect(missingPaidOrderDates(pod, NOW)).toEqual(['2026-10-25', '2026-11-01']);
    expect(ind([], {}, pod).paidOrders).toBe(3000 - 125 - 125);
  });
});

describe('dispute rate (§6.2)', () => {
  it('counts by intervention date, whatever the completion', () => {
    const before = bj('2026-10-20', 12);
    const v = ind([done(NOW, 30, { intervenedAt: before }), done(bj('2026-10-01', 9), 5, { intervenedAt: NOW - DAY_MS })]);
    // first: intervened before the window, completed inside → not a dispute, but completed non-self (§6.2, §6.4)
    expect(v).toMatchObject({ disputes: 1, completed: 1, selfCompleted: 0 });
  });
  it("disputeNumerator 'sellerAtFault' counts only sellerAtFault refunds, by their intervention date", () => {
    const rs = [
      refund({ intervenedAt: NOW, sellerAtFault: true }),
      refund({ intervenedAt: NOW, sellerAtFault: false }),
      refund({ intervenedAt: NOW }),
      refund({ sellerAtFault: true }), // no intervention date: nothing to anchor it
      refund({ intervenedAt: bj('2026-10-01'), sellerAtFault: true }), // before the window
    ];
    expect(ind(rs).disputes).toBe(3);
    expect(ind(rs, { disputeNumerator: 'sellerAtFault' })).toMatchObject({ disputes: 1, disputeRate: 1 / 2800 });
  });
  it('open refunds count only through intervenedAt', () => {
    expect(ind([refund({ intervenedAt: NOW }), refund()])).toMatchObject({ disputes: 1, completed: 0 });
  });
});

describe('completion time and self-completion (§6.3, §6.4)', () => {
  it('applied before the window, completed inside: counts', () => {
    expect(ind([done(NOW, 40)]).completionDays).toBe(40);
  });
  it("completionPopulation 'selfOnly' restricts completion time only", () => {
    const rs = [done(NOW, 1), done(NOW, 4, { intervenedAt: NOW - DAY_MS })];
    expect(ind(rs)).toMatchObject({ completionDays: 2.5, completed: 2, selfCompleted: 1, selfCompletionRate: 0.5 });
    expect(ind(rs, { completionPopulation: 'selfOnly' })).toMatchObject({ completionDays: 1, completed: 2, selfCompleted: 1, selfCompletionRate: 0.5 });
  });
  it('self-completed = no intervenedAt at or before completedAt', () => {
    const at = done(NOW, 1, { intervenedAt: NOW }); // at completion: not self
    const after = done(NOW - DAY_MS, 1, { intervenedAt: NOW }); // intervened after completion: self, but a dispute
    expect(ind([at]).selfCompleted).toBe(0);
    expect(ind([after])).toMatchObject({ selfCompleted: 1, disputes: 1 });
  });
  it('timeoutCountsAsSelfCompleted: a seller-side timeout is self-completed by default, not with false', () => {
    const rs = [done(NOW, 2, { sellerTimeout: true }), done(NOW, 1)];
    expect(ind(rs)).toMatchObject({ selfCompleted: 2, selfCompletionRate: 1 });
    expect(ind(rs, { timeoutCountsAsSelfCompleted: false })).toMatchObject({ selfCompleted: 1, selfCompletionRate: 0.5, completionDays: 1.5 });
    expect(ind(rs, { timeoutCountsAsSelfCompleted: false, completionPopulation: 'selfOnly' }).completionDays).toBe(1);
  });
  it('exchanges are ignored in every count unless includeExchanges', () => {
    const rs = [done(NOW, 3, { type: 'exchange', intervenedAt: NOW - HOUR }), done(NOW, 1)];
    expect(ind(rs)).toMatchObject({ disputes: 0, completed: 1, selfCompleted: 1, completionDays: 1 });
    expect(ind(rs, { includeExchanges: true })).toMatchObject({ disputes: 1, completed: 2, selfCompleted: 1, completionDays: 2 });
    expect(medianCompletionMs(rs, NOW)).toBe(DAY_MS);
    expect(medianCompletionMs(rs, NOW, { includeExchanges: true })).toBe(2 * DAY_MS);
  });
  it('durations are ms / 86 400 000, unrounded', () => {
    expect(ind([done(NOW, 1 / 3)]).completionDays).toBeCloseTo(1 / 3, 15);
  });
  it('each refund counts once, by refundId: the earliest intervenedAt and a completion win (§6.5)', () => {
    const a = refund({ refundId: '123456789012345678', intervenedAt: NOW - HOUR });
    const b = { ...a, completedAt: NOW, intervenedAt: NOW - 40 * DAY_MS };
    const v = ind([a, b, { ...a }]);
    expect(v).toMatchObject({ disputes: 0, completed: 1, selfCompleted: 0 });
    expect(mergeByRefundId([a, b])).toEqual([{ ...a, completedAt: NOW, intervenedAt: NOW - 40 * DAY_MS }]);
    const rs = [a];
    expect(mergeByRefundId(rs)).toBe(rs); // no copy without duplicates
  });
});

describe('results do not depend on the machine time zone (§6.1)', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });
  const everything = () => ({
    ind: computeIndicators(REFUNDS, PAID_ORDERS, NOW),
    ind30: computeIndicators(REFUNDS, PAID_ORDERS, NOW, { windowDays: 30 }),
    proj: projectIndicators(REFUNDS, PAID_ORDERS, NOW),
    median: projectIndicators(REFUNDS, PAID_ORDERS, NOW, { scenario: 'median' }),
    impact: refundImpact(REFUNDS[REFUNDS.length - 1]!, REFUNDS, PAID_ORDERS, NOW),
    missing: missingPaidOrderDates({}, Date.parse('2026-11-20T17:00:00Z')),
  });
  it('America/New_York and Asia/Shanghai give identical results', () => {
    process.env.TZ = 'America/New_York';
    expect(new Date(Date.UTC(2026, 10, 21)).getTimezoneOffset()).toBe(300);
    const ny = everything();
    process.env.TZ = 'Asia/Shanghai';
    expect(new Date(Date.UTC(2026, 10, 21)).getTimezoneOffset()).toBe(-480);
    const sh = everything();
    expect(sh).toEqual(ny);
    expect(ny.ind.disputes).toBe(2);
    expect(ny.missing[27]).toBe('2026-11-21');
  });
});

describe('estimateComposite (§6.6)', () => {
  const withValues = (d: number | null, t: number | null, s: number | null): Indicators => ({
    disputeRate: d, completionDays: t, selfCompletionRate: s, disputes: 0, completed: 0, selfCompleted: 0, paidOrders: 0,
  });
  it('without a platinum anchor: ℓ = 100 − 50·b/bA, clamped to [0, 100]', () => {
    expect(leadFromBadness(0, 2)).toBe(100);
    expect(leadFromBadness(1, 2)).toBe(75);
    expect(leadFromBadness(2, 2)).toBe(50);
    expect(leadFromBadness(3, 2)).toBe(25);
    expect(leadFromBadness(4, 2)).toBe(0);
    expect(leadFromBadness(9, 2)).toBe(0);
    expect(leadFromBadness(-1, 2)).toBe(100);
  });
  it('platinum anchor 0 < bP < bA: 0 → 100, bP → λP, bA → 50, 2·bA → 0', () => {
    expect(leadFromBadness(1, 2.68, 2)).toBe(95);
    expect(leadFromBadness(2, 2.68, 2)).toBe(90);
    expect(leadFromBadness(2.34, 2.68, 2)).toBeCloseTo(70, 10);
    expect(leadFromBadness(2.68, 2.68, 2)).toBe(50);
    expect(leadFromBadness(2, 2.68, 2, 80)).toBe(80);
    expect(leadFromBadness(4.02, 2.68, 2)).toBeCloseTo(25, 10);
  });
  it('bP = 0 replaces the perfect anchor: ℓ(0) = λP', () => {
    expect(leadFromBadness(0, 2, 0)).toBe(90);
    expect(leadFromBadness(1, 2, 0)).toBe(70);
    expect(leadFromBadness(0, 2, 0, 100)).toBe(100);
  });
  it('bP < 0 or bP ≥ bA: ignored, with a warning', () => {
    expect(leadFromBadness(1, 2, 2)).toBe(75);
    expect(leadFromBadness(1, 2, -0.5)).toBe(75);
    expect(ignoredPlatinumAnchors({
      disputeRate: { industryAverage: 0.0001, platinum: 0.0002 },
      completionDays: { industryAverage: 2.68, platinum: 2 },
      selfCompletionRate: { industryAverage: 0.9665, platinum: 1.2 }, // badness −0.2
    })).toEqual(['disputeRate', 'selfCompletionRate']);
  });
  it('benchmarks use the same badness transform (self benchmark 0.9665 → 0.0335; platinum 0.99 → 0.01)', () => {
    const c = estimateComposite(withValues(null, null, 0.99), { selfCompletionRate: { industryAverage: 0.9665, platinum: 0.99 } });
    expect(c.parts.selfCompletionRate).toBeCloseTo(90, 10);
    expect(estimateComposite(withValues(null, null, 1), { selfCompletionRate: { industryAverage: 0.9665, platinum: 1 } }).parts.selfCompletionRate).toBe(90);
  });
  it('a part is null when its value is null or its benchmark is missing or unusable (bA ≤ 0); weights re-normalised', () => {
    const v = withValues(0.0001, 2.68, 1);
    const c = estimateComposite(v, { disputeRate: { industryAverage: 0 }, completionDays: { industryAverage: 2.68 }, selfCompletionRate: BENCH.selfCompletionRate });
    expect(c).toEqual({ lead: 75, rankShare: 25, partial: true, parts: { disputeRate: null, completionDays: 50, selfCompletionRate: 100 } });
    const c3 = estimateComposite(v, { completionDays: { industryAverage: 2.68 }, selfCompletionRate: BENCH.selfCompletionRate }, { weights: [3, 2, 1] });
    expect(c3.lead).toBeCloseTo((2 * 50 + 100) / 3, 12);
    expect(estimateComposite(withValues(null, 2.68, 1), BENCH).partial).toBe(true);
  });
  it('no part available → lead and rankShare null (no_data), partial', () => {
    expect(estimateComposite(withValues(null, null, null), BENCH)).toEqual({
      lead: null, rankShare: null, partial: true, parts: { disputeRate: null, completionDays: null, selfCompletionRate: null },
    });
    expect(estimateComposite(withValues(0.1, 2, 0.5), {}).lead).toBeNull();
    expect(estimateComposite(withValues(0.1, 2, 0.5), { completionDays: { industryAverage: -1 } }).lead).toBeNull();
  });
  it('platinumLead and weights are validated', () => {
    const v = withValues(0, 0, 1);
    expect(() => estimateComposite(v, BENCH, { platinumLead: 50 })).toThrow(RangeError);
    expect(() => estimateComposite(v, BENCH, { platinumLead: 101 })).toThrow(RangeError);
    expect(() => estimateComposite(v, BENCH, { weights: [1, -1, 1] })).toThrow(RangeError);
    expect(estimateComposite(v, BENCH, { platinumLead: 100 }).lead).toBe(100);
  });
  it('campaign check rankShare ≤ 90 and attention flag lead < 30', () => {
    expect([campaignEligible(90), campaignEligible(90.01), campaignEligible(null)]).toEqual([true, false, null]);
    expect([needsAttention(29.9), needsAttention(30), needsAttention(null)]).toEqual([true, false, null]);
  });
});

describe('refundImpact (§6.8, §6.10)', () => {
  const open = refund({ appliedAt: NOW - 1.5 * DAY_MS, deadlineAt: NOW + 3.5 * DAY_MS, sellerTimeout: true });
  const history = [done(NOW - DAY_MS, 2), done(NOW - 3 * DAY_MS, 4, { intervenedAt: NOW - 5 * DAY_MS })];
  it('n = 0: the new values, not deltas (T′ = d; S′ = 100 % or 0 %)', () => {
    const v = refundImpact(open, [], P100, NOW);
    expect(v.ifCompletedNow).toMatchObject({ completionDays: 1.5, selfCompletionRate: 1, completed: 1 });
    expect(v.ifCompletedAtDeadline).toMatchObject({ completionDays: 5, selfCompletionRate: 1, completed: 1 });
    expect(v.ifIntervened).toMatchObject({ completionDays: null, selfCompletionRate: null, disputes: 1, disputeRate: 1 / 2800 });
    const intervened = refundImpact({ ...open, intervenedAt: NOW - HOUR }, [], P100, NOW);
    expect(intervened.ifCompletedNow).toMatchObject({ selfCompletionRate: 0, disputes: 1 });
  });
  it('the entry of history with the same refundId is replaced by the hypothesis', () => {
    const v = refundImpact(open, [...history, open, { ...open }], P100, NOW);
    expect(v.ifCompletedNow.completed).toBe(3);
    expect(v.ifIntervened.disputes).toBe(2);
  });
  it('ifIntervened keeps an earlier intervenedAt (§6.5): one already outside the window adds nothing', () => {
    const old = { ...open, intervenedAt: bj('2026-10-01') };
    expect(refundImpact(old, history, P100, NOW).ifIntervened.disputes).toBe(1);
  });
  it('ifCompletedAtDeadline: c = asOf without deadlineAt or with a past deadline; sellerTimeout only matters with the setting off', () => {
    const noDeadline = { ...open };
    delete noDeadline.deadlineAt;
    expect(refundImpact(noDeadline, [], P100, NOW).ifCompletedAtDeadline.completionDays).toBe(1.5);
    expect(refundImpact({ ...open, deadlineAt: NOW - DAY_MS }, [], P100, NOW).ifCompletedAtDeadline.completionDays).toBe(1.5);
    const off = refundImpact(open, history, P100, NOW, { timeoutCountsAsSelfCompleted: false });
    expect(off.ifCompletedAtDeadline).toMatchObject({ completed: 3, selfCompleted: 1 });
    expect(off.ifCompletedNow).toMatchObject({ completed: 3, selfCompleted: 2 });
    const buyerSide = refundImpact({ ...open, sellerTimeout: false }, history, P100, NOW, { timeoutCountsAsSelfCompleted: false });
    expect(buyerSide.ifCompletedAtDeadline.selfCompleted).toBe(2);
  });
  it('the deadline outcome is counted in W(asOf) even when D(deadline) is after D(asOf)', () => {
    const far = { ...open, deadlineAt: NOW + 20 * DAY_MS };
    expect(refundImpact(far, history, P100, NOW).ifCompletedAtDeadline).toMatchObject({ completed: 3 });
    expect(refundImpact(far, history, P100, NOW).ifCompletedAtDeadline.completionDays).toBeCloseTo((2 + 4 + 21.5) / 3, 12);
  });
  it('respects the options (exchanges ignored by default)', () => {
    const ex = { ...open, type: 'exchange' as const };
    const v = refundImpact(ex, history, P100, NOW);
    expect(v.ifCompletedNow).toEqual(computeIndicators(history, P100, NOW));
    expect(refundImpact(ex, history, P100, NOW, { includeExchanges: true }).ifCompletedNow.completed).toBe(3);
  });
});

describe('projectIndicators (§6.9)', () => {
  const W = 28;
  it('returns W + 1 points (31 for a 30-day window)', () => {
    expect(projectIndicators([], P100, NOW)).toHaveLength(W + 1);
    const p30 = projectIndicators([], P100, NOW, { windowDays: 30 });
    expect(p30).toHaveLength(31);
    expect(p30[30]!.date).toBe('2026-12-21');
  });
  it('paid orders: known days still in the window + k·p̄; entries for future dates are not used', () => {
    const pod = { ...PAID_ORDERS, '2026-11-22': 9999 };
    const p = projectIndicators([], pod, NOW);
    expect(p[1]!.paidOrders).toBeCloseTo(3000 - 125 + 3000 / 28, 9);
    expect(p[28]!.paidOrders).toBeCloseTo(3000, 9);
    const empty = projectIndicators([], {}, NOW);
    expect(empty.every((x) => x.paidOrders === 0 && x.disputeRate === null)).toBe(true);
  });
  it('aging out: an event of day e leaves at k = (e − D(now)) + W', () => {
    const e = -5;
    const p = projectIndicators([done(bj('2026-11-16', 9), 1, { intervenedAt: bj('2026-11-16', 8) })], PAID_ORDERS, NOW);
    expect(p[W + e - 1]).toMatchObject({ completed: 1, disputes: 1 });
    expect(p[W + e]).toMatchObject({ completed: 0, disputes: 0 });
  });
  it('known future-dated events enter when their date does', () => {
    const p = projectIndicators([done(bj('2026-11-23', 9), 1)], PAID_ORDERS, NOW);
    expect(p.map((x) => x.completed).slice(0, 4)).toEqual([0, 0, 1, 1]);
  });
  it('`now`: open refunds join at k = 1 and have all left at k = W, self-completed', () => {
    const p = projectIndicators([refund({ deadlineAt: NOW + 3 * DAY_MS })], PAID_ORDERS, NOW, { scenario: 'now' });
    expect(p[0]!.completed).toBe(0);
    expect(p[1]).toMatchObject({ completed: 1, selfCompleted: 1, completionDays: 2 });
    expect(p[W - 1]!.completed).toBe(1);
    expect(p[W]!.completed).toBe(0);
  });
  it('`deadline`: c = max(now, deadline); a passed deadline completes now', () => {
    const p = projectIndicators([refund({ deadlineAt: NOW + 3 * DAY_MS }), refund({ deadlineAt: NOW - DAY_MS })], PAID_ORDERS, NOW);
    expect(p.map((x) => x.completed).slice(0, 5)).toEqual([0, 1, 1, 2, 2]);
    expect(p[3]!.completionDays).toBeCloseTo((5 + 2) / 2, 12);
  });
  it('`deadline` without a deadline falls back to `median`; `median` with no completions falls back to `deadline`; neither → not projected', () => {
    const hist = [done(NOW - DAY_MS, 4)];
    const noDeadline = refund({ appliedAt: NOW - DAY_MS });
    const d = projectIndicatorsDetailed([...hist, noDeadline], PAID_ORDERS, NOW, { scenario: 'deadline' });
    expect(d.medianMs).toBe(4 * DAY_MS);
    expect(d.points[3]).toMatchObject({ completed: 2, completionDays: 4 }); // completes 11-24 10:00 (applied + 4 d)
    expect(d.points[2]!.completed).toBe(1);
    const withDeadline = refund({ deadlineAt: NOW + DAY_MS });
    const m = projectIndicatorsDetailed([withDeadline, noDeadline], PAID_ORDERS, NOW, { scenario: 'median' });
    expect(m.medianMs).toBeNull();
    expect(m.notProjected).toEqual([noDeadline.refundId]);
    expect(m.points[2]).toMatchObject({ completed: 1, completionDays: 3 });
    expect(projectIndicators([withDeadline, noDeadline], PAID_ORDERS, NOW, { scenario: 'median' })).toEqual(m.points);
  });
  it('even-count median is the mean of the two middle values; c never before now', () => {
    const hist = [done(NOW - DAY_MS, 1), done(NOW - DAY_MS, 2), done(NOW - DAY_MS, 4), done(NOW - DAY_MS, 10)];
    expect(medianCompletionMs(hist, NOW)).toBe(3 * DAY_MS);
    const old = refund({ appliedAt: NOW - 20 * DAY_MS });
    const p = projectIndicators([...hist, old], PAID_ORDERS, NOW, { scenario: 'median' });
    expect(p[1]!.completed).toBe(5); // max(now, applied + 3 d) = now
    expect(p[1]!.completionDays).toBeCloseTo((1 + 2 + 4 + 10 + 20) / 5, 12);
  });
  it('a projection carries nothing over from an earlier one (the median pool is reused between calls)', () => {
    const small = [done(NOW - DAY_MS, 1), done(NOW - DAY_MS, 5), refund({ appliedAt: NOW - HOUR })];
    const alone = projectIndicatorsDetailed(small, PAID_ORDERS, NOW, { scenario: 'median' });
    expect(alone.medianMs).toBe(3 * DAY_MS);
    const big = Array.from({ length: 50 }, (_, i) => done(NOW - DAY_MS, 10 + i));
    projectIndicatorsDetailed([...big, refund({ appliedAt: NOW - HOUR })], PAID_ORDERS, NOW, { scenario: 'median' });
    expect(projectIndicatorsDetailed(small, PAID_ORDERS, NOW, { scenario: 'median' })).toEqual(alone);
  });
  it('intervening refunds always use `median` and are not self-completed; others finish without new interventions', () => {
    const hist = [done(NOW - DAY_MS, 2)];
    const intervening = refund({ appliedAt: NOW - 2 * HOUR, intervenedAt: NOW - HOUR, deadlineAt: NOW + 10 * DAY_MS });
    for (const scenario of ['now', 'deadline', 'median'] as const) {
      const p = projectIndicators([...hist, intervening], PAID_ORDERS, NOW, { scenario });
      expect(p[1]).toMatchObject({ completed: 1, disputes: 1 });
      expect(p[2]).toMatchObject({ completed: 2, selfCompleted: 1, disputes: 1 }); // applied + 2 d = 11-23 08:00
    }
  });
  it('sellerTimeout: not self-completed only for completions assumed at a deadline with the setting off', () => {
    const r = refund({ deadlineAt: NOW + DAY_MS, sellerTimeout: true });
    const off = { timeoutCountsAsSelfCompleted: false };
    expect(projectIndicators([r], PAID_ORDERS, NOW, { ...off, scenario: 'deadline' })[1]).toMatchObject({ completed: 1, selfCompleted: 0 });
    expect(projectIndicators([r], PAID_ORDERS, NOW, { scenario: 'deadline' })[1]).toMatchObject({ completed: 1, selfCompleted: 1 });
    expect(projectIndicators([r], PAID_ORDERS, NOW, { ...off, scenario: 'now' })[1]).toMatchObject({ completed: 1, selfCompleted: 1 });
    expect(projectIndicators([r], PAID_ORDERS, NOW, { ...off, scenario: 'median' })[1]).toMatchObject({ completed: 1, selfCompleted: 0 }); // median → deadline fallback
  });
  it('honours the indicator options (exchanges, selfOnly, sellerAtFault)', () => {
    const rs = [refund({ type: 'exchange', deadlineAt: NOW }), done(NOW - DAY_MS, 3, { intervenedAt: NOW - 2 * DAY_MS, sellerAtFault: true }), refund({ deadlineAt: NOW, appliedAt: NOW - DAY_MS })];
    const p = projectIndicators(rs, PAID_ORDERS, NOW, { completionPopulation: 'selfOnly', disputeNumerator: 'sellerAtFault' });
    expect(p[1]).toMatchObject({ completed: 2, selfCompleted: 1, completionDays: 1, disputes: 1 });
    const pe = projectIndicators(rs, PAID_ORDERS, NOW, { includeExchanges: true });
    expect(pe[1]!.completed).toBe(3);
  });
});

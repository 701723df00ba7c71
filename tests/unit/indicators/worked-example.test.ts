// domain.md §6.8 and §6.9 worked examples, reproduced to the printed digits.
import { describe, expect, it } from 'vitest';
import { estimateComposite, type CompositeOptions } from '@/lib/composite';
import { medianCompletionMs } from './median-reference';
import { computeIndicators, type Indicators, type RefundFacts } from '@/lib/indicators';
import { refundImpact } from '@/lib/impact';
import { projectIndicators, projectIndicatorsDetailed } from '@/lib/projection';
import { DAY_MS } from '@/lib/time/beijing';
import { missingPaidOrderDates, windowDates } from '@/lib/window';
import { BENCH, COMPLETED, IMPACT_REFUND, NOW, OPEN, PAID_ORDERS, REFUNDS } from './worked-example';

/** Fixed-point text as printed, without a "-0.00". */
const fx = (x: number | null, digits: number): string => {
  if (x === null) return 'null';
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
};
const pct = (x: number | null, digits: number) => fx(x === null ? null : x * 100, digits);
const W321: CompositeOptions = { weights: [3, 2, 1] };
const lead = (ind: Indicators, options?: CompositeOptions) => estimateComposite(ind, BENCH, options).lead!;

describe('§6.8/§6.9 fixture', () => {
  it('is the data set described: 120 completed, 2 interventions, O1–O5 open, P = 3,000 over W(now)', () => {
    expect(COMPLETED).toHaveLength(120);
    expect(COMPLETED.filter((r) => r.intervenedAt !== undefined)).toHaveLength(2);
    expect(Object.keys(OPEN)).toEqual(['O1', 'O2', 'O3', 'O4', 'O5']);
    expect(windowDates(NOW)[0]).toBe('2026-10-25');
    expect(missingPaidOrderDates(PAID_ORDERS, NOW)).toEqual([]);
    expect(Object.values(PAID_ORDERS).reduce((a, b) => a + b, 0)).toBe(3000);
    expect(medianCompletionMs(REFUNDS, NOW)! / DAY_MS).toBeCloseTo(2.4, 12); // "mean 2.4, median 2.4"
    expect(new Date(OPEN.O4.deadlineAt!).toISOString()).toBe('2026-11-22T04:03:00.000Z'); // 11-22 12:03 Beijing
  });
});

describe('§6.8 current values', () => {
  const ind = computeIndicators(REFUNDS, PAID_ORDERS, NOW);

  it('dispute 2/3000 = 0.0667%, time 2.40, self 118/120 = 98.33%', () => {
    expect(ind).toMatchObject({ disputes: 2, paidOrders: 3000, completed: 120, selfCompleted: 118 });
    expect(pct(ind.disputeRate, 4)).toBe('0.0667');
    expect(fx(ind.completionDays, 2)).toBe('2.40');
    expect(pct(ind.selfCompletionRate, 2)).toBe('98.33');
  });

  it('ℓ: dispute 0 (beyond 2 × 0.01%), time 55.22, self 75.12 (b = 0.01667, bA = 0.0335)', () => {
    const c = estimateComposite(ind, BENCH);
    expect(c.parts.disputeRate).toBe(0);
    expect(fx(c.parts.completionDays, 2)).toBe('55.22');
    expect(fx(c.parts.selfCompletionRate, 2)).toBe('75.12');
    expect(fx(1 - ind.selfCompletionRate!, 5)).toBe('0.01667');
    expect(c.partial).toBe(false);
  });

  it('composite 1:1:1 L = 43.45, rank share 56.55 (eligible); 3:2:1 L = 30.93, rank share 69.07', () => {
    const c = estimateComposite(ind, BENCH);
    expect(fx(c.lead, 2)).toBe('43.45');
    expect(fx(c.rankShare, 2)).toBe('56.55');
    expect(c.rankShare!).toBeLessThanOrEqual(90);
    const c3 = estimateComposite(ind, BENCH, W321);
    expect(fx(c3.lead, 2)).toBe('30.93');
    expect(fx(c3.rankShare, 2)).toBe('69.07');
  });
});

describe('§6.8 impact table', () => {
  const base = computeIndicators(REFUNDS, PAID_ORDERS, NOW);
  const history = [...REFUNDS, IMPACT_REFUND];
  const impact = refundImpact(IMPACT_REFUND, history, PAID_ORDERS, NOW);
  const T = base.completionDays!;
  const S = base.selfCompletionRate!;
  const L = lead(base);
  const L3 = lead(base, W321);

  it('the open refund itself changes nothing today (d_now = 1.5, d_deadline = 5.0)', () => {
    expect(computeIndicators(history, PAID_ORDERS, NOW)).toEqual(base);
    expect((NOW - IMPACT_REFUND.appliedAt) / DAY_MS).toBe(1.5);
    expect((IMPACT_REFUND.deadlineAt! - IMPACT_REFUND.appliedAt) / DAY_MS).toBe(5);
  });

  it('seller completes now: 0.0667%, 2.3926 d (Δ −0.00744 d ≈ −10.7 min), 119/121 = 98.35% (Δ +0.0138 pp), 43.56 / 56.44, Δ +0.11 / +0.08', () => {
    const v = impact.ifCompletedNow;
    expect(pct(v.disputeRate, 4)).toBe('0.0667');
    expect(fx(v.completionDays, 4)).toBe('2.3926');
    expect(fx(v.completionDays! - T, 5)).toBe('-0.00744');
    expect(fx((v.completionDays! - T) * 1440, 1)).toBe('-10.7');
    expect([v.selfCompleted, v.completed]).toEqual([119, 121]);
    expect(pct(v.selfCompletionRate, 2)).toBe('98.35');
    expect(pct(v.selfCompletionRate! - S, 4)).toBe('0.0138');
    // §6.8 formulas: Δ time = (d − T)/(n+1), Δ self = (n − k)/(n(n+1))
    expect(v.completionDays! - T).toBeCloseTo((1.5 - 2.4) / 121, 12);
    expect(v.selfCompletionRate! - S).toBeCloseTo(2 / (120 * 121), 12);
    const c = estimateComposite(v, BENCH);
    expect(fx(c.lead, 2)).toBe('43.56');
    expect(fx(c.rankShare, 2)).toBe('56.44');
    expect(fx(c.lead! - L, 2)).toBe('0.11');
    expect(fx(lead(v, W321) - L3, 2)).toBe('0.08');
  });

  it('times out at deadline, auto refund, self by default: 2.4215 d (Δ +0.02149 d ≈ +30.9 min), 98.35%, 43.38 / 56.62, Δ −0.07 / −0.10', () => {
    const v = impact.ifCompletedAtDeadline;
    expect(pct(v.disputeRate, 4)).toBe('0.0667');
    expect(fx(v.completionDays, 4)).toBe('2.4215');
    expect(fx(v.completionDays! - T, 5)).toBe('0.02149');
    expect(fx((v.completionDays! - T) * 1440, 1)).toBe('30.9');
    expect([v.selfCompleted, v.completed]).toEqual([119, 121]);
    expect(pct(v.selfCompletionRate, 2)).toBe('98.35');
    expect(pct(v.selfCompletionRate! - S, 4)).toBe('0.0138');
    const c = estimateComposite(v, BENCH);
    expect(fx(c.lead, 2)).toBe('43.38');
    expect(fx(c.rankShare, 2)).toBe('56.62');
    expect(fx(c.lead! - L, 2)).toBe('-0.07');
    expect(fx(lead(v, W321) - L3, 2)).toBe('-0.10');
  });

  it('intervened now, still open: 0.1000% (Δ +0.0333 pp), 2.4000 d, 118/120 = 98.33%, 43.45 / 56.55, Δ 0.00 / 0.00', () => {
    const v = impact.ifIntervened;
    expect(pct(v.disputeRate, 4)).toBe('0.1000');
    expect(pct(v.disputeRate! - base.disputeRate!, 4)).toBe('0.0333');
    expect(v.disputeRate! - base.disputeRate!).toBeCloseTo(1 / 3000, 15); // +1/P
    expect(fx(v.completionDays, 4)).toBe('2.4000');
    expect([v.selfCompleted, v.completed]).toEqual([118, 120]);
    expect(pct(v.selfCompletionRate, 2)).toBe('98.33');
    const c = estimateComposite(v, BENCH);
    expect(fx(c.lead, 2)).toBe('43.45');
    expect(fx(c.rankShare, 2)).toBe('56.55');
    expect(fx(c.lead! - L, 2)).toBe('0.00');
    expect(fx(lead(v, W321) - L3, 2)).toBe('0.00');
  });

  it('intervened, completes at deadline: 0.1000%, 2.4215 d, 118/121 = 97.52% (Δ −0.8127 pp), 39.27 / 60.73, Δ −4.18 / −2.16', () => {
    // Not one of refundImpact's outcomes: the same W(now) rule, applied to an intervened refund completed at d = 5.0.
    const d = IMPACT_REFUND.deadlineAt! - IMPACT_REFUND.appliedAt;
    const hyp: RefundFacts = { ...IMPACT_REFUND, intervenedAt: NOW, appliedAt: NOW - d, completedAt: NOW };
    const v = computeIndicators([...REFUNDS, hyp], PAID_ORDERS, NOW);
    expect(pct(v.disputeRate, 4)).toBe('0.1000');
    expect(pct(v.disputeRate! - base.disputeRate!, 4)).toBe('0.0333');
    expect(fx(v.completionDays, 4)).toBe('2.4215');
    expect(fx(v.completionDays! - T, 5)).toBe('0.02149');
    expect([v.selfCompleted, v.completed]).toEqual([118, 121]);
    expect(pct(v.selfCompletionRate, 2)).toBe('97.52');
    expect(pct(v.selfCompletionRate! - S, 4)).toBe('-0.8127');
    expect(v.selfCompletionRate! - S).toBeCloseTo(-118 / (120 * 121), 12); // −k/(n(n+1))
    // The same record reached through refundImpact: ifCompletedAtDeadline of the refund already intervened now.
    const viaApi = refundImpact({ ...IMPACT_REFUND, intervenedAt: NOW }, REFUNDS, PAID_ORDERS, NOW).ifCompletedAtDeadline;
    expect(viaApi).toEqual(v);
    const c = estimateComposite(v, BENCH);
    expect(fx(c.lead, 2)).toBe('39.27');
    expect(fx(c.rankShare, 2)).toBe('60.73');
    expect(fx(c.lead! - L, 2)).toBe('-4.18');
    expect(fx(lead(v, W321) - L3, 2)).toBe('-2.16');
  });

  it('handling it now instead of at the deadline is worth 41.7 minutes of average completion time', () => {
    const minutes = (impact.ifCompletedAtDeadline.completionDays! - impact.ifCompletedNow.completionDays!) * 1440;
    expect(fx(minutes, 1)).toBe('41.7');
  });
});

describe('§6.9 projection table', () => {
  const deadline = projectIndicators(REFUNDS, PAID_ORDERS, NOW, { scenario: 'deadline' });
  const now = projectIndicators(REFUNDS, PAID_ORDERS, NOW, { scenario: 'now' });
  const median = projectIndicators(REFUNDS, PAID_ORDERS, NOW, { scenario: 'median' });

  type Row = [k: number, date: string, paid: string, disputes: number, rate: string, n: number, days: string, self: string, lead: string, rank: string, nowRank: string | null, medianRank: string | null];
  const rows: Row[] = [
    [0, '2026-11-21', '3000.0', 2, '0.0667', 120, '2.40', '98.33', '43.4', '56.6', null, null],
    [1, '2026-11-22', '2982.1', 2, '0.0671', 117, '2.41', '98.29', '43.1', '56.9', '56.7', '56.8'],
    [4, '2026-11-25', '3003.6', 1, '0.0333', 103, '2.35', '98.06', '42.4', '57.6', '57.3', '57.4'],
    [7, '2026-11-28', '3000.0', 1, '0.0333', 93, '2.41', '98.92', '46.3', '53.7', '52.7', '52.8'],
    [11, '2026-12-02', '3003.6', 0, '0.0000', 77, '2.29', '98.70', '79.3', '20.7', '19.5', '19.6'],
    [13, '2026-12-04', '3017.9', 0, '0.0000', 69, '2.21', '100.00', '86.3', '13.7', '12.3', '12.5'],
    [14, '2026-12-05', '3000.0', 0, '0.0000', 65, '2.16', '100.00', '86.6', '13.4', '12.0', '12.2'],
    [21, '2026-12-12', '3000.0', 0, '0.0000', 33, '2.51', '100.00', '84.4', '15.6', '12.7', '13.1'],
    [27, '2026-12-18', '3017.9', 0, '0.0000', 9, '4.41', '100.00', '72.6', '27.4', '16.7', '18.1'],
    [28, '2026-12-19', '3000.0', 0, '0.0000', 5, '6.50', '100.00', '66.7', '33.3', '0.0', '14.9'],
  ];

  it('has W + 1 = 29 points dated D(now) + k, in every scenario', () => {
    for (const series of [deadline, now, median]) {
      expect(series).toHaveLength(29);
      expect(series[0]!.date).toBe('2026-11-21');
      expect(series[28]!.date).toBe('2026-12-19');
    }
    expect(projectIndicators(REFUNDS, PAID_ORDERS, NOW)).toEqual(deadline); // default scenario
    expect(fx(3000 / 28, 2)).toBe('107.14'); // p̄
  });

  it.each(rows)('k = %i (%s)', (k, date, paid, disputes, rate, n, days, self, leadTxt, rank, nowRank, medianRank) => {
    const p = deadline[k]!;
    expect(p.date).toBe(date);
    expect(fx(p.paidOrders, 1)).toBe(paid);
    expect(p.disputes).toBe(disputes);
    expect(pct(p.disputeRate, 4)).toBe(rate);
    expect(p.completed).toBe(n);
    expect(fx(p.completionDays, 2)).toBe(days);
    expect(pct(p.selfCompletionRate, 2)).toBe(self);
    const c = estimateComposite(p, BENCH);
    expect(fx(c.lead, 1)).toBe(leadTxt);
    expect(fx(c.rankShare, 1)).toBe(rank);
    if (nowRank !== null) expect(fx(estimateComposite(now[k]!, BENCH).rankShare, 1)).toBe(nowRank);
    if (medianRank !== null) expect(fx(estimateComposite(median[k]!, BENCH).rankShare, 1)).toBe(medianRank);
  });

  it('point 0 is today’s actual value in every scenario', () => {
    const actual = computeIndicators(REFUNDS, PAID_ORDERS, NOW);
    for (const series of [deadline, now, median]) expect(series[0]).toEqual({ date: '2026-11-21', ...actual });
  });

  it('paid orders: back at 3,000 every seventh point, between 2,982.1 and 3,017.9', () => {
    for (const p of deadline) {
      expect(p.paidOrders).toBeGreaterThan(2982.1 - 0.05);
      expect(p.paidOrders).toBeLessThan(3017.9 + 0.05);
    }
    for (const k of [0, 7, 14, 21, 28]) expect(deadline[k]!.paidOrders).toBeCloseTo(3000, 9);
  });

  it('reading it: k = 1 the five refunds of day −27 leave, O1 and O4 join (deadlines on 11-22)', () => {
    expect(deadline[1]!.completed).toBe(120 - 5 + 2);
  });

  it('`now`: open refunds complete on 11-21, join at k = 1, have all left at k = 28 → time and self no_data, partial', () => {
    expect(now[1]!.completed).toBe(115 + 5);
    expect(now[28]).toMatchObject({ completed: 0, completionDays: null, selfCompletionRate: null, disputes: 0 });
    const c = estimateComposite(now[28]!, BENCH);
    expect(c).toMatchObject({ lead: 100, rankShare: 0, partial: true });
  });

  it('`median`: c = max(now, appliedAt + 2.4 d), only O1 (11-22 23:36) remains at k = 28', () => {
    const detail = projectIndicatorsDetailed(REFUNDS, PAID_ORDERS, NOW, { scenario: 'median' });
    expect(detail.medianMs! / DAY_MS).toBeCloseTo(2.4, 12);
    expect(detail.notProjected).toEqual([]);
    expect(median[28]).toMatchObject({ completed: 1, selfCompleted: 1 });
    expect(median[28]!.completionDays).toBeCloseTo(2.4, 12);
  });
});

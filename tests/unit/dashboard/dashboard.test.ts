// lib/dashboard/dashboard.ts against the domain.md §6.8 / §6.9 worked example (tests/unit/indicators/worked-example.ts).
import { describe, expect, it } from 'vitest';
import { buildDashboard, buildProjection, loaderSinceDate, type Dashboard } from '@/lib/dashboard/dashboard';
import { refundDetailUrl } from '@/lib/seller-center/urls';
import { computeIndicators, type RefundFacts } from '@/lib/indicators';
import { projectIndicators } from '@/lib/projection';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/settings';
import { DAY_MS } from '@/lib/time/beijing';
import { COMPLETED, NOW, OPEN, PAID_ORDERS, REFUNDS, bj, day } from '../indicators/worked-example';

const fx = (x: number | null | undefined, digits: number): string => (x === null || x === undefined ? 'null' : x.toFixed(digits));
const pct = (x: number | null | undefined, digits: number) => fx(x === null || x === undefined ? null : x * 100, digits);
/** Worked-example facts as storage hands them over: sorted by refundId. */
const FACTS = [...REFUNDS].sort((a, b) => (a.refundId < b.refundId ? -1 : 1));
const settings = (over: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...over });

describe('buildDashboard on the §6.8/§6.9 worked example (defaults = §7 benchmarks, 1:1:1, W = 28)', () => {
  const d: Dashboard = buildDashboard(FACTS, PAID_ORDERS, settings(), NOW, 'deadline');

  it('current values equal computeIndicators: 0.0667 %, 2.40 d, 98.33 %', () => {
    expect(d.indicators).toEqual(computeIndicators(REFUNDS, PAID_ORDERS, NOW));
    expect(pct(d.indicators.disputeRate, 4)).toBe('0.0667');
    expect(fx(d.indicators.completionDays, 2)).toBe('2.40');
    expect(pct(d.indicators.selfCompletionRate, 2)).toBe('98.33');
    expect(d.empty).toBe(false);
  });

  it('composite: lead 43.45, rank share 56.55, eligible, no attention flag, not partial', () => {
    expect(fx(d.composite.lead, 2)).toBe('43.45');
    expect(fx(d.composite.rankShare, 2)).toBe('56.55');
    expect(d.composite).toMatchObject({ eligible: true, attention: false, partial: false, missing: [], official: null, weights: [1, 1, 1] });
  });

  it('3:2:1 weights: lead 30.93, rank share 69.07, still no attention flag (≥ 30)', () => {
    const d321 = buildDashboard(FACTS, PAID_ORDERS, settings({ weights: [3, 2, 1] }), NOW);
    expect(fx(d321.composite.lead, 2)).toBe('30.93');
    expect(fx(d321.composite.rankShare, 2)).toBe('69.07');
    expect(d321.composite.attention).toBe(false);
  });

  it('sub-indicators against the averages: dispute worse, time better, self better; no platinum set', () => {
    expect(d.subIndicators.map((s) => [s.key, s.vsAverage, s.platinumReached])).toEqual([
      ['disputeRate', 'worse', null],
      ['completionDays', 'better', null],
      ['selfCompletionRate', 'better', null],
    ]);
    expect(d.subIndicators.map((s) => fx(s.lead, 2))).toEqual(['0.00', '55.22', '75.12']);
    expect(d.subIndicators[0]).toMatchObject({ numerator: 2, denominator: 3000, industryAverage: 0.0001, platinum: null, official: null });
    expect(d.subIndicators[2]).toMatchObject({ numerator: 118, denominator: 120 });
    expect(d.platinumAll).toBeNull();
  });

  it('projection: the W + 1 points of projectIndicators (deadline) with the §6.9 rank shares', () => {
    const points = projectIndicators(REFUNDS, PAID_ORDERS, NOW, { scenario: 'deadline' });
    expect(d.projection.points).toHaveLength(29);
    d.projection.points.forEach((p, k) => {
      expect(p).toMatchObject({ k, date: points[k]!.date, disputeRate: points[k]!.disputeRate, completed: points[k]!.completed });
    });
    const rank = (k: number) => fx(d.projection.points[k]!.rankShare, 1);
    expect([0, 1, 4, 7, 11, 13, 14, 21, 27, 28].map(rank)).toEqual(['56.6', '56.9', '57.6', '53.7', '20.7', '13.7', '13.4', '15.6', '27.4', '33.3']);
  });

  it('projection markers: what leaves and joins at each k (§6.9 "Reading it")', () => {
    const p = d.projection.points;
    // k = 1: the five refunds of day −27 leave, O1 and O4 join (deadlines on 11-22).
    expect(p[1]).toMatchObject({ completionsLeaving: 5, disputesLeaving: 0, joining: 2 });
    // k = 4: the day −24 intervention ages out.
    expect(p[4]).toMatchObject({ disputesLeaving: 1 });
    // k = 11: the last intervention (day −17) leaves.
    expect(p[11]).toMatchObject({ disputesLeaving: 1 });
    expect(p.filter((x) => x.disputesLeaving > 0).map((x) => x.k)).toEqual([4, 11]);
    // O2 joins on 11-24 (k = 3), O3 on 11-26 (k = 5), O5 on 11-27 (k = 6).
    expect(p.filter((x) => x.joining > 0).map((x) => [x.k, x.joining])).toEqual([[1, 2], [3, 1], [5, 1], [6, 1]]);
    // Every day of W(now) has completions, so every k ≥ 1 is a marker; k = 0 never is.
    expect(d.projection.markers).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
    expect(p.reduce((s, x) => s + x.completionsLeaving, 0)).toBe(120);
    expect(d.projection.notProjected).toBe(0);
  });

  it('other scenarios: §6.9 `now` and `median` rank shares; `now` ends partial', () => {
    const now = buildProjection(FACTS, PAID_ORDERS, settings(), NOW, 'now', d.windowEvents);
    const median = buildProjection(FACTS, PAID_ORDERS, settings(), NOW, 'median', d.windowEvents);
    expect([1, 4, 7, 11, 13, 14, 21, 27].map((k) => fx(now.points[k]!.rankShare, 1))).toEqual(['56.7', '57.3', '52.7', '19.5', '12.3', '12.0', '12.7', '16.7']);
    expect([1, 4, 7, 11, 13, 14, 21, 27, 28].map((k) => fx(median.points[k]!.rankShare, 1))).toEqual(['56.8', '57.4', '52.8', '19.6', '12.5', '12.2', '13.1', '18.1', '14.9']);
    expect(fx(now.points[28]!.rankShare, 1)).toBe('0.0');
    expect(now.points[28]).toMatchObject({ partial: true, completionDays: null, selfCompletionRate: null });
    // In `now`, all five open refunds join at k = 1.
    expect(now.points[1]!.joining).toBe(5);
  });

  it('urgent: open refunds the seller must act on, by deadline: O4 (11-22 12:03), O1 (11-22 14:00), O2', () => {
    expect(d.urgent.map((u) => u.refundId)).toEqual([OPEN.O4.refundId, OPEN.O1.refundId, OPEN.O2.refundId]);
    expect(d.urgent[0]).toMatchObject({ msLeft: DAY_MS + 2 * 3_600_000 + 3 * 60_000, state: 'ok', detailUrl: refundDetailUrl(OPEN.O4.refundId) });
    expect(d.urgent[1]!.state).toBe('ok'); // 28 h left > 24 h
    expect(d.sellerOpenCount).toBe(3);
    expect(refundDetailUrl('100000000000000004')).toBe(
      'https://myseller.taobao.com/home.htm/trade-platform/refund-list/detail?disputeId=100000000000000004&type=1',
    );
  });

  it('coverage: 28 days recorded, no paid orders missing, nothing not understood', () => {
    expect(d.coverage).toEqual({
      windowDays: 28,
      windowStart: '2026-10-25',
      windowEnd: '2026-11-21',
      daysRecorded: 28,
      missingPaidOrderDates: [],
      recordsNotUnderstood: 0,
    });
    expect(loaderSinceDate(NOW, 28)).toBe('2026-10-24');
  });
});

describe('buildDashboard: benchmarks, official figures, edge cases', () => {
  it('platinum values: reached per sub-indicator, 白金售后服务 only when all three reach it', () => {
    const s = settings({
      benchmarks: {
        disputeRate: { industryAverage: 0.001, platinum: 0.0008 }, // 0.0667 % ≤ 0.08 %: reached
        completionDays: { industryAverage: 2.68, platinum: 2.5 }, // 2.40 ≤ 2.5: reached
        selfCompletionRate: { industryAverage: 0.9665, platinum: 0.98 }, // 98.33 % ≥ 98 %: reached
      },
    });
    const d = buildDashboard(FACTS, PAID_ORDERS, s, NOW);
    expect(d.subIndicators.map((x) => x.platinumReached)).toEqual([true, true, true]);
    expect(d.platinumAll).toBe(true);
    const s2 = settings({ benchmarks: { ...s.benchmarks, completionDays: { industryAverage: 2.68, platinum: 2.0 } } });
    const d2 = buildDashboard(FACTS, PAID_ORDERS, s2, NOW);
    expect(d2.subIndicators[1]!.platinumReached).toBe(false);
    expect(d2.platinumAll).toBe(false);
  });

  it('an unusable platinum value (bP ≥ bA) is flagged as ignored', () => {
    const s = settings({ benchmarks: { ...DEFAULT_SETTINGS.benchmarks, completionDays: { industryAverage: 2.68, platinum: 3 } } });
    const d = buildDashboard(FACTS, PAID_ORDERS, s, NOW);
    expect(d.ignoredPlatinum).toEqual(['completionDays']);
    expect(d.subIndicators[1]!.platinumIgnored).toBe(true);
  });

  it('official figures side by side: value − official, official lead and rank share (§6.7)', () => {
    const s = settings({ official: { date: '2026-11-20', disputeRate: 0.0006, completionDays: 2.5, selfCompletionRate: 0.99, leadPct: 45 } });
    const d = buildDashboard(FACTS, PAID_ORDERS, s, NOW);
    expect(pct(d.subIndicators[0]!.officialDiff, 4)).toBe('0.0067');
    expect(fx(d.subIndicators[1]!.officialDiff, 2)).toBe('-0.10');
    expect(d.composite.official).toEqual({ leadPct: 45, rankShare: 55, date: '2026-11-20' });
    expect(d.officialDate).toBe('2026-11-20');
  });

  it('no paid orders: dispute rate null (no data), composite partial, 28 dates missing', () => {
    const d = buildDashboard(FACTS, {}, settings(), NOW);
    expect(d.indicators.disputeRate).toBeNull();
    expect(d.composite.partial).toBe(true);
    expect(d.composite.missing).toEqual(['disputeRate']);
    expect(d.subIndicators[0]!.vsAverage).toBeNull();
    expect(d.coverage.missingPaidOrderDates).toHaveLength(28);
    // Time and self: (55.22 + 75.12) / 2.
    expect(fx(d.composite.lead, 2)).toBe('65.17');
  });

  it('attention flag under a 30 % lead; not eligible above a 90 % rank share', () => {
    const bad = COMPLETED.map((r) => ({ ...r, appliedAt: r.completedAt! - 6 * DAY_MS, intervenedAt: r.completedAt! - DAY_MS }));
    const d = buildDashboard(bad, PAID_ORDERS, settings(), NOW);
    expect(d.composite.lead).toBe(0);
    expect(d.composite).toMatchObject({ rankShare: 100, eligible: false, attention: true });
  });

  it('fresh install: empty, every sub-indicator no data, no estimate', () => {
    const d = buildDashboard([], {}, settings(), NOW);
    expect(d.empty).toBe(true);
    expect(d.composite).toMatchObject({ lead: null, rankShare: null, eligible: null, attention: null });
    expect(d.subIndicators.map((s) => s.value)).toEqual([null, null, null]);
    expect(d.coverage.daysRecorded).toBe(0);
    expect(d.urgent).toEqual([]);
  });

  it('counts skipped records and §6.5 completions with completedAt < appliedAt as not understood', () => {
    const odd: RefundFacts = { refundId: '999', type: 'refund_only', phase: 'onsale', appliedAt: bj(day(-1), 12), completedAt: bj(day(-1), 9) };
    const d = buildDashboard([...FACTS, odd], PAID_ORDERS, settings(), NOW, 'deadline', { skippedRecords: 3 });
    expect(d.coverage.recordsNotUnderstood).toBe(4);
  });

  it('urgent refunds given by the loader win over the facts, limited to 5, with "N more"', () => {
    const urgent = Array.from({ length: 5 }, (_, i) => ({ refundId: `70000000000000000${i}`, deadlineAt: NOW + (i - 1) * 3_600_000 }));
    const d = buildDashboard(FACTS, PAID_ORDERS, settings(), NOW, 'deadline', { urgent, sellerOpenCount: 9 });
    expect(d.urgent.map((u) => u.state)).toEqual(['overdue', 'urgent', 'urgent', 'urgent', 'urgent']);
    expect(d.sellerOpenCount).toBe(9);
  });

  it('duplicate refund ids (unsorted input) are merged, as computeIndicators does', () => {
    const dup = [...REFUNDS, { ...COMPLETED[0]! }];
    const d = buildDashboard(dup, PAID_ORDERS, settings(), NOW);
    expect(d.indicators).toEqual(computeIndicators(REFUNDS, PAID_ORDERS, NOW));
    expect(d.projection.points[1]!.completionsLeaving).toBe(5);
  });
});

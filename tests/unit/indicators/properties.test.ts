// Property tests (fast-check) of the indicator engine, domain.md §6.1–§6.10.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateComposite } from '@/lib/composite';
import { computeIndicators, type IndicatorOptions, type Indicators, type RefundFacts } from '@/lib/indicators';
import { impactHypotheses, refundImpact } from '@/lib/impact';
import { projectIndicators } from '@/lib/projection';
import { mergeRefundFacts } from '@/lib/refund-merge';
import { medianInPlace } from '@/lib/completion-median';
import { DAY_MS } from '@/lib/time/beijing';
import { beijingDayIndex, dayIndexToDate } from '@/lib/window';
import { BENCH, NOW } from './worked-example';

const HOUR = 3_600_000;
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

function strip(r: Record<string, unknown>): RefundFacts {
  for (const k of Object.keys(r)) if (r[k] === undefined) delete r[k];
  return r as unknown as RefundFacts;
}

const refundArb = (ids: fc.Arbitrary<string>, open = false): fc.Arbitrary<RefundFacts> =>
  fc
    .record({
      refundId: ids,
      type: fc.constantFrom('refund_only', 'return_refund', 'exchange') as fc.Arbitrary<RefundFacts['type']>,
      phase: fc.constantFrom('onsale', 'aftersale') as fc.Arbitrary<RefundFacts['phase']>,
      appliedAt: fc.integer({ min: NOW - 70 * DAY_MS, max: NOW + 5 * DAY_MS }),
      completeAfter: open ? fc.constant(undefined) : opt(fc.integer({ min: -DAY_MS, max: 40 * DAY_MS })),
      interveneAfter: opt(fc.integer({ min: -HOUR, max: 40 * DAY_MS })),
      sellerAtFault: opt(fc.boolean()),
      sellerTimeout: opt(fc.boolean()),
      deadlineAfter: opt(fc.integer({ min: 0, max: 20 * DAY_MS })),
    })
    .map(({ completeAfter, interveneAfter, deadlineAfter, ...r }) =>
      strip({
        ...r,
        completedAt: completeAfter === undefined ? undefined : r.appliedAt + completeAfter,
        intervenedAt: interveneAfter === undefined ? undefined : r.appliedAt + interveneAfter,
        deadlineAt: deadlineAfter === undefined ? undefined : r.appliedAt + deadlineAfter,
      }),
    );

const idFromPool = fc.integer({ min: 1, max: 30 }).map((n) => `1000000000000${String(n).padStart(5, '0')}`);
/** Refund lists where ids may repeat (merged by refundId). */
const refundsArb = fc.array(refundArb(idFromPool), { maxLength: 60 });
/** Refund lists with distinct ids. */
const uniqueRefundsArb = fc.uniqueArray(refundArb(fc.integer({ min: 1, max: 1e9 }).map((n) => `2${String(n).padStart(17, '0')}`)), {
  maxLength: 60,
  selector: (r) => r.refundId,
});

const asOfArb = fc.integer({ min: NOW - 3 * DAY_MS, max: NOW + 3 * DAY_MS });
const optionsArb: fc.Arbitrary<IndicatorOptions> = fc
  .record({
    windowDays: opt(fc.constantFrom(28, 30)),
    disputeNumerator: opt(fc.constantFrom('intervened', 'sellerAtFault') as fc.Arbitrary<'intervened' | 'sellerAtFault'>),
    completionPopulation: opt(fc.constantFrom('all', 'selfOnly') as fc.Arbitrary<'all' | 'selfOnly'>),
    timeoutCountsAsSelfCompleted: opt(fc.boolean()),
    includeExchanges: opt(fc.boolean()),
  })
  .map((o) => strip(o) as unknown as IndicatorOptions);
/** Paid orders on the dates around NOW (some missing). */
const paidArb = fc.array(opt(fc.nat(400)), { minLength: 90, maxLength: 90 }).map((values) => {
  const first = beijingDayIndex(NOW) - 45;
  const pod: Record<string, number> = {};
  values.forEach((v, i) => {
    if (v !== undefined) pod[dayIndexToDate(first + i)] = v;
  });
  return pod;
});
const scenarioArb = fc.constantFrom('now', 'deadline', 'median') as fc.Arbitrary<'now' | 'deadline' | 'median'>;

function expectSane(v: Indicators) {
  for (const x of [v.disputeRate, v.completionDays, v.selfCompletionRate]) if (x !== null) expect(Number.isFinite(x)).toBe(true);
  if (v.selfCompletionRate !== null) {
    expect(v.selfCompletionRate).toBeGreaterThanOrEqual(0);
    expect(v.selfCompletionRate).toBeLessThanOrEqual(1);
  }
  if (v.disputeRate !== null) {
    expect(v.disputeRate).toBeGreaterThanOrEqual(0);
    // The dispute rate is a fraction of paid orders: within [0, 1] whenever the disputes do not outnumber them.
    if (v.disputes <= v.paidOrders) expect(v.disputeRate).toBeLessThanOrEqual(1);
  } else {
    expect(v.paidOrders).toBe(0);
  }
  if (v.completionDays !== null) expect(v.completionDays).toBeGreaterThanOrEqual(0);
  expect(v.selfCompleted).toBeLessThanOrEqual(v.completed);
  expect(v.completed === 0).toBe(v.selfCompletionRate === null);
  const c = estimateComposite(v, BENCH);
  for (const part of Object.values(c.parts)) if (part !== null) expect(part >= 0 && part <= 100).toBe(true);
  if (c.lead !== null) {
    expect(c.lead >= 0 && c.lead <= 100).toBe(true);
    expect(c.rankShare).toBe(100 - c.lead);
  }
}

describe('properties', () => {
  it('refundImpact takes out a refund recorded twice in the history as one merged record (found by fast-check)', () => {
    const id = '100000000000000003';
    const history: RefundFacts[] = [
      { refundId: id, type: 'refund_only', phase: 'onsale', appliedAt: 1792598400000, intervenedAt: 1792598400000 },
      { refundId: id, type: 'refund_only', phase: 'onsale', appliedAt: 1789178400000 },
    ];
    const refund: RefundFacts = { refundId: id, type: 'refund_only', phase: 'onsale', appliedAt: 1789178400000 };
    const asOf = 1794967200000;
    const impact = refundImpact(refund, history, {}, asOf);
    expect(impact.ifIntervened.disputes).toBe(1);
    expect(impact.ifCompletedNow).toEqual(computeIndicators([impactHypotheses(refund, asOf).ifCompletedNow], {}, asOf));
  });

  it('rates stay within [0, 1] (no NaN/Infinity), for the indicators and every projection point', () => {
    fc.assert(
      fc.property(refundsArb, paidArb, asOfArb, optionsArb, scenarioArb, (rs, pod, asOf, o, scenario) => {
        expectSane(computeIndicators(rs, pod, asOf, o));
        for (const p of projectIndicators(rs, pod, asOf, { ...o, scenario })) expectSane(p);
      }),
    );
  });

  it('adding an intervention never lowers the dispute rate', () => {
    fc.assert(
      fc.property(uniqueRefundsArb, paidArb, asOfArb, optionsArb, fc.nat(), fc.integer({ min: NOW - 40 * DAY_MS, max: NOW + 5 * DAY_MS }), fc.boolean(), (rs, pod, asOf, o, pick, at, fault) => {
        const before = computeIndicators(rs, pod, asOf, o);
        const withNew = [...rs, strip({ refundId: 'X00000000000000001', type: 'refund_only', phase: 'onsale', appliedAt: at - HOUR, intervenedAt: at, sellerAtFault: fault })];
        const candidates = rs.filter((r) => r.intervenedAt === undefined);
        const variants = [withNew];
        if (candidates.length > 0) {
          const target = candidates[pick % candidates.length]!;
          variants.push(rs.map((r) => (r === target ? { ...r, intervenedAt: at, sellerAtFault: fault } : r)));
        }
        for (const after of variants.map((v) => computeIndicators(v, pod, asOf, o))) {
          expect(after.disputes).toBeGreaterThanOrEqual(before.disputes);
          if (before.disputeRate !== null) expect(after.disputeRate!).toBeGreaterThanOrEqual(before.disputeRate);
        }
      }),
    );
  });

  it("the projection's first point equals computeIndicators at asOf, in every scenario", () => {
    fc.assert(
      fc.property(refundsArb, paidArb, asOfArb, optionsArb, scenarioArb, (rs, pod, asOf, o, scenario) => {
        const points = projectIndicators(rs, pod, asOf, { ...o, scenario });
        expect(points).toHaveLength((o.windowDays ?? 28) + 1);
        expect(points[0]).toEqual({ date: dayIndexToDate(beijingDayIndex(asOf)), ...computeIndicators(rs, pod, asOf, o) });
      }),
    );
  });

  it('a refund whose events all fall before the window never counts', () => {
    fc.assert(
      fc.property(uniqueRefundsArb, paidArb, asOfArb, optionsArb, scenarioArb, refundArb(fc.constant('Y00000000000000001')), (rs, pod, asOf, o, scenario, r) => {
        // Move every event of r before the first instant of W(asOf).
        const windowStart = (beijingDayIndex(asOf) - (o.windowDays ?? 28) + 1) * DAY_MS - 8 * HOUR;
        const latest = Math.max(r.appliedAt, r.completedAt ?? -Infinity, r.intervenedAt ?? -Infinity);
        const shift = latest - (windowStart - 1);
        const old = strip({
          ...r,
          appliedAt: r.appliedAt - shift,
          completedAt: r.completedAt === undefined ? undefined : r.completedAt - shift,
          intervenedAt: r.intervenedAt === undefined ? undefined : r.intervenedAt - shift,
        });
        expect(computeIndicators([...rs, old], pod, asOf, o)).toEqual(computeIndicators(rs, pod, asOf, o));
        if (old.completedAt !== undefined) {
          // Completed before the window: nothing to project either.
          expect(projectIndicators([...rs, old], pod, asOf, { ...o, scenario })).toEqual(projectIndicators(rs, pod, asOf, { ...o, scenario }));
        }
      }),
    );
  });

  it('ifCompletedNow (and ifCompletedAtDeadline) never changes disputes', () => {
    fc.assert(
      fc.property(refundsArb, paidArb, asOfArb, optionsArb, refundArb(idFromPool, true), (history, pod, asOf, o, refund) => {
        const current = computeIndicators([...history.filter((h) => h.refundId !== refund.refundId), refund], pod, asOf, o);
        const impact = refundImpact(refund, history, pod, asOf, o);
        for (const v of [impact.ifCompletedNow, impact.ifCompletedAtDeadline]) {
          expect(v.disputes).toBe(current.disputes);
          expect(v.disputeRate).toBe(current.disputeRate);
        }
        expect(impact.ifIntervened.disputes).toBeGreaterThanOrEqual(current.disputes);
      }),
    );
  });

  it('refundImpact equals computeIndicators over the history with the refund replaced by each hypothesis', () => {
    fc.assert(
      fc.property(refundsArb, paidArb, asOfArb, optionsArb, refundArb(idFromPool), (history, pod, asOf, o, refund) => {
        const others = history.filter((h) => h.refundId !== refund.refundId);
        const h = impactHypotheses(refund, asOf);
        const impact = refundImpact(refund, history, pod, asOf, o);
        for (const key of ['ifIntervened', 'ifCompletedNow', 'ifCompletedAtDeadline'] as const) {
          expect(impact[key]).toEqual(computeIndicators([...others, h[key]], pod, asOf, o));
        }
      }),
    );
  });

  it('the order of the refunds does not matter (sorted by refundId, the storage order, or not; duplicates merged)', () => {
    fc.assert(
      fc.property(refundsArb, paidArb, asOfArb, optionsArb, scenarioArb, (rs, pod, asOf, o, scenario) => {
        // Stable sort: duplicates keep their relative order, so the merge (later record = later observation) is the same.
        const sorted = [...rs].sort((a, b) => (a.refundId < b.refundId ? -1 : a.refundId > b.refundId ? 1 : 0));
        const ids = new Set(rs.map((r) => r.refundId));
        const merged = [...ids].map((id) => rs.filter((r) => r.refundId === id)).map((group) => group.reduce((a, b) => mergeRefundFacts(a, b)));
        const expected = computeIndicators(merged, pod, asOf, o);
        expect(computeIndicators(sorted, pod, asOf, o)).toEqual(expected);
        expect(computeIndicators(rs, pod, asOf, o)).toEqual(expected);
        const projected = projectIndicators(merged, pod, asOf, { ...o, scenario });
        expect(projectIndicators(sorted, pod, asOf, { ...o, scenario })).toEqual(projected);
        expect(projectIndicators(rs, pod, asOf, { ...o, scenario })).toEqual(projected);
      }),
    );
  });
});

describe('medianInPlace', () => {
  it('equals the median of the sorted values (mean of the two middle ones for an even count)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 * DAY_MS }), { maxLength: 200 }), fc.array(fc.constantFrom(0, DAY_MS, 2 * DAY_MS), { maxLength: 50 }), (a, dupes) => {
        const values = [...a, ...dupes];
        const sorted = [...values].sort((x, y) => x - y);
        const n = sorted.length;
        const expected = n === 0 ? null : n % 2 ? sorted[n >> 1]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
        const buffer = new Float64Array(n + 3).fill(-1); // extra slots beyond count are ignored
        buffer.set(values);
        expect(medianInPlace(buffer, n)).toBe(expected);
      }),
    );
  });
});

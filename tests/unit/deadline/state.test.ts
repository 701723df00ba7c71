import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_THRESHOLDS, badgeState, nextStateChange, thresholdsFor } from '@/lib/deadline/state';
import { BadgeThresholdsSchema } from '@/lib/deadline/thresholds-schema';
import type { Actor, RefundStatus } from '@/lib/model/vocabulary';

const NOW = Date.parse('2026-11-21T02:00:00.000Z');
const H = 3_600_000;

function state(actor: Actor, leftMs: number | undefined, status: RefundStatus = 'wait_seller_agree') {
  return badgeState({ status, actor, deadline: leftMs === undefined ? undefined : NOW + leftMs }, NOW);
}

describe('badgeState thresholds (§8: "at or under")', () => {
  it.each([
    ['seller', 6 * H, 'urgent'],
    ['seller', 6 * H + 1, 'soon'],
    ['seller', 24 * H, 'soon'],
    ['seller', 24 * H + 1, 'ok'],
    ['seller', 0, 'urgent'],
    ['seller', -1, 'overdue'],
    ['buyer', 12 * H, 'urgent'],
    ['buyer', 12 * H + 1, 'soon'],
    ['buyer', 48 * H, 'soon'],
    ['buyer', 48 * H + 1, 'ok'],
    ['buyer', 7 * H, 'urgent'],
    ['buyer', 30 * H, 'soon'],
    ['buyer', -60_000, 'overdue'],
    ['platform', 6 * H, 'urgent'],
    ['platform', 24 * H, 'soon'],
    ['platform', 24 * H + 1, 'ok'],
    ['none', 6 * H, 'urgent'],
    ['none', 24 * H + 1, 'ok'],
  ] as const)('%s with %i ms left → %s', (actor, left, expected) => {
    expect(state(actor, left)).toBe(expected);
  });
});

describe('badgeState special states', () => {
  it('done for success and closed, even with a past deadline or 已超时', () => {
    expect(state('none', -H, 'success')).toBe('done');
    expect(badgeState({ status: 'closed', actor: 'none', pageOverdue: true }, NOW)).toBe('done');
  });
  it('unknown when open without deadline', () => {
    expect(state('seller', undefined)).toBe('unknown');
    expect(state('platform', undefined, 'intervening')).toBe('unknown');
    expect(state('none', undefined, 'unknown')).toBe('unknown');
  });
  it('overdue when the page said 已超时, whatever the deadline', () => {
    expect(badgeState({ status: 'wait_seller_agree', actor: 'seller', pageOverdue: true }, NOW)).toBe('overdue');
    expect(badgeState({ status: 'wait_seller_agree', actor: 'seller', deadline: NOW + 100 * H, pageOverdue: true }, NOW)).toBe('overdue');
  });
  it('uses configured thresholds', () => {
    const t = { seller: { urgentHours: 1, soonHours: 2 }, buyer: { urgentHours: 3, soonHours: 4 } };
    expect(badgeState({ status: 'wait_seller_agree', actor: 'seller', deadline: NOW + 90 * 60_000 }, NOW, t)).toBe('soon');
    expect(badgeState({ status: 'wait_buyer_return', actor: 'buyer', deadline: NOW + 5 * H }, NOW, t)).toBe('ok');
  });
});

describe('thresholds', () => {
  it('defaults are the §8 contract', () => {
    expect(DEFAULT_THRESHOLDS).toEqual({ seller: { urgentHours: 6, soonHours: 24 }, buyer: { urgentHours: 12, soonHours: 48 } });
    expect(thresholdsFor('platform')).toEqual({ urgentHours: 6, soonHours: 24 });
    expect(thresholdsFor('buyer')).toEqual({ urgentHours: 12, soonHours: 48 });
  });
  it('schema accepts the defaults and rejects urgent > soon or negatives', () => {
    expect(BadgeThresholdsSchema.safeParse(DEFAULT_THRESHOLDS).success).toBe(true);
    expect(BadgeThresholdsSchema.safeParse({ ...DEFAULT_THRESHOLDS, seller: { urgentHours: 30, soonHours: 24 } }).success).toBe(false);
    expect(BadgeThresholdsSchema.safeParse({ ...DEFAULT_THRESHOLDS, buyer: { urgentHours: -1, soonHours: 24 } }).success).toBe(false);
  });
});

describe('nextStateChange', () => {
  const H = 3_600_000;
  const NOW = Date.UTC(2026, 10, 21, 2, 0);
  it('is the next instant the state changes at, and the state holds until then', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3 * 24 * H, max: 4 * 24 * H }), fc.constantFrom<Actor>('seller', 'buyer', 'platform'), (left, actor) => {
        const deadline = NOW + left;
        const input = { status: 'wait_seller_agree' as RefundStatus, actor, deadline };
        const state = badgeState(input, NOW);
        const next = nextStateChange(deadline, actor, NOW);
        if (next === Infinity) {
          expect(state).toBe('overdue');
          expect(badgeState(input, NOW + 30 * 24 * H)).toBe('overdue');
          return;
        }
        expect(next).toBeGreaterThan(NOW);
        expect(badgeState(input, next - 1)).toBe(state);
        expect(badgeState(input, next)).not.toBe(state);
        for (let t = NOW; t < next; t += H / 2) expect(badgeState(input, t)).toBe(state);
      }),
      { numRuns: 300 },
    );
  });
});

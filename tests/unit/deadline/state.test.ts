import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, badgeState, thresholdsFor } from '@/lib/deadline/state';
import { BadgeThresholdsSchema } from '@/lib/deadline/thresholds-schema';
import type { Actor, RefundStatus } from '@/lib/model';

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

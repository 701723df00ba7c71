import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatActorLabel, formatStateLabel, formatTimeLeft, formatTimeoutOutcome, nextTimeLeftChange } from '@/lib/format/time-left';

const NOW = Date.parse('2026-11-21T02:00:00.000Z');
const M = 60_000;
const H = 60 * M;
const D = 24 * H;

describe('formatTimeLeft (§11)', () => {
  it.each([
    [D + 3 * H, '还剩 1天 3时', '1 d 3 h left'],
    [D + 3 * H + 59 * M, '还剩 1天 3时', '1 d 3 h left'],
    [D, '还剩 1天 0时', '1 d 0 h left'],
    [5 * H + 12 * M, '还剩 5时12分', '5 h 12 m left'],
    [5 * H + 3 * M, '还剩 5时03分', '5 h 03 m left'],
    [H, '还剩 1时00分', '1 h 00 m left'],
    [42 * M, '还剩 42分', '42 m left'],
    [42 * M + 59_999, '还剩 42分', '42 m left'],
    [5 * M, '还剩 5分', '5 m left'],
    [0, '还剩 0分', '0 m left'],
    [-(2 * H + 3 * M), '已超时 2时03分', 'overdue 2 h 03 m'],
    [-(D + 2 * H), '已超时 1天 2时', 'overdue 1 d 2 h'],
    [-(15 * M), '已超时 15分', 'overdue 15 m'],
    [-1, '已超时 0分', 'overdue 0 m'],
  ] as const)('%i ms → %s / %s', (left, zh, en) => {
    expect(formatTimeLeft(NOW + left, NOW, 'zh')).toBe(zh);
    expect(formatTimeLeft(NOW + left, NOW, 'en')).toBe(en);
  });
});

describe('labels (§11)', () => {
  it('state labels', () => {
    const states = ['ok', 'soon', 'urgent', 'overdue', 'done', 'unknown'] as const;
    expect(states.map((s) => formatStateLabel(s, 'zh'))).toEqual(['正常', '临近', '紧急', '已超时', '已完结', '未知']);
    expect(states.map((s) => formatStateLabel(s, 'en'))).toEqual(['ok', 'soon', 'urgent', 'overdue', 'done', 'unknown']);
  });
  it('actor labels', () => {
    const actors = ['seller', 'buyer', 'platform', 'none'] as const;
    expect(actors.map((a) => formatActorLabel(a, 'zh'))).toEqual(['待商家处理', '待买家处理', '平台处理中', '已完结']);
    expect(actors.map((a) => formatActorLabel(a, 'en'))).toEqual(['seller to act', 'buyer to act', 'platform handling', 'completed']);
  });
  it('timeout outcomes', () => {
    const outcomes = ['auto_refund', 'auto_agree', 'close', 'none'] as const;
    expect(outcomes.map((o) => formatTimeoutOutcome(o, 'zh'))).toEqual(['超时将自动退款', '超时将自动同意退货', '超时退款将关闭', '']);
    expect(outcomes.map((o) => formatTimeoutOutcome(o, 'en'))).toEqual(['auto refund at timeout', 'auto-agree to return', 'refund closes at timeout', '']);
  });
});

describe('nextTimeLeftChange', () => {
  // The text stays the same from `now` until just before the instant returned, and changes at it.
  const holds = (left: number) => {
    const deadline = NOW + left;
    const next = nextTimeLeftChange(deadline, NOW);
    const text = formatTimeLeft(deadline, NOW, 'zh');
    expect(next).toBeGreaterThan(NOW);
    expect(formatTimeLeft(deadline, next - 1, 'zh')).toBe(text);
    expect(formatTimeLeft(deadline, next, 'zh')).not.toBe(text);
    expect(formatTimeLeft(deadline, next, 'en')).not.toBe(formatTimeLeft(deadline, NOW, 'en'));
  };

  it.each([D + 3 * H + 30 * M, D, D - 1, 5 * H + 12 * M, M, M - 1, 0, -1, -M, -(D - 1), -D, -(D + 2 * H + 5)])('at %i ms left', holds);

  it('is the first change: no other text in between (sampled each minute and just before the change)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3 * D, max: 3 * D }), (left) => {
        holds(left);
        const deadline = NOW + left;
        const next = nextTimeLeftChange(deadline, NOW);
        const text = formatTimeLeft(deadline, NOW, 'zh');
        for (let t = NOW; t < next; t += M) expect(formatTimeLeft(deadline, t, 'zh')).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { decideDeadline, type DeadlineFacts } from '@/lib/deadline/decide';

const NOW = Date.parse('2026-11-21T02:00:00.000Z'); // 10:00 Beijing
const H = 3_600_000;
// R1 (unshipped refund-only, 48 h) counted from 申请时间.
const unshipped = (appliedAt: number, extra: Partial<DeadlineFacts> = {}): DeadlineFacts => ({
  status: 'wait_seller_agree',
  type: 'refund_only',
  goodsState: 'unshipped',
  appliedAt,
  ...extra,
});

describe('decideDeadline', () => {
  it('the rule estimate when the page shows nothing', () => {
    const d = decideDeadline(unshipped(NOW - 10 * H), NOW);
    expect(d).toMatchObject({ deadline: NOW + 38 * H, source: 'rule', pageOverdue: false, countedFromFirstSeen: false });
    expect(d.estimate?.ruleId).toBe('R1');
  });

  it("the page's own deadline wins, the rule still named", () => {
    const d = decideDeadline(unshipped(NOW - 10 * H, { page: { kind: 'at', at: NOW + 5 * H } }), NOW);
    expect(d).toMatchObject({ deadline: NOW + 5 * H, source: 'page', pageOverdue: false });
    expect(d.estimate?.ruleId).toBe('R1');
  });

  it('a bare 已超时 keeps the rule deadline only once it has passed at `now` (§4.2)', () => {
    const facts = unshipped(NOW - 10 * H, { page: { kind: 'overdue' } });
    const ahead = decideDeadline(facts, NOW);
    expect([ahead.deadline, ahead.source, ahead.pageOverdue]).toEqual([undefined, undefined, true]);
    // Exactly at the rule deadline it has not passed yet (overdue is now > deadline, §8).
    expect(decideDeadline(facts, NOW + 38 * H).deadline).toBeUndefined();
    expect(decideDeadline(facts, NOW + 38 * H + 1)).toMatchObject({ deadline: NOW + 38 * H, source: 'rule', pageOverdue: true });
  });

  it('a bare 已超时 without any rule deadline: overdue, no deadline', () => {
    const d = decideDeadline({ status: 'intervening', page: { kind: 'overdue' } }, NOW);
    expect([d.deadline, d.pageOverdue]).toEqual([undefined, true]);
  });

  it('a first-seen start is marked as such', () => {
    const d = decideDeadline({ status: 'wait_buyer_return', type: 'return_refund', firstSeenInStatus: NOW - H }, NOW);
    expect(d).toMatchObject({ deadline: NOW - H + 7 * 24 * H, source: 'rule', countedFromFirstSeen: true });
  });

  it('R5a: the signing time caps a Tmall return, with the shop options', () => {
    const facts: DeadlineFacts = { status: 'wait_seller_confirm', type: 'return_refund', goodsState: 'returned', statusSince: NOW - 24 * H, returnSignedAt: NOW - H };
    expect(decideDeadline(facts, NOW, undefined, { platform: 'tmall' })).toMatchObject({ deadline: NOW + 47 * H, source: 'rule' });
    expect(decideDeadline(facts, NOW, undefined, { platform: 'taobao' }).deadline).toBe(NOW + 9 * 24 * H);
  });

  it('completed refunds have no deadline, whatever the page or a user rule says (R9)', () => {
    const rules = [{ id: 'X', status: 'success' as const, actor: 'none' as const, limitHours: 24, onTimeout: 'none' as const }];
    const d = decideDeadline({ status: 'success', statusSince: NOW - H, page: { kind: 'at', at: NOW + H } }, NOW, rules);
    expect([d.deadline, d.source, d.pageOverdue]).toEqual([undefined, undefined, false]);
    expect(d.estimate?.ruleId).toBe('X');
  });
});

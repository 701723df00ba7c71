import { describe, expect, it } from 'vitest';
import { describeRefund } from '@/lib/deadline/describe';
import { parseDeadlineText } from '@/lib/deadline/parse';
import type { RefundRow } from '@/lib/model/refund-row';

const NOW = Date.parse('2026-11-21T02:00:00.000Z'); // 10:00 Beijing
const APPLIED = Date.parse('2026-11-20T06:03:00.000Z'); // 2026-11-20 14:03 Beijing
const H = 3_600_000;
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

function row(extra: Partial<RefundRow> = {}): RefundRow {
  return {
    refundId: '123456789012345678',
    orderId: '987654321098765432',
    statusText: '退款待处理',
    status: 'wait_seller_agree',
    type: 'refund_only',
    goodsState: 'unshipped',
    appliedAt: APPLIED,
    readAt: NOW,
    ...extra,
  };
}

describe('describeRefund precedence: page > stored > rule', () => {
  it('rule estimate when the page shows nothing (§3 example)', () => {
    const info = describeRefund(row(), NOW, {});
    expect(info).toEqual({
      refundId: '123456789012345678',
      orderId: '987654321098765432',
      status: 'wait_seller_agree',
      actor: 'seller',
      deadline: Date.parse('2026-11-22T06:03:00.000Z'),
      deadlineSource: 'rule',
      state: 'ok',
      onTimeout: 'auto_refund',
      ruleId: 'R1',
      countedFromFirstSeen: false,
      overdueUnknownAmount: false,
    });
  });

  it("the row's own page reading wins over stored and rule", () => {
    const pageDeadline = parseDeadlineText('还剩1天2时3分', NOW)!;
    const info = describeRefund(row({ pageDeadline }), NOW, {
      storedPageDeadline: { deadline: { kind: 'at', at: NOW + 5 * H }, status: 'wait_seller_agree' },
    });
    expect(iso(info.deadline)).toBe('2026-11-22T04:03:00.000Z');
    expect(info.deadlineSource).toBe('page');
    expect(info.state).toBe('ok');
    expect(info.ruleId).toBe('R1');
    expect(info.onTimeout).toBe('auto_refund');
  });

  it('a stored page reading in the same status beats the rule', () => {
    const info = describeRefund(row(), NOW, {
      storedPageDeadline: { deadline: { kind: 'at', at: NOW + 5 * H }, status: 'wait_seller_agree' },
    });
    expect(info.deadline).toBe(NOW + 5 * H);
    expect(info.deadlineSource).toBe('page');
    expect(info.state).toBe('urgent');
  });

  it('a stored reading from another status is discarded', () => {
    const info = describeRefund(row({ status: 'wait_buyer_return', statusText: '待买家发货', type: 'return_refund', goodsState: undefined }), NOW, {
      storedPageDeadline: { deadline: { kind: 'at', at: NOW + 5 * H }, status: 'wait_seller_agree' },
      firstSeenInStatus: NOW - H,
    });
    expect(info.deadline).toBe(NOW - H + 168 * H);
    expect(info.deadlineSource).toBe('rule');
    expect(info.ruleId).toBe('R4');
    expect(info.actor).toBe('buyer');
    expect(info.countedFromFirstSeen).toBe(true);
    expect(info.state).toBe('ok');
  });

  it('a stored 已超时 from another status is discarded too', () => {
    const info = describeRefund(row(), NOW, { storedPageDeadline: { deadline: { kind: 'overdue' }, status: 'seller_refused' } });
    expect(info.state).toBe('ok');
    expect(info.overdueUnknownAmount).toBe(false);
  });
});

describe('bare 已超时 (§4.2)', () => {
  it('uses the rule deadline when it is already past', () => {
    const later = Date.parse('2026-11-23T02:00:00.000Z');
    const info = describeRefund(row({ pageDeadline: { kind: 'overdue' }, readAt: later }), later, {});
    expect(iso(info.deadline)).toBe('2026-11-22T06:03:00.000Z');
    expect(info.deadlineSource).toBe('rule');
    expect(info.state).toBe('overdue');
    expect(info.overdueUnknownAmount).toBe(false);
  });

  it('leaves the deadline out when the rule deadline is still ahead; still overdue', () => {
    const info = describeRefund(row({ pageDeadline: { kind: 'overdue' } }), NOW, {});
    expect(info.deadline).toBeUndefined();
    expect(info.deadlineSource).toBeUndefined();
    expect(info.state).toBe('overdue');
    expect(info.overdueUnknownAmount).toBe(true);
    expect(info.countedFromFirstSeen).toBe(false);
  });

  it('is overdue with no rule at all (intervening)', () => {
    const info = describeRefund(row({ status: 'intervening', statusText: '客服介入中', pageDeadline: { kind: 'overdue' } }), NOW, {});
    expect(info.actor).toBe('platform');
    expect(info.state).toBe('overdue');
    expect(info.deadline).toBeUndefined();
    expect(info.overdueUnknownAmount).toBe(true);
  });
});

describe('other cases', () => {
  it('page overdue amount gives a past page deadline and state overdue', () => {
    const info = describeRefund(row({ pageDeadline: parseDeadlineText('超时1时5分', NOW)! }), NOW, {});
    expect(iso(info.deadline)).toBe('2026-11-21T00:55:00.000Z');
    expect(info.deadlineSource).toBe('page');
    expect(info.state).toBe('overdue');
    expect(info.overdueUnknownAmount).toBe(false);
  });

  it('completed refunds are done with no deadline, even with a page reading', () => {
    const info = describeRefund(row({ status: 'success', statusText: '退款成功', pageDeadline: { kind: 'at', at: NOW + H } }), NOW, {});
    expect(info.state).toBe('done');
    expect(info.actor).toBe('none');
    expect(info.deadline).toBeUndefined();
    expect(info.ruleId).toBe('R9');
    expect(info.onTimeout).toBe('none');
  });

  it('intervening without a page deadline is unknown (R8)', () => {
    const info = describeRefund(row({ status: 'intervening', statusText: '小二介入' }), NOW, { firstSeenInStatus: NOW });
    expect(info).toMatchObject({ actor: 'platform', state: 'unknown', ruleId: 'R8', onTimeout: 'none', countedFromFirstSeen: false });
    expect(info.deadline).toBeUndefined();
  });

  it('intervening with a page deadline uses the seller thresholds', () => {
    const info = describeRefund(row({ status: 'intervening', statusText: '平台介入', pageDeadline: { kind: 'at', at: NOW + 20 * H } }), NOW, {});
    expect(info.state).toBe('soon');
  });

  it('unknown status: actor none, no rule, unknown state unless the page shows a deadline', () => {
    const plain = describeRefund(row({ status: 'unknown', statusText: '售后处理中' }), NOW, {});
    expect(plain).toMatchObject({ actor: 'none', state: 'unknown', onTimeout: 'none' });
    expect(plain.ruleId).toBeUndefined();
    const withPage = describeRefund(row({ status: 'unknown', statusText: '售后处理中', pageDeadline: { kind: 'at', at: NOW + 3 * H } }), NOW, {});
    expect(withPage.state).toBe('urgent');
  });

  it('omits orderId when the row has none', () => {
    const { orderId: _, ...noOrder } = row();
    expect('orderId' in describeRefund(noOrder, NOW, {})).toBe(false);
  });

  it('passes options through: virtual goods, 平邮, Tmall signing cap, thresholds', () => {
    const shipped = row({ goodsState: 'shipped', statusSince: APPLIED });
    expect(describeRefund(shipped, NOW, { virtualGoods: true }).deadline).toBe(APPLIED + 72 * H);
    const confirm = row({ status: 'wait_seller_confirm', statusText: '待商家收货', type: 'return_refund', goodsState: 'returned', statusSince: APPLIED });
    expect(describeRefund(confirm, NOW, { returnShipping: 'post' }).deadline).toBe(APPLIED + 720 * H);
    const capped = describeRefund(confirm, NOW, { platform: 'tmall', returnSignedAt: NOW - 40 * H });
    expect(capped).toMatchObject({ deadline: NOW + 8 * H, ruleId: 'R5a', state: 'soon' });
    const t = { seller: { urgentHours: 10, soonHours: 20 }, buyer: { urgentHours: 12, soonHours: 48 } };
    expect(describeRefund(confirm, NOW, { platform: 'tmall', returnSignedAt: NOW - 40 * H, thresholds: t }).state).toBe('urgent');
  });

  it('a row showing the return signed counts from its reading until the history knows an earlier time (as stored)', () => {
    const signed = row({ status: 'wait_seller_confirm', statusText: '买家退货，已签收', type: 'return_refund', goodsState: 'returned', statusSince: APPLIED, returnSigned: true });
    expect(describeRefund(signed, NOW, { platform: 'tmall' })).toMatchObject({ deadline: NOW + 48 * H, ruleId: 'R5a' });
    expect(describeRefund(signed, NOW, { platform: 'tmall', returnSignedAt: NOW - 40 * H }).deadline).toBe(NOW + 8 * H);
    expect(describeRefund({ ...signed, returnSigned: false }, NOW, { platform: 'tmall' })).toMatchObject({ deadline: APPLIED + 240 * H, ruleId: 'R5' });
  });

  it('uses custom rules', () => {
    const info = describeRefund(row(), NOW, { rules: [{ id: 'mine', status: 'wait_seller_agree', actor: 'seller', limitHours: 1, onTimeout: 'close' }] });
    expect(info).toMatchObject({ deadline: APPLIED + H, ruleId: 'mine', onTimeout: 'close', state: 'overdue' });
  });
});

import { describe, expect, it } from 'vitest';
import { actorFor, classifyStatus, classifyType, isCompleted } from '@/lib/status/classify';
import { REFUND_STATUSES } from '@/lib/model/vocabulary';

describe('classifyStatus: every display string of §2.1', () => {
  it.each([
    // wait_seller_agree
    ['买家已经申请退款，等待卖家同意', 'wait_seller_agree'],
    ['待商家处理', 'wait_seller_agree'],
    ['退款待处理', 'wait_seller_agree'],
    ['售后申请待商家处理', 'wait_seller_agree'],
    ['换货待处理', 'wait_seller_agree'],
    ['等待卖家确认退货地址', 'wait_seller_agree'],
    // wait_buyer_return (rule 5 before rule 6: these contain 买家退货)
    ['卖家已经同意退款，等待买家退货', 'wait_buyer_return'],
    ['等待买家退货', 'wait_buyer_return'],
    ['待买家发货', 'wait_buyer_return'],
    ['商家已同意售后申请', 'wait_buyer_return'],
    ['待买家退货', 'wait_buyer_return'],
    // wait_seller_confirm
    ['买家已经退货，等待卖家确认收货', 'wait_seller_confirm'],
    ['买家退货 已签收', 'wait_seller_confirm'],
    ['买家退货，快递已签收', 'wait_seller_confirm'],
    ['待商家收货', 'wait_seller_confirm'],
    ['买家已退货,待商家确认收货', 'wait_seller_confirm'],
    ['买家已退货，待收货', 'wait_seller_confirm'],
    // seller_refused
    ['卖家拒绝退款', 'seller_refused'],
    ['已拒绝退款', 'seller_refused'],
    ['商家不同意售后申请,待买家处理', 'seller_refused'],
    ['商家拒绝收货，待买家处理', 'seller_refused'],
    ['待买家修改', 'seller_refused'],
    // intervening
    ['需要客服介入', 'intervening'],
    ['举证中', 'intervening'],
    ['客服已经介入', 'intervening'],
    ['小二介入', 'intervening'],
    ['淘宝介入', 'intervening'],
    ['平台介入', 'intervening'],
    ['卖家拒绝退款，客服介入中', 'intervening'],
    // success / closed
    ['退款成功', 'success'],
    ['售后成功', 'success'],
    ['换货成功', 'success'],
    ['退款关闭', 'closed'],
    ['售后关闭', 'closed'],
    ['换货关闭', 'closed'],
    ['平台介入，退款成功', 'success'],
    // unknown: recognised but not modelled, and group labels
    ['等待买家确认重新邮寄的货物', 'unknown'],
    ['待发出换货商品', 'unknown'],
    ['待买家收货', 'unknown'],
    ['请退款', 'unknown'],
    ['商家已发货，待买家确认收货', 'unknown'],
    ['售后处理中', 'unknown'],
    ['进行中的订单', 'unknown'],
    ['退款完结', 'unknown'],
    ['全部', 'unknown'],
    ['', 'unknown'],
    ['   ', 'unknown'],
  ] as const)('%j → %s', (text, status) => {
    expect(classifyStatus(text)).toBe(status);
  });

  it('normalises first: spaces, line breaks, full-width and zero-width chars', () => {
    expect(classifyStatus('等待\n买家 退货')).toBe('wait_buyer_return');
    expect(classifyStatus('退\u200B款\u00A0成功')).toBe('success');
    expect(classifyStatus('待商家\u3000处理')).toBe('wait_seller_agree');
  });
});

describe('actorFor (§2.1 data-actor)', () => {
  it('maps every status', () => {
    const actors = Object.fromEntries(REFUND_STATUSES.map((s) => [s, actorFor(s)]));
    expect(actors).toEqual({
      wait_seller_agree: 'seller',
      wait_buyer_return: 'buyer',
      wait_seller_confirm: 'seller',
      seller_refused: 'buyer',
      intervening: 'platform',
      success: 'none',
      closed: 'none',
      unknown: 'none',
    });
  });
});

describe('isCompleted', () => {
  it('is true only for success and closed', () => {
    expect(REFUND_STATUSES.filter(isCompleted)).toEqual(['success', 'closed']);
  });
});

describe('classifyType', () => {
  it.each([
    ['仅退款(售中)', 'refund_only'],
    ['仅退款（售后）', 'refund_only'],
    ['退货退款', 'return_refund'],
    ['换货', 'exchange'],
    ['要求: 退款', 'refund_only'],
    ['退款', 'refund_only'],
    ['其他', undefined],
  ] as const)('%j → %s', (text, type) => {
    expect(classifyType(text)).toBe(type);
  });
});

describe('actorFor on unmodelled statuses (§2.1 last row)', () => {
  it.each([
    ['等待买家确认重新邮寄的货物', 'buyer'],
    ['待买家收货', 'buyer'],
    ['待发出换货商品', 'seller'],
    ['请退款', 'seller'],
    ['售后处理中', 'none'],
  ] as const)('%s → %s', (text, actor) => {
    expect(actorFor(classifyStatus(text), text)).toBe(actor);
  });
});

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findFieldLabel, hasRefundIdLabel, headerField, refundIdPattern, simplifyChinese } from '@/lib/page/labels';
import { normalizeText } from '@/lib/text/normalize';

function idIn(text: string): string | undefined {
  return refundIdPattern().exec(normalizeText(text))?.[1];
}

describe('refund-id label + digits', () => {
  it.each([
    ['退款编号：200123456789012345', '200123456789012345'],
    ['退款编号:200123456789012345', '200123456789012345'],
    ['退款编号\u00A0：\u00A0200123456789012345', '200123456789012345'],
    ['退 款 编 号 ： 200123456789012345', '200123456789012345'],
    ['退款編號：200123456789012345', '200123456789012345'],
    ['售后编号 200123456789012345', '200123456789012345'],
    ['售後單號：200123456789012345', '200123456789012345'],
    ['订单号：3890123456789012345 退款编号：200123456789012345', '200123456789012345'],
    ['退款编号：２００１２３４５６７８９０１２３４５', '200123456789012345'],
  ])('%s', (text, id) => {
    expect(idIn(text)).toBe(id);
  });
  it.each(['退款编号：—', '退款编号：', '退款编号：12345', '退款编号：2001234567890123456789012345678901', '订单号：3890123456789012345', '原退款编号200123456789012345'])(
    'no id in %s',
    (text) => {
      expect(idIn(text)).toBeUndefined();
    },
  );
  it('detects the label alone', () => {
    expect(hasRefundIdLabel('退款编号：—')).toBe(true);
    expect(hasRefundIdLabel('查看详情')).toBe(false);
  });
});

describe('field labels in running text', () => {
  it('finds a label after a value, but not inside a Chinese word', () => {
    expect(findFieldLabel('订单号: 389 申请时间: 2026-11-20', 'appliedAt')).toEqual({ index: 9, valueStart: 15 });
    expect(findFieldLabel('子订单号: 389', 'orderId')).toBeNull();
  });
  it('needs a colon after 要求', () => {
    expect(findFieldLabel('买家的要求比较多', 'demand')).toBeNull();
    expect(findFieldLabel('要求: 退款', 'demand')?.valueStart).toBe(4);
  });
  it('tolerates traditional spellings', () => {
    expect(findFieldLabel(normalizeText('申請時間：2026-11-20'), 'appliedAt')).not.toBeNull();
    expect(findFieldLabel(normalizeText('退款金額：¥1'), 'amount')).not.toBeNull();
    expect(findFieldLabel(normalizeText('售後狀態：退款成功'), 'status')).not.toBeNull();
    expect(findFieldLabel(normalizeText('超時時間：2026-11-25 12:00'), 'deadline')).not.toBeNull();
    expect(findFieldLabel(normalizeText('訂單號：389'), 'orderId')).not.toBeNull();
    expect(simplifyChinese('售後狀態')).toBe('售后状态');
  });
});

describe('headerField', () => {
  it.each([
    ['退款编号', 'refundId'],
    ['售后单号', 'refundId'],
    ['订单编号', 'orderId'],
    ['申请时间↓', 'appliedAt'],
    ['退款金额(元)', 'amount'],
    ['退款金额（元）', 'amount'],
    ['售後狀態', 'status'],
    ['退款状态', 'status'],
    ['状态', 'status'],
    ['超时时间 ?', 'deadline'],
    ['发货状态', 'goods'],
    ['货物状态', 'goods'],
    ['商品', 'product'],
    ['操作', 'action'],
    ['退 款 金 额', 'amount'],
  ] as const)('%s → %s', (text, field) => {
    expect(headerField(text)).toBe(field);
  });
  it.each(['退款金额 ¥128.00', '买家已经申请退款', '交易状态', ''])('%s is no header', (text) => {
    expect(headerField(text)).toBeNull();
  });
});

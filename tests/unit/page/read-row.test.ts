// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parseAmountFen } from '@/lib/page/amount';
import { goodsStateOf } from '@/lib/page/read-fields';
import { readRefundRow } from '@/lib/page/read-row';
import { findRefundRows, readRefundPage } from './reference-reader';
import { READ_AT } from './fixtures/data';

function card(body: string): string {
  return `<div class="k1">${body}</div>`;
}

/** Reads a list of the given cards (a second card is added so the first is a row, not the page). */
function readCard(body: string): ReturnType<typeof readRefundPage> {
  document.body.innerHTML = `<section>${card(body)}${card('退款编号：209999999999999999 售后状态：退款成功')}</section>`;
  return readRefundPage(document, READ_AT);
}

function firstRow(body: string) {
  const { rows, problems } = readCard(body);
  expect(problems).toEqual([]);
  return rows[0]!.row;
}

describe('parseAmountFen', () => {
  it.each([
    ['￥128.00', 12800],
    ['¥128.00', 12800],
    ['¥1,234.5', 123450],
    ['128元', 12800],
    ['128.1元', 12810],
    ['¥0.01', 1],
    ['¥ 99', 9900],
    ['RMB 12.30', 1230],
    ['￥１２８．００', 12800],
    ['¥128<span>.00</span>'.replace(/<[^>]+>/g, ' '), 12800],
    ['¥128.00 (共2件)', 12800],
    ['¥1,234,567.89', 123456789],
  ])('%s → %i fen', (text, fen) => {
    expect(parseAmountFen(text)).toBe(fen);
  });
  it.each(['¥1,2,3', '¥12.345', '¥1,23', '', '—', '¥', '¥12 ¥13', '12 13', '¥99999999999999999'])('%s is ambiguous or empty', (text) => {
    expect(parseAmountFen(text)).toBeUndefined();
  });
});

describe('goodsStateOf', () => {
  it.each([
    ['未发货', 'unshipped'],
    ['已发货', 'shipped'],
    ['买家已收货', 'received'],
    ['已经退货', 'returned'],
    ['買家已發貨', 'shipped'],
    ['—', undefined],
  ] as const)('%s → %s', (text, state) => {
    expect(goodsStateOf(text)).toBe(state);
  });
});

describe('readRefundRow', () => {
  it('keeps an 18-digit id exactly (beyond Number.MAX_SAFE_INTEGER)', () => {
    const row = firstRow('<p>退款编号：987654321987654321</p><p>订单号：123456789123456789123</p>');
    expect(row.refundId).toBe('987654321987654321');
    expect(Number(row.refundId)).not.toBe(987654321987654321n); // (what Number() would have broken)
    expect(row.orderId).toBe('123456789123456789123');
  });

  it('classifies the status cell only: buttons and action links saying 申请介入 do not count', () => {
    const row = firstRow(`<p>退款编号：200000000000000001</p>
      <p>售后状态：<span>买家已经申请退款，等待卖家同意</span> <a href="javascript:;">申请介入</a></p>
      <div><button>申请介入</button><a href="#">申请淘宝介入</a></div>`);
    expect(row.status).toBe('wait_seller_agree');
    expect(row.statusText).toBe('买家已经申请退款,等待卖家同意');
  });

  it('reads intervention when the status itself says so', () => {
    expect(firstRow('<p>退款编号：200000000000000001</p><p>售后状态：客服介入中</p>').status).toBe('intervening');
  });

  it('keeps a row with status text it does not understand (status unknown)', () => {
    const row = firstRow('<p>退款编号：200000000000000001</p><p>售后状态：待发出换货商品</p>');
    expect(row).toMatchObject({ status: 'unknown', statusText: '待发出换货商品' });
  });

  it('gives status unknown and an empty statusText when no status is shown', () => {
    expect(firstRow('<p>退款编号：200000000000000001</p><p>订单号：3890000000000001</p>')).toMatchObject({ status: 'unknown', statusText: '' });
  });

  it('never reads 7天无理由退货 as a deadline', () => {
    const row = firstRow('<p>退款编号：200000000000000001</p><p>退款原因：7天无理由退货</p><p>售后状态：退款待处理</p>');
    expect(row.pageDeadline).toBeUndefined();
  });

  it('reads 超时时间 as an absolute Beijing deadline, and a dash as none', () => {
    expect(firstRow('<p>退款编号：200000000000000001</p><p>超时时间：2026-11-25 12:00</p>').pageDeadline).toEqual({ kind: 'at', at: Date.UTC(2026, 10, 25, 4, 0) });
    expect(firstRow('<p>退款编号：200000000000000001</p><p>超时时间：2026-11-25 00:30:00</p>').pageDeadline).toEqual({ kind: 'at', at: Date.UTC(2026, 10, 24, 16, 30) });
    expect(firstRow('<p>退款编号：200000000000000001</p><p>超时时间：-</p>').pageDeadline).toBeUndefined();
    expect(firstRow('<p>退款编号：200000000000000001</p><p>超時時間：2026-11-25 12:00</p>').pageDeadline).toEqual({ kind: 'at', at: Date.UTC(2026, 10, 25, 4, 0) });
  });

  it('reads countdowns anywhere in the row, split over elements and with no-break spaces', () => {
    expect(firstRow('<p>退款编号：200000000000000001</p><div>还剩<em>1</em>天<em>2</em>时<em>3</em>分</div>').pageDeadline).toEqual({ kind: 'at', at: Date.UTC(2026, 10, 22, 4, 3) });
    expect(firstRow('<p>退款编号：200000000000000001</p><div>还剩&nbsp;<span>12</span>分</div>').pageDeadline).toEqual({ kind: 'at', at: Date.UTC(2026, 10, 21, 2, 12) });
    expect(firstRow('<p>退款编号：200000000000000001</p><div>剩余 23:59:59</div>').pageDeadline).toEqual({ kind: 'at', at: Date.UTC(2026, 10, 22, 1, 59, 59) });
    expect(firstRow('<p>退款编号：200000000000000001</p><div>超时1时5分</div>').pageDeadline).toEqual({ kind: 'at', at: Date.UTC(2026, 10, 21, 0, 55) });
    expect(firstRow('<p>退款编号：200000000000000001</p><div>已超时</div>').pageDeadline).toEqual({ kind: 'overdue' });
  });

  it('does not read a countdown from the badge host inside the row', () => {
    const row = firstRow('<p>退款编号：200000000000000001<refund-radar-badge>还剩 1时</refund-radar-badge></p>');
    expect(row.pageDeadline).toBeUndefined();
  });

  it('reads type and phase from "(售中)/(售后)", 退款类型, and the detail page\'s 要求', () => {
    expect(firstRow('<p>退货退款(售后)</p><p>退款编号：200000000000000001</p>')).toMatchObject({ type: 'return_refund', phase: 'aftersale' });
    expect(firstRow('<p>退款(售中)</p><p>退款编号：200000000000000001</p>')).toMatchObject({ type: 'refund_only', phase: 'onsale' });
    expect(firstRow('<p>换货（售后）</p><p>退款编号：200000000000000001</p>')).toMatchObject({ type: 'exchange', phase: 'aftersale' });
    expect(firstRow('<p>退款编号：200000000000000001</p><p>退款类型：仅退款</p>')).toMatchObject({ type: 'refund_only' });
    expect(firstRow('<p>退款编号：200000000000000001</p><p>要求：退款</p>')).toMatchObject({ type: 'refund_only' });
    expect(firstRow('<p>退款编号：200000000000000001</p><p>要求：退货退款</p>')).toMatchObject({ type: 'return_refund' });
    expect(firstRow('<p>退款编号：200000000000000001</p><p><span>换货</span> 男士运动鞋</p>')).toMatchObject({ type: 'exchange' });
    expect(firstRow('<p>退款编号：200000000000000001</p><p><span>换货</span><span>仅退款</span></p>').type).toBeUndefined();
    const none = firstRow('<p>退款编号：200000000000000001</p><p>退款原因：7天无理由退货</p>');
    expect(none.type).toBeUndefined();
    expect(none.phase).toBeUndefined();
  });

  it('reads the return as signed from 退货物流信息 or the status', () => {
    expect(firstRow('<p>退款编号：200000000000000001</p><p>退货物流信息：中通 7312 派送成功</p>').returnSigned).toBe(true);
    expect(firstRow('<p>退款编号：200000000000000001</p><p>退货物流信息：中通 7312 运输中</p>').returnSigned).toBe(false);
    expect(firstRow('<p>退款编号：200000000000000001</p><p>退货物流信息：已拒收</p>').returnSigned).toBe(true);
    expect(firstRow('<p>退款编号：200000000000000001</p><p>售后状态：买家退货，已签收</p>')).toMatchObject({ returnSigned: true, status: 'wait_seller_confirm' });
    expect(firstRow('<p>退款编号：200000000000000001</p><p>售后状态：退款待处理</p>').returnSigned).toBeUndefined();
  });

  it('leaves out an ambiguous amount without failing the row', () => {
    const row = firstRow('<p>退款编号：200000000000000001</p><p>退款金额：¥1,2,3</p><p>申请时间：2026-11-20 14:03:00</p>');
    expect(row.amountFen).toBeUndefined();
    expect(row.appliedAt).toBe(Date.UTC(2026, 10, 20, 6, 3));
  });

  it('leaves out an impossible date', () => {
    expect(firstRow('<p>退款编号：200000000000000001</p><p>申请时间：2026-02-30 10:00</p>').appliedAt).toBeUndefined();
  });

  it('takes the refund id from a disputeId link when no label shows it, and the order id from bizOrderId', () => {
    const row = firstRow('<a href="https://refund2.taobao.com/dispute/detail.htm?bizOrderId=3890000000000000001&amp;disputeId=200000000000000042">宝贝</a>');
    expect(row).toMatchObject({ refundId: '200000000000000042', orderId: '3890000000000000001' });
  });

  it('gives a refundId problem, never a guess, for a row without a refund id', () => {
    document.body.innerHTML = '<div><p>订单号：3890000000000000001</p><p>售后状态：退款成功</p></div>';
    const el = document.querySelector('div')!;
    expect(readRefundRow(el, READ_AT)).toEqual({ ok: false, problem: { field: 'refundId', text: '订单号:3890000000000000001 售后状态:退款成功' } });
  });

  it('gives a refundId problem for an element holding two refunds', () => {
    document.body.innerHTML = '<div><p>退款编号：200000000000000001</p><p>退款编号：200000000000000002</p></div>';
    expect(readRefundRow(document.querySelector('div')!, READ_AT)).toEqual({
      ok: false,
      problem: { field: 'refundId', text: '200000000000000001 200000000000000002' },
    });
  });

  it('reports a schema failure by field (readAt outside the accepted instants)', () => {
    document.body.innerHTML = '<div><p>退款编号：200000000000000001</p></div>';
    const result = readRefundRow(document.querySelector('div')!, 12.5);
    expect(result).toEqual({ ok: false, problem: { refundId: '200000000000000001', field: 'readAt', text: '12.5' } });
  });
});

describe('fields read by label', () => {
  it('reads "标签：值", "标签: 值", label and value in siblings, dt/dd, and cuts before the next label', () => {
    const row = firstRow(`
      <div>订单号：<a href="#">3890000000000000001</a> 退款编号：200000000000000001</div>
      <div><span>退款金额</span><span>¥5.00</span></div>
      <dl><dt>申请时间</dt><dd>2026-11-20 14:03:00</dd><dt>货物状态</dt><dd>已发货</dd></dl>
      <p>售后状态 : 待买家发货</p>`);
    expect(row).toStrictEqual({
      refundId: '200000000000000001',
      orderId: '3890000000000000001',
      statusText: '待买家发货',
      status: 'wait_buyer_return',
      goodsState: 'shipped',
      amountFen: 500,
      appliedAt: Date.UTC(2026, 10, 20, 6, 3),
      readAt: READ_AT,
    });
  });

  it('reads labels in traditional Chinese with full-width colons and spaces between characters', () => {
    const row = firstRow(`<p>退款編號：200000000000000001</p><p>訂 單 號 ： 3890000000000000001</p>
      <p>申請時間：2026-11-20 14:03:00</p><p>退款金額：￥128.00</p><p>售後狀態：退款成功</p>`);
    expect(row).toMatchObject({ orderId: '3890000000000000001', appliedAt: Date.UTC(2026, 10, 20, 6, 3), amountFen: 12800, status: 'success' });
  });

  it('classifies traditional-Chinese status text', () => {
    const row = firstRow('<p>退款編號：200000000000000001</p><p>售後狀態：賣家拒絕退款</p><p>退貨物流信息：已簽收</p>');
    expect(row).toMatchObject({ status: 'seller_refused', statusText: '賣家拒絕退款', returnSigned: true });
  });

  it('a header cell wins over a label of the same field elsewhere in the row', () => {
    document.body.innerHTML = `<table><thead><tr><th>退款编号</th><th>退款金额</th><th>售后状态</th></tr></thead><tbody>
      <tr><td>200000000000000001</td><td>¥5.00</td><td>退款成功 <span>(退款金额：¥9.00)</span></td></tr>
      <tr><td>200000000000000002</td><td>¥6.00</td><td>退款关闭</td></tr></tbody></table>`;
    const { rows } = readRefundPage(document, READ_AT);
    expect(rows.map((r) => [r.row.refundId, r.row.amountFen, r.row.status])).toEqual([
      ['200000000000000001', 500, 'success'],
      ['200000000000000002', 600, 'closed'],
    ]);
  });
});

describe('findRefundRows', () => {
  it('needs no classes: rows are the largest elements holding one refund', () => {
    document.body.innerHTML = `<main><h1>退款管理</h1><div><div><div>退款编号：200000000000000001</div><div>售后状态：退款成功</div></div>
      <div><div>退款编号：200000000000000002</div><div>售后状态：退款关闭</div></div></div></main>`;
    const rows = findRefundRows(document);
    expect(rows.map((r) => r.textContent)).toEqual(['退款编号：200000000000000001售后状态：退款成功', '退款编号：200000000000000002售后状态：退款关闭']);
  });

  it('a filter form\'s 退款编号 box is not a row', () => {
    document.body.innerHTML = `<form><label>退款编号</label><input></form><ul>
      <li>退款编号：200000000000000001 售后状态：退款成功</li><li>退款编号：200000000000000002 售后状态：退款关闭</li></ul>`;
    const { rows, problems } = readRefundPage(document, READ_AT);
    expect(rows).toHaveLength(2);
    expect(problems).toEqual([]);
  });

  it('reads within a given container only', () => {
    document.body.innerHTML = `<div id="a"><p>退款编号：200000000000000001</p></div><div id="b"><p>退款编号：200000000000000002</p></div>`;
    const { rows } = readRefundPage(document.getElementById('b')!, READ_AT);
    expect(rows.map((r) => r.row.refundId)).toEqual(['200000000000000002']);
  });

  it('finds nothing on a page without refunds', () => {
    document.body.innerHTML = '<div><p>暂无数据</p><p>退款编号</p></div>';
    expect(readRefundPage(document, READ_AT)).toEqual({ rows: [], problems: [] });
  });

  it('ignores hidden templates and scripts', () => {
    document.body.innerHTML = `<template><p>退款编号：200000000000000009</p></template><script>var disputeData = {"退款编号：200000000000000008":1}</script>
      <ul><li>退款编号：200000000000000001</li><li>退款编号：200000000000000002</li><li style="display:none">退款编号：200000000000000003</li></ul>`;
    expect(readRefundPage(document, READ_AT).rows.map((r) => r.row.refundId)).toEqual(['200000000000000001', '200000000000000002']);
  });
});

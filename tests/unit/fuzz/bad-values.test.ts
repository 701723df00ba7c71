// @vitest-environment happy-dom
// Issue 6 point 2, bad values: impossible dates, deadlines years away, malformed amounts, negative countdowns, empty or
// broken ids and never-seen statuses. Each is rejected (field absent, or the row counted as a problem) or marked
// (status `unknown`, badge state unknown / actor none) — never stored as a wrong value. Every bad row stands between
// two good rows, in a card list ("标签：值") and in a table with column headers.
import { describe, expect, it } from 'vitest';
import { describeRefund } from '@/lib/deadline/describe';
import type { RefundRow } from '@/lib/model/refund-row';
import { readRefundPage } from '../page/reference-reader';

const NOW = Date.UTC(2026, 10, 21, 2, 0); // 10:00 Beijing

interface Fields {
  id: string;
  order: string;
  applied: string;
  amount: string;
  status: string;
  deadline: string;
}

const GOOD: Fields = {
  id: '200123456789012345',
  order: '3890123456789012345',
  applied: '2026-11-20 14:03:00',
  amount: '￥128.00',
  status: '买家已经申请退款，等待卖家同意',
  deadline: '2026-11-22 14:03',
};
const GOOD_ROW = {
  refundId: GOOD.id,
  orderId: GOOD.order,
  appliedAt: Date.UTC(2026, 10, 20, 6, 3),
  amountFen: 12800,
  status: 'wait_seller_agree',
  pageDeadline: { kind: 'at', at: Date.UTC(2026, 10, 22, 6, 3) },
};
const before: Fields = { ...GOOD, id: '200123456789010001', order: '3890123456789010001' };
const after: Fields = { ...GOOD, id: '200123456789010002', order: '3890123456789010002' };

const LABELS: Array<[keyof Fields, string]> = [
  ['id', '退款编号'],
  ['order', '订单号'],
  ['applied', '申请时间'],
  ['amount', '退款金额'],
  ['status', '售后状态'],
  ['deadline', '超时时间'],
];

const card = (f: Fields) => `<div class="c">${LABELS.map(([k, l]) => `<div><span>${l}：</span><span>${f[k]}</span></div>`).join('')}</div>`;
const tr = (f: Fields) => `<tr>${LABELS.map(([k]) => `<td>${f[k]}</td>`).join('')}</tr>`;
const LAYOUTS = {
  cards: (f: Fields) => `<div>${[before, f, after].map(card).join('')}</div>`,
  table: (f: Fields) => `<table><thead><tr>${LABELS.map(([, l]) => `<th>${l}</th>`).join('')}</tr></thead><tbody>${[before, f, after].map(tr).join('')}</tbody></table>`,
};

function read(layout: keyof typeof LAYOUTS, f: Fields) {
  document.body.innerHTML = LAYOUTS[layout](f);
  return readRefundPage(document, NOW);
}

/** The bad row, read: the good rows around it must read as themselves. */
function readBad(layout: keyof typeof LAYOUTS, f: Fields): RefundRow {
  const reading = read(layout, f);
  expect(reading.rows.map((r) => r.row.refundId)).toEqual([before.id, f.id, after.id]);
  expect(reading.problems).toEqual([]);
  return reading.rows[1]!.row;
}

/** Every field not under test reads as the truth. */
function expectOthersGood(row: RefundRow, except: keyof typeof GOOD_ROW | 'none') {
  for (const [k, v] of Object.entries(GOOD_ROW)) if (k !== except) expect((row as Record<string, unknown>)[k], k).toEqual(v);
}

describe.each(['cards', 'table'] as const)('bad values in a %s list', (layout) => {
  it('the good page reads entirely', () => {
    expectOthersGood(readBad(layout, GOOD), 'none');
  });

  it.each([
    ['impossible date and time', '2026-02-30 25:61'],
    ['30 February', '2026-02-30 10:00:00'],
    ['hour 25', '2026-11-20 25:00:00'],
    ['minute 61', '2026-11-20 10:61'],
    ['month 13', '2026-13-01 10:00'],
    ['two dates', '2026-11-19 10:00 2026-11-20 14:03:00'],
    ['no date', '昨天'],
  ])('申请时间 %s (%s): no appliedAt', (_name, applied) => {
    const row = readBad(layout, { ...GOOD, applied });
    expect(row.appliedAt).toBeUndefined();
    expectOthersGood(row, 'appliedAt');
  });

  it.each([
    ['9999-01-01'],
    ['9999-01-01 00:00'],
    ['2199-01-01'],
    ['2199-01-01 00:00'],
    ['2026-02-30 12:00'],
    ['2026-11-22 24:00'],
    ['还剩-3时'],
    ['还剩 -1天-2时'],
    ['剩余 -1:00:00'],
    ['超时-5分'],
    ['-'],
    ['2026-11-19 10:00 2026-11-22 14:03'],
  ])('超时时间 %s: no page deadline (the rules decide), never a wrong one', (deadline) => {
    const row = readBad(layout, { ...GOOD, deadline });
    expect(row.pageDeadline).toBeUndefined();
    expectOthersGood(row, 'pageDeadline');
    const badge = describeRefund(row, NOW);
    expect(badge.deadlineSource).not.toBe('page');
    // The rule deadline (R1/R2 from 申请时间) is the only one: 2 or 5 days after application.
    if (badge.deadline !== undefined) expect([2, 5].map((d) => GOOD_ROW.appliedAt + d * 86_400_000)).toContain(badge.deadline);
  });

  it.each([['¥1,2,3'], ['￥-5.00'], ['-￥5.00'], ['¥12.345'], ['免费'], ['¥'], ['￥1,23.00'], ['¥5 ¥6'], ['¥99999999999999999']])(
    '退款金额 %s: no amount',
    (amount) => {
      const row = readBad(layout, { ...GOOD, amount });
      expect(row.amountFen).toBeUndefined();
      expectOthersGood(row, 'amountFen');
    },
  );

  it.each([[''], ['—'], ['-'], ['12a34'], ['1'.repeat(40)], ['12345']])(
    '退款编号 %j: the row is a refundId problem, never stored',
    (id) => {
      const reading = read(layout, { ...GOOD, id });
      expect(reading.rows.map((r) => r.row.refundId)).toEqual([before.id, after.id]);
      expect(reading.problems.map((p) => p.field)).toEqual(['refundId']);
      expect(reading.problems[0]!.refundId).toBeUndefined();
    },
  );

  it('申请时间 before the model range (1999): the row is rejected (a problem naming appliedAt), never stored', () => {
    const reading = read(layout, { ...GOOD, applied: '1999-12-31 23:00:00' });
    expect(reading.rows.map((r) => r.row.refundId)).toEqual([before.id, after.id]);
    expect(reading.problems).toEqual([{ refundId: GOOD.id, field: 'appliedAt', text: String(Date.UTC(1999, 11, 31, 15)) }]);
  });

  it.each([['12a34'], ['1'.repeat(40)], ['—'], ['订单号']])('订单号 %j: no orderId', (order) => {
    const row = readBad(layout, { ...GOOD, order: order === '订单号' ? '' : order });
    expect(row.orderId).toBeUndefined();
    expectOthersGood(row, 'orderId');
  });

  it.each([['火星状态'], ['退款协商中（新版状态）'], ['???'], ['2026-11-20']])('售后状态 %s: status unknown, the row still read, badge unknown / none', (status) => {
    const row = readBad(layout, { ...GOOD, status, deadline: '-' });
    expect(row.status).toBe('unknown');
    expect(row.refundId).toBe(GOOD.id);
    const badge = describeRefund(row, NOW);
    expect({ status: badge.status, actor: badge.actor, state: badge.state, deadline: badge.deadline }).toEqual({
      status: 'unknown',
      actor: 'none',
      state: 'unknown',
      deadline: undefined,
    });
  });
});

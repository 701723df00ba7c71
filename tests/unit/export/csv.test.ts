import { describe, expect, it } from 'vitest';
import {
  BOM,
  CSV_COLUMNS,
  CSV_HEADERS_ZH,
  csvCell,
  csvFileName,
  csvHeaderLine,
  deadlineSourceOf,
  fenToYuan,
  neutralize,
  refundToCsvLine,
  refundToCsvRecord,
} from '@/lib/export/csv';
import { HOUR, makeRefund, refundsToCsv, T0 } from './fixtures';

describe('csvCell (RFC 4180)', () => {
  it('leaves plain text and Chinese alone', () => {
    expect(csvCell('abc')).toBe('abc');
    expect(csvCell('退款成功')).toBe('退款成功');
    expect(csvCell('')).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(12)).toBe('12');
  });
  it('quotes commas, quotes, CR and LF, doubling the quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('说"不"')).toBe('"说""不"""');
    expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(csvCell('a\rb')).toBe('"a\rb"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
    expect(csvCell('"')).toBe('""""');
    // A full-width comma is not a separator.
    expect(csvCell('退款，成功')).toBe('退款，成功');
  });
});

describe('neutralize (formula injection)', () => {
  it.each(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'])('prefixes a quote to a cell starting with %j', (c) => {
    expect(neutralize(`${c}HYPERLINK("http://x")`)).toBe(`'${c}HYPERLINK("http://x")`);
  });
  it('leaves other text alone, including these characters further in', () => {
    expect(neutralize('a=1')).toBe('a=1');
    expect(neutralize('2026-11-20 14:00:00')).toBe('2026-11-20 14:00:00');
    expect(neutralize(' =1')).toBe(' =1');
    expect(neutralize('')).toBe('');
  });
  it('is applied before quoting in a line, on every text cell', () => {
    const line = refundToCsvLine(makeRefund(1, { statusText: '=cmd|"/c calc"!A1' }), 'en');
    expect(line).toContain(`,"'=cmd|""/c calc""!A1",`);
    const cr = refundToCsvLine(makeRefund(1, { statusText: '\rx' }), 'en');
    expect(cr).toContain(`,"'\rx",`); // neutralized, then quoted because of the CR
    const tab = refundToCsvLine(makeRefund(1, { statusText: '\t-1' }), 'en');
    expect(tab).toContain(`,'\t-1,`);
  });
});

describe('fenToYuan', () => {
  it('converts by integer arithmetic with two decimals', () => {
    expect(fenToYuan(12345)).toBe('123.45');
    expect(fenToYuan(0)).toBe('0.00');
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToYuan(100)).toBe('1.00');
    expect(fenToYuan(1999)).toBe('19.99');
    expect(fenToYuan(-150)).toBe('-1.50');
    expect(fenToYuan(900719925474099)).toBe('9007199254740.99');
    // 0.1 + 0.2 style float trouble does not exist here: every value of 0…99999 round-trips.
    for (let f = 0; f < 100_000; f += 37) expect(Math.round(Number(fenToYuan(f)) * 100)).toBe(f);
  });
});

describe('headers and lines', () => {
  it('has the 16 stable columns in order', () => {
    expect(CSV_COLUMNS).toEqual([
      'refund_id', 'order_id', 'status', 'status_text', 'type', 'phase', 'goods_status', 'amount_yuan', 'applied_at',
      'deadline_at', 'deadline_source', 'completed_at', 'intervened_at', 'first_seen_at', 'last_seen_at', 'buyer_nick',
    ]);
  });
  it('English header = the keys; Chinese header in the same order', () => {
    expect(csvHeaderLine('en')).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
    expect(csvHeaderLine('zh')).toBe(
      '退款编号,订单编号,售后状态,状态原文,类型,售中/售后,货物状态,退款金额(元),申请时间,超时时间,超时来源,完结时间,介入时间,首次记录,最近记录,买家昵称\r\n',
    );
    expect(Object.keys(CSV_HEADERS_ZH)).toEqual([...CSV_COLUMNS]);
  });
  it('writes a record: codes in both languages, Beijing times with seconds, yuan amounts', () => {
    const r = makeRefund(1, {
      status: 'wait_seller_agree',
      statusText: '待商家处理',
      amountFen: 12345,
      appliedAt: Date.UTC(2026, 10, 20, 15, 59, 7), // 23:59:07 Beijing
      pageDeadline: { deadline: { kind: 'at', at: T0 + 2 * HOUR }, status: 'wait_seller_agree', readAt: T0 },
      deadlineAt: T0 + 2 * HOUR,
      intervenedAt: Date.UTC(2026, 10, 20, 16, 0, 0), // next Beijing day 00:00:00
    });
    const zh = refundToCsvRecord(r, 'zh');
    expect(zh).toEqual(refundToCsvRecord(r, 'en'));
    expect(zh).toEqual({
      refund_id: '200000000000000001',
      order_id: '400000000000000001',
      status: 'wait_seller_agree',
      status_text: '待商家处理',
      type: 'refund_only',
      phase: 'onsale',
      goods_status: 'shipped',
      amount_yuan: '123.45',
      applied_at: '2026-11-20 23:59:07',
      deadline_at: '2026-11-20 16:00:00',
      deadline_source: 'page',
      completed_at: '',
      intervened_at: '2026-11-21 00:00:00',
      first_seen_at: '2026-11-20 14:00:00',
      last_seen_at: '2026-11-20 15:00:00',
      buyer_nick: '',
    });
    expect(refundToCsvRecord({ ...r, buyerNick: '小***猫' }, 'zh').buyer_nick).toBe('小***猫');
  });
  it('formats Beijing time whatever the machine zone (tests run in New York and Shanghai)', () => {
    expect(['America/New_York', 'Asia/Shanghai']).toContain(process.env.TZ);
    const r = makeRefund(2, { appliedAt: Date.UTC(2026, 2, 8, 7, 30, 5) }); // a US DST switch day
    expect(refundToCsvRecord(r, 'en').applied_at).toBe('2026-03-08 15:30:05');
  });
  it('empty cells for unknown values; deadline source rule / page / none', () => {
    const bare = makeRefund(7);
    const rec = refundToCsvRecord(bare, 'en');
    expect([rec.order_id, rec.type, rec.phase, rec.goods_status, rec.amount_yuan, rec.applied_at]).toEqual(['', '', '', '', '', '']);
    expect(deadlineSourceOf(makeRefund(1))).toBe('rule');
    expect(deadlineSourceOf(makeRefund(5))).toBeUndefined(); // success: no deadline
    // A bare 已超时 stores only a past rule deadline (lib/deadline/decide.ts); a record stored before that policy holds
    // the reading time, which is the page's.
    const reading = { deadline: { kind: 'overdue' as const }, status: 'wait_buyer_return' as const, readAt: T0 };
    expect(deadlineSourceOf(makeRefund(1, { pageDeadline: reading, deadlineAt: T0 - 5 * HOUR }))).toBe('rule');
    expect(deadlineSourceOf(makeRefund(1, { pageDeadline: reading, deadlineAt: T0 }))).toBe('page');
  });
  it('a whole file: BOM first, CRLF after every line, no bare LF outside quotes', () => {
    const text = refundsToCsv([makeRefund(1), makeRefund(2, { statusText: 'a\nb' })], 'zh');
    expect(text.startsWith(BOM + '退款编号,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines).toHaveLength(4); // header, 2 rows, trailing empty
    expect(lines[1]).toBe(
      '200000000000000001,400000000000000001,wait_buyer_return,"状态1, ""原文""",refund_only,onsale,shipped,10.01,2026-11-20 13:00:00,2026-11-22 14:00:00,rule,,,2026-11-20 14:00:00,2026-11-20 15:00:00,',
    );
    expect(lines[2]).toContain(',"a\nb",');
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});

describe('csvFileName', () => {
  it('uses the Beijing date across UTC midnight', () => {
    const beforeUtcMidnight = Date.UTC(2026, 10, 24, 23, 30); // 2026-11-25 07:30 Beijing
    expect(csvFileName(beforeUtcMidnight, 'zh')).toBe('退款日志-2026-11-25.csv');
    expect(csvFileName(beforeUtcMidnight, 'en')).toBe('refund-log-2026-11-25.csv');
    const beijingMidnight = Date.UTC(2026, 10, 24, 16, 0); // 2026-11-25 00:00 Beijing
    expect(csvFileName(beijingMidnight - 1, 'en')).toBe('refund-log-2026-11-24.csv');
    expect(csvFileName(beijingMidnight, 'en')).toBe('refund-log-2026-11-25.csv');
  });
});

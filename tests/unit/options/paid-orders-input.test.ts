import { describe, expect, it } from 'vitest';
import { fillRecentDays, parseCountText, parseDateText, parsePaidOrdersPaste, recentDates } from '@/lib/options/paid-orders-input';

describe('parseDateText', () => {
  it('reads ISO, slash, dot and Chinese dates, with or without leading zeros', () => {
    expect(parseDateText('2026-11-20')).toBe('2026-11-20');
    expect(parseDateText('2026/11/20')).toBe('2026-11-20');
    expect(parseDateText('2026.1.5')).toBe('2026-01-05');
    expect(parseDateText('2026年11月20日')).toBe('2026-11-20');
    expect(parseDateText('2026 年 1 月 5 日')).toBe('2026-01-05');
    expect(parseDateText('２０２６／１１／２０')).toBe('2026-11-20');
    expect(parseDateText('2026-11-20 00:00:00')).toBe('2026-11-20');
    expect(parseDateText('"2026-11-20"')).toBe('2026-11-20');
  });
  it('refuses dates that do not exist and other text', () => {
    expect(parseDateText('2026-02-30')).toBeNull();
    expect(parseDateText('2026-13-01')).toBeNull();
    expect(parseDateText('11/20/2026')).toBeNull();
    expect(parseDateText('20261120')).toBeNull();
    expect(parseDateText('日期')).toBeNull();
  });
});

describe('parseCountText', () => {
  it('reads whole counts, thousands separators, full-width digits and 笔', () => {
    expect(parseCountText('312')).toEqual({ kind: 'count', value: 312 });
    expect(parseCountText(' 1,234 ')).toEqual({ kind: 'count', value: 1234 });
    expect(parseCountText('１２３')).toEqual({ kind: 'count', value: 123 });
    expect(parseCountText('88笔')).toEqual({ kind: 'count', value: 88 });
    expect(parseCountText('0')).toEqual({ kind: 'count', value: 0 });
    expect(parseCountText('12.0')).toEqual({ kind: 'count', value: 12 });
  });
  it('empty is missing; negatives, fractions and words are invalid', () => {
    expect(parseCountText('  ')).toEqual({ kind: 'empty' });
    for (const bad of ['-1', '1.5', 'abc', '1,23', '1e3', '999999999999']) expect(parseCountText(bad)).toEqual({ kind: 'invalid' });
  });
});

describe('parsePaidOrdersPaste', () => {
  it('reads tab-separated spreadsheet rows and skips the header row', () => {
    const r = parsePaidOrdersPaste('日期\t支付宝成交笔数\n2026-11-18\t300\n2026-11-19\t1,204\n');
    expect(r.entries).toEqual({ '2026-11-18': 300, '2026-11-19': 1204 });
    expect(r.headerLines).toEqual([1]);
    expect(r.errors).toEqual([]);
  });
  it('reads comma-separated (CSV, quoted cells) and Chinese dates, CRLF line ends', () => {
    const r = parsePaidOrdersPaste('date,count\r\n2026/11/20,312\r\n2026年11月21日，298\r\n"2026-11-22","1,305"\r\n');
    expect(r.entries).toEqual({ '2026-11-20': 312, '2026-11-21': 298, '2026-11-22': 1305 });
    expect(r.headerLines).toEqual([1]);
  });
  it('reads space-separated lines, also with a time after the date', () => {
    const r = parsePaidOrdersPaste('2026-11-20 312\n2026-11-21 00:00:00   298');
    expect(r.entries).toEqual({ '2026-11-20': 312, '2026-11-21': 298 });
  });
  it('reports invalid lines with their 1-based line number and leaves them out', () => {
    const text = ['日期\t笔数', '2026-11-20\t312', '2026-02-30\t10', '2026-11-21\t-4', '2026-11-22', '', '2026-11-23\t5\t6', '2026-11-24\tabc'].join('\n');
    const r = parsePaidOrdersPaste(text);
    expect(r.entries).toEqual({ '2026-11-20': 312 });
    expect(r.errors.map((e) => [e.line, e.reason])).toEqual([
      [3, 'date'],
      [4, 'count'],
      [5, 'columns'],
      [7, 'columns'],
      [8, 'count'],
    ]);
    expect(r.errors[0]!.text).toBe('2026-02-30\t10');
  });
  it('ignores trailing empty cells (a spreadsheet selection one column too wide)', () => {
    expect(parsePaidOrdersPaste('2026-11-20\t312\t\t').entries).toEqual({ '2026-11-20': 312 });
  });
  it('a date given twice: the last line wins, and the duplicate is reported', () => {
    const r = parsePaidOrdersPaste('2026-11-20\t100\n2026/11/20\t200\n2026-11-21\t5');
    expect(r.entries).toEqual({ '2026-11-20': 200, '2026-11-21': 5 });
    expect(r.duplicates).toEqual([{ date: '2026-11-20', lines: [1, 2] }]);
  });
  it('an invalid line does not override an earlier valid line of the same date', () => {
    const r = parsePaidOrdersPaste('2026-11-20\t100\n2026-11-20\tx');
    expect(r.entries).toEqual({ '2026-11-20': 100 });
    expect(r.errors).toHaveLength(1);
  });
  it('refuses dates after today when told today', () => {
    const r = parsePaidOrdersPaste('2026-11-25\t1\n2026-11-26\t2', { today: '2026-11-25' });
    expect(r.entries).toEqual({ '2026-11-25': 1 });
    expect(r.errors).toEqual([{ line: 2, text: '2026-11-26\t2', reason: 'future' }]);
  });
  it('ignores a byte-order mark and blank input', () => {
    expect(parsePaidOrdersPaste('\uFEFF2026-11-20,7').entries).toEqual({ '2026-11-20': 7 });
    expect(parsePaidOrdersPaste('\n\n')).toEqual({ entries: {}, headerLines: [], errors: [], duplicates: [] });
  });
});

describe('recentDates / fillRecentDays', () => {
  it('lists the last N Beijing dates, newest first, across a month end', () => {
    expect(recentDates('2026-12-02', 4)).toEqual(['2026-12-02', '2026-12-01', '2026-11-30', '2026-11-29']);
  });
  it('fills the last N days, optionally only the missing ones', () => {
    expect(fillRecentDays('2026-11-25', 3, 50)).toEqual({ '2026-11-25': 50, '2026-11-24': 50, '2026-11-23': 50 });
    expect(fillRecentDays('2026-11-25', 3, 50, { '2026-11-24': 7 }, true)).toEqual({ '2026-11-25': 50, '2026-11-23': 50 });
  });
});

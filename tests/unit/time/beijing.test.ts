import { describe, expect, it } from 'vitest';
import { addDays, beijingDate, beijingToInstant, formatBeijing, parseBeijingDateTime } from '@/lib/time/beijing';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('beijingToInstant', () => {
  it('subtracts 8 h from the Beijing wall time', () => {
    expect(iso(beijingToInstant(2026, 11, 20, 14, 3))).toBe('2026-11-20T06:03:00.000Z');
    expect(iso(beijingToInstant(2026, 11, 25, 0, 30))).toBe('2026-11-24T16:30:00.000Z');
    expect(iso(beijingToInstant(2027, 1, 1))).toBe('2026-12-31T16:00:00.000Z');
    expect(iso(beijingToInstant(2028, 2, 29, 23, 59, 59))).toBe('2028-02-29T15:59:59.000Z');
  });

  it.each([
    [2026, 2, 30, 0, 0, 0],
    [2026, 2, 29, 0, 0, 0],
    [2026, 4, 31, 0, 0, 0],
    [2026, 13, 1, 0, 0, 0],
    [2026, 0, 1, 0, 0, 0],
    [2026, 1, 0, 0, 0, 0],
    [2026, 1, 32, 0, 0, 0],
    [2026, 11, 25, 24, 0, 0],
    [2026, 11, 25, 25, 61, 0],
    [2026, 11, 25, 12, 60, 0],
    [2026, 11, 25, 12, 0, 60],
    [2026, 11, 25, -1, 0, 0],
  ])('rejects %i-%i-%i %i:%i:%i', (y, mo, d, h, mi, s) => {
    expect(beijingToInstant(y, mo, d, h, mi, s)).toBeNull();
  });
});

describe('parseBeijingDateTime', () => {
  it.each([
    ['2026-11-25 12:00', '2026-11-25T04:00:00.000Z'],
    ['2026/11/25 12:00:30', '2026-11-25T04:00:30.000Z'],
    ['2026年11月25日 00:30', '2026-11-24T16:30:00.000Z'],
    ['于2026-11-20 14:03:00创建了退款申请', '2026-11-20T06:03:00.000Z'],
    ['2026-11-25', '2026-11-24T16:00:00.000Z'],
  ])('%j → %s', (text, expected) => {
    expect(iso(parseBeijingDateTime(text))).toBe(expected);
  });

  it('returns null for garbage or no date', () => {
    expect(parseBeijingDateTime('2026-02-30 12:00')).toBeNull();
    expect(parseBeijingDateTime('2026-11-25 25:61')).toBeNull();
    expect(parseBeijingDateTime('还剩1天')).toBeNull();
  });
});

describe('beijingDate across the UTC midnight', () => {
  it.each([
    ['2026-11-20T15:59:59.999Z', '2026-11-20'],
    ['2026-11-20T16:00:00.000Z', '2026-11-21'],
    ['2026-11-20T23:30:00.000Z', '2026-11-21'],
    ['2026-11-21T00:00:00.000Z', '2026-11-21'],
    ['2026-12-31T16:00:00.000Z', '2027-01-01'],
  ])('%s → %s', (instant, date) => {
    expect(beijingDate(Date.parse(instant))).toBe(date);
  });
});

describe('formatBeijing and addDays', () => {
  it('formats in Beijing time', () => {
    expect(formatBeijing(Date.parse('2026-11-24T16:30:05.000Z'))).toBe('2026-11-25 00:30');
    expect(formatBeijing(Date.parse('2026-11-24T16:30:05.000Z'), true)).toBe('2026-11-25 00:30:05');
  });
  it('shifts dates across month and year ends', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-11-21', -27)).toBe('2026-10-25');
  });
});

describe('independence from the machine time zone', () => {
  it('the test process runs in one of the two configured zones', () => {
    expect(['America/New_York', 'Asia/Shanghai']).toContain(process.env.TZ);
  });

  it('gives the same results whatever process.env.TZ is', () => {
    const before = process.env.TZ;
    try {
      const run = () => [
        beijingToInstant(2026, 3, 8, 2, 30), // a US DST gap hour: must not shift
        parseBeijingDateTime('2026-11-01 01:30'), // a US DST overlap hour
        beijingDate(Date.parse('2026-11-20T16:00:00.000Z')),
        formatBeijing(Date.parse('2026-11-20T16:00:00.000Z')),
      ];
      const expected = [Date.parse('2026-03-07T18:30:00.000Z'), Date.parse('2026-10-31T17:30:00.000Z'), '2026-11-21', '2026-11-21 00:00'];
      for (const tz of ['America/New_York', 'UTC', 'Asia/Shanghai', 'Australia/Lord_Howe', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        expect(run()).toEqual(expected);
      }
    } finally {
      process.env.TZ = before;
    }
  });
});

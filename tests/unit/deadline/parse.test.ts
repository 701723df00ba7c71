import { describe, expect, it } from 'vitest';
import { parseDeadlineText } from '@/lib/deadline/parse';

// §4.3: reading time 2026-11-21T02:00:00.000Z = 10:00 Beijing.
const READ_AT = Date.parse('2026-11-21T02:00:00.000Z');

function iso(text: string, readAt = READ_AT): string | 'overdue' | null {
  const d = parseDeadlineText(text, readAt);
  if (!d) return null;
  return d.kind === 'at' ? new Date(d.at).toISOString() : 'overdue';
}

describe('parseDeadlineText: every row of §4.3', () => {
  it.each([
    ['还剩1天2时3分', '2026-11-22T04:03:00.000Z'],
    ['还剩 3天', '2026-11-24T02:00:00.000Z'],
    ['还剩 5时 0分', '2026-11-21T07:00:00.000Z'],
    ['还剩\u00A012分', '2026-11-21T02:12:00.000Z'],
    ['还剩１天０２时０３分', '2026-11-22T04:03:00.000Z'],
    ['还剩\n1天 2时 3分', '2026-11-22T04:03:00.000Z'],
    ['剩余2天3小时10分钟', '2026-11-23T05:10:00.000Z'],
    ['剩余时间：2天3小时', '2026-11-23T05:00:00.000Z'],
    ['剩余 23:59:59', '2026-11-22T01:59:59.000Z'],
    ['超时时间：2026-11-25 12:00', '2026-11-25T04:00:00.000Z'],
    ['超时时间 2026-11-25 12:00', '2026-11-25T04:00:00.000Z'],
    ['超时时间:2026-11-25 00:30:00', '2026-11-24T16:30:00.000Z'],
    ['超时1时5分', '2026-11-21T00:55:00.000Z'],
    ['已超时', 'overdue'],
    ['７天无理由退货', null],
    ['超时时间：-', null],
  ] as const)('%j → %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });
});

describe('parseDeadlineText: countdown edge cases', () => {
  it.each([
    ['clock hours above 23', '剩余 49:05:07', '2026-11-23T03:05:07.000Z'],
    ['clock with one-digit hour', '还剩 1:02:03', '2026-11-21T03:02:03.000Z'],
    ['clock after the 时间 label', '剩余时间：00:10:00', '2026-11-21T02:10:00.000Z'],
    ['小时 and 分钟 spellings', '还剩3小时15分钟', '2026-11-21T05:15:00.000Z'],
    ['秒 and 秒钟', '还剩1分30秒钟', '2026-11-21T02:01:30.000Z'],
    ['leading zeros', '还剩 01天 002时', '2026-11-22T04:00:00.000Z'],
    ['missing middle parts', '还剩2天5分', '2026-11-23T02:05:00.000Z'],
    ['spaces between number and unit', '还剩 1 天 2 时', '2026-11-22T04:00:00.000Z'],
    ['zero-width characters', '还\u200B剩1\uFEFF天2时', '2026-11-22T04:00:00.000Z'],
    ['ideographic space', '还剩\u30005时', '2026-11-21T07:00:00.000Z'],
    ['text around the countdown', '请尽快处理，还剩1天，超时将自动退款', '2026-11-22T02:00:00.000Z'],
    ['full-width colon label', '剩余时间：１天', '2026-11-22T02:00:00.000Z'],
  ] as const)('%s: %j', (_name, text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it('stops at the first token that is not a part', () => {
    // "2时间" is not an hour; "3天" after it is not read because scanning stopped.
    expect(iso('还剩1天 退款 3时')).toBe('2026-11-22T02:00:00.000Z');
    expect(iso('还剩1天2时间')).toBe('2026-11-22T02:00:00.000Z');
  });

  it('stops when units are not in descending order', () => {
    expect(iso('还剩5分2时')).toBe('2026-11-21T02:05:00.000Z');
  });

  it('keeps scanning when the first trigger has no parts', () => {
    expect(iso('剩余退款金额 ￥20.00 还剩2时')).toBe('2026-11-21T04:00:00.000Z');
    expect(iso('剩余时间：- 还剩 30分')).toBe('2026-11-21T02:30:00.000Z');
  });

  it('rejects a clock with minutes or seconds above 59', () => {
    expect(iso('剩余 10:61:00')).toBeNull();
    expect(iso('剩余 10:00:75')).toBeNull();
  });

  it('reads nothing without a trigger word', () => {
    expect(iso('7天无理由退货')).toBeNull();
    expect(iso('1天2时3分')).toBeNull();
    expect(iso('23:59:59')).toBeNull();
    expect(iso('还剩')).toBeNull();
    expect(iso('')).toBeNull();
  });
});

describe('parseDeadlineText: absolute 超时时间', () => {
  it.each([
    ['with seconds', '超时时间：2026-11-25 12:00:30', '2026-11-25T04:00:30.000Z'],
    ['slash separator', '超时时间：2026/11/25 12:00', '2026-11-25T04:00:00.000Z'],
    ['one-digit month, day, hour', '超时时间 2026-1-5 8:05', '2026-01-05T00:05:00.000Z'],
    ['UTC previous day, year boundary', '超时时间：2027-01-01 07:59:59', '2026-12-31T23:59:59.000Z'],
    ['full-width digits and colon', '超时时间：２０２６－１１－２５ １２：００', '2026-11-25T04:00:00.000Z'],
    ['no space between date and time', '超时时间:2026-11-25 12:00', '2026-11-25T04:00:00.000Z'],
    ['leap day', '超时时间 2028-02-29 12:00', '2028-02-29T04:00:00.000Z'],
  ] as const)('%s: %j', (_name, text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it.each([
    ['impossible date', '超时时间：2026-02-30 12:00'],
    ['impossible time', '超时时间：2026-11-25 25:61'],
    ['minute 60', '超时时间：2026-11-25 12:60'],
    ['date only', '超时时间：2026-11-25'],
    ['empty label', '超时时间：'],
    ['dash label with spaces', '超时时间： - '],
    ['not a leap year', '超时时间 2027-02-29 12:00'],
  ] as const)('%s → null: %j', (_name, text) => {
    expect(iso(text)).toBeNull();
  });

  it('does not read a bare date-time without the 超时时间 label', () => {
    expect(iso('2026-11-25 12:00')).toBeNull();
    expect(iso('申请时间：2026-11-20 14:03')).toBeNull();
  });

  it('is read as Beijing time whatever process.env.TZ is', () => {
    const before = process.env.TZ;
    try {
      const results = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati'].map((tz) => {
        process.env.TZ = tz;
        return [iso('超时时间:2026-11-25 00:30:00'), iso('超时时间 2026-03-08 02:30')];
      });
      for (const r of results) expect(r).toEqual(['2026-11-24T16:30:00.000Z', '2026-03-07T18:30:00.000Z']);
    } finally {
      process.env.TZ = before;
    }
  });
});

describe('parseDeadlineText: overdue', () => {
  it('reads 已超时 with an amount as a past instant', () => {
    expect(iso('已超时 2时03分')).toBe('2026-11-20T23:57:00.000Z');
    expect(iso('已超时1天')).toBe('2026-11-20T02:00:00.000Z');
    expect(iso('超时 5分')).toBe('2026-11-21T01:55:00.000Z');
  });

  it('reads bare 已超时 in a sentence as overdue without amount', () => {
    expect(parseDeadlineText('已超时，请尽快处理', READ_AT)).toEqual({ kind: 'overdue' });
  });

  it('does not treat 超时 without amount or 已 as a deadline', () => {
    expect(iso('超时将自动退款')).toBeNull();
    expect(iso('超时未处理')).toBeNull();
  });

  it('prefers an instant found later in the text over a bare 已超时', () => {
    expect(iso('已超时 超时时间：2026-11-20 09:00')).toBe('2026-11-20T01:00:00.000Z');
  });

  it('checks 超时时间 before 超时 + parts', () => {
    // Without the longest-first rule, "超时" would be read and then fail on "时间".
    expect(iso('超时时间2026-11-25 12:00')).toBe('2026-11-25T04:00:00.000Z');
  });
});

describe('parseDeadlineText: result shape', () => {
  it('returns an integer instant relative to readAt', () => {
    const readAt = Date.parse('2030-01-01T00:00:00.000Z');
    expect(parseDeadlineText('还剩1时', readAt)).toEqual({ kind: 'at', at: readAt + 3_600_000 });
  });
  it('returns null for an instant outside the model range', () => {
    expect(iso('超时时间 1999-12-31 12:00')).toBeNull();
  });
});

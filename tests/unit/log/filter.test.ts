import { describe, expect, it } from 'vitest';
import { dateRange, filterFromHash, filterToHash, isEmptyFilter, normaliseSearch, parseFilter, type LogFilter } from '@/lib/log/filter';

describe('log filter ↔ URL hash', () => {
  it('round-trips every field in a stable order, leaving out the default sort', () => {
    const f: LogFilter = {
      q: '2026',
      date: 'completed',
      from: '2026-11-01',
      to: '2026-11-20',
      status: 'success',
      state: 'done',
      actor: 'none',
      type: 'return_refund',
      phase: 'aftersale',
      sort: 'deadline',
    };
    const hash = filterToHash(f);
    expect(hash).toBe('#q=2026&date=completed&from=2026-11-01&to=2026-11-20&status=success&state=done&actor=none&type=return_refund&phase=aftersale&sort=deadline');
    expect(filterFromHash(hash)).toEqual(f);
    expect(filterToHash({ sort: 'recent' })).toBe('');
    expect(isEmptyFilter({ sort: 'recent' })).toBe(true);
    expect(filterFromHash('')).toEqual({});
  });

  it('reads a whole URL, drops invalid fields and keeps the valid ones', () => {
    const f = filterFromHash('chrome-extension://abc/log.html#status=nope&state=urgent&from=2026-02-30&to=2026-11-05&actor=seller&sort=bogus&x=1');
    expect(f).toEqual({ state: 'urgent', to: '2026-11-05', actor: 'seller' });
  });

  it('search keeps digits only (full-width digits folded), empty search is no search', () => {
    expect(normaliseSearch(' １２3 4-5 ')).toBe('12345');
    expect(parseFilter({ q: '  ' })).toEqual({});
    expect(parseFilter({ q: '订单 2026-11' })).toEqual({ q: '202611' });
    expect(filterFromHash('#q=%EF%BC%91%EF%BC%92')).toEqual({ q: '12' });
  });

  it('date range: Beijing calendar days, both included, end exclusive at the next Beijing midnight', () => {
    const r = dateRange({ from: '2026-11-01', to: '2026-11-20' })!;
    expect(r.field).toBe('appliedAt');
    expect(new Date(r.start!).toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(new Date(r.end!).toISOString()).toBe('2026-11-20T16:00:00.000Z');
    expect(dateRange({ date: 'completed', to: '2026-12-31' })).toEqual({ field: 'completedAt', end: Date.parse('2026-12-31T16:00:00.000Z') });
    expect(dateRange({ date: 'completed' })).toBeNull();
  });
});

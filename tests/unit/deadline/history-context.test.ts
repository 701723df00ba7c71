// What the history adds to a badge counts only for the status it knows (domain.md §3), and the earlier first sighting wins.
import { describe, expect, it } from 'vitest';
import { describeRefund } from '@/lib/deadline/describe';
import { historyContext, type HistoryKnowledge } from '@/lib/deadline/history-context';
import type { RefundRow } from '@/lib/model/refund-row';

const T = Date.UTC(2026, 10, 21, 2, 0);
const HOUR = 3_600_000;
const row: RefundRow = { refundId: '200000000000000001', statusText: '待买家发货', status: 'wait_buyer_return', type: 'return_refund', readAt: T };
const known: HistoryKnowledge = { status: 'wait_buyer_return', firstSeenInStatus: T - 5 * HOUR, statusSince: T - 30 * HOUR, statusSincePrecision: 'page', returnSignedAt: T - HOUR };

describe('historyContext', () => {
  it('takes the history start and first sighting of the same status', () => {
    expect(historyContext(known, row, T)).toEqual({ firstSeenInStatus: T - 5 * HOUR, storedStart: { at: T - 30 * HOUR, precision: 'page' }, returnSignedAt: T - HOUR });
  });
  it("keeps the tab's own first sighting when it is earlier", () => {
    expect(historyContext(known, row, T - 9 * HOUR).firstSeenInStatus).toBe(T - 9 * HOUR);
  });
  it('ignores the start and first sighting of another status (the page is newer than the history)', () => {
    const ctx = historyContext({ ...known, status: 'wait_seller_agree' }, row, T);
    expect(ctx.firstSeenInStatus).toBe(T);
    expect(ctx.storedStart).toBeUndefined();
  });
  it('without history, only the tab', () => {
    expect(historyContext(undefined, row, T)).toEqual({ firstSeenInStatus: T });
    expect(historyContext(undefined, row, undefined)).toEqual({});
  });
  it('a printed start from the history moves the rule deadline (R4, 7 days from it)', () => {
    const alone = describeRefund(row, T, historyContext(undefined, row, T));
    const withHistory = describeRefund(row, T, historyContext(known, row, T));
    expect(alone.deadline).toBe(T + 7 * 24 * HOUR);
    expect(alone.countedFromFirstSeen).toBe(true);
    expect(withHistory.deadline).toBe(T - 30 * HOUR + 7 * 24 * HOUR);
    expect(withHistory.countedFromFirstSeen).toBe(false);
  });
});

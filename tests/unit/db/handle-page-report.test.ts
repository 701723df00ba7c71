import { describe, expect, it } from 'vitest';
import { FactsCache } from '@/lib/db/facts-cache';
import { handlePageReport } from '@/lib/db/handle-page-report';
import { setPaidOrders } from '@/lib/db/queries';
import { refundImpact } from '@/lib/impact';
import { refundFacts } from '@/lib/db/queries';
import type { PageReport } from '@/lib/protocol/page-report';
import { PageReportReplySchema } from '@/lib/protocol/page-report-reply';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { addDays, beijingDate } from '@/lib/time/beijing';
import { HOUR, T0, logRequests, newDb, row } from './helpers';

function report(rows: PageReport['rows']): PageReport {
  return { type: 'page-report', url: 'https://myseller.taobao.com/home.htm/trade-platform/refund-list', pageKind: 'qianniu-list', rows, problems: [], problemCount: 0, states: {} };
}

const open = row({ refundId: '200000000000000001', type: 'refund_only', goodsState: 'shipped', appliedAt: T0 - 36 * HOUR, readAt: T0 });
const done = row({ refundId: '200000000000000002', type: 'refund_only', status: 'success', statusText: '退款成功', appliedAt: T0 - 72 * HOUR, readAt: T0 });

describe('handlePageReport', () => {
  it('stores the rows once however often the page is reported, and answers in the message schema', async () => {
    const db = newDb();
    for (let i = 0; i < 5; i++) {
      const reply = await handlePageReport(db, report([open, done]), DEFAULT_SETTINGS, T0 + i * 1000);
      expect(PageReportReplySchema.safeParse(reply).success).toBe(true);
    }
    expect(await db.refunds.count()).toBe(2);
    expect(await db.events.where('refundId').equals(open.refundId).count()).toBe(1);
  });

  it('answers the first time each refund was seen in its status and its impact, for open refunds only', async () => {
    const db = newDb();
    const days: Record<string, number> = {};
    for (let d = 0; d < 28; d++) days[addDays(beijingDate(T0), -d)] = 100;
    await setPaidOrders(db, days);
    await handlePageReport(db, report([open, done]), DEFAULT_SETTINGS, T0);
    const reply = await handlePageReport(db, report([{ ...open, readAt: T0 + HOUR }, done]), DEFAULT_SETTINGS, T0 + HOUR);
    const k = reply.known[open.refundId]!;
    expect(k.status).toBe('wait_seller_agree');
    expect(k.firstSeenInStatus).toBe(T0);
    expect(reply.known[done.refundId]!.impact).toBeUndefined();
    // Same numbers as the reference refundImpact (§6.10) on the stored history.
    const history = await refundFacts(db);
    const ref = refundImpact(history.find((f) => f.refundId === open.refundId)!, history, days, T0 + HOUR);
    expect(k.impact!.disputeRate).toEqual([0, ref.ifIntervened.disputeRate]);
    expect(k.impact!.disputeRate[1]).toBeCloseTo(1 / 2800, 12);
    expect(k.impact!.completionDays).toEqual([3, ref.ifCompletedNow.completionDays, ref.ifCompletedAtDeadline.completionDays]);
  });

  it('answers from the refunds as the upsert stored them, without reading them again', async () => {
    const db = newDb();
    const log = logRequests(db);
    const cache = new FactsCache(db);
    await handlePageReport(db, report([open, done]), DEFAULT_SETTINGS, T0, cache);
    log.reads.length = 0;
    const reply = await handlePageReport(db, report([{ ...open, readAt: T0 + HOUR }, done]), DEFAULT_SETTINGS, T0 + HOUR, cache);
    expect(reply.known[open.refundId]).toMatchObject({ status: 'wait_seller_agree', firstSeenInStatus: T0 });
    expect(log.reads.filter((r) => r.table === 'refunds')).toEqual([{ table: 'refunds', type: 'query' }]); // the upsert's own read
    expect((await cache.get(T0 + HOUR)).facts).toEqual(await refundFacts(db, addDays(beijingDate(T0 + HOUR), -31)));
  });

  it('passes the user rules and thresholds on to the badges', async () => {
    const db = newDb();
    const settings = { ...DEFAULT_SETTINGS, thresholds: { seller: { urgentHours: 2, soonHours: 10 }, buyer: { urgentHours: 3, soonHours: 30 } } };
    const reply = await handlePageReport(db, report([open]), settings, T0);
    expect(reply.context.thresholds).toEqual(settings.thresholds);
    expect(reply.context.rules).toEqual(DEFAULT_SETTINGS.rules);
  });
});

describe('handlePageReport when storage fails', () => {
  it('still answers the badges their settings, and says why nothing was stored (e.g. quota)', async () => {
    const db = newDb();
    await db.open();
    db.close(); // every read and write now fails, as with a full disk or a blocked database
    const reply = await handlePageReport(db, report([open]), DEFAULT_SETTINGS, T0);
    expect(PageReportReplySchema.safeParse(reply).success).toBe(true);
    expect(reply.known).toEqual({});
    expect(reply.storageError).toMatch(/DatabaseClosed/);
    expect(reply.context.thresholds).toEqual(DEFAULT_SETTINGS.thresholds);
  });
});

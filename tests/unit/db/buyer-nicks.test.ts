// Buyer nicknames (issue 6 §5): stored only while the agent allows it; turning it off forgets them; an import
// brings them in only where they are allowed.
import { describe, expect, it } from 'vitest';
import { forgetBuyerNicks, withoutBuyerNick } from '@/lib/db/buyer-nicks';
import { importJson } from '@/lib/db/import';
import { putSetting } from '@/lib/db/queries';
import type { RefundRadarDb } from '@/lib/db/schema';
import { exportJson } from '../export/fixtures';
import { updateSettings } from '@/lib/options/store';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { makeRefund } from '../export/fixtures';
import { handlePageReport } from '@/lib/db/handle-page-report';
import { databasesPerTest, HOUR, row, T0 } from './helpers';
import { SETTINGS_KEY } from '@/lib/storage/keys';

const open = databasesPerTest();

const nicks = async (db: RefundRadarDb) => (await db.refunds.orderBy('refundId').toArray()).map((r) => r.buyerNick ?? null);

describe('buyer nicknames', () => {
  it('withoutBuyerNick drops only the nickname', () => {
    const r = makeRefund(1, { buyerNick: '小***猫' });
    const { buyerNick: _n, ...rest } = r;
    expect(withoutBuyerNick(r)).toEqual(rest);
    const none = makeRefund(2);
    expect(withoutBuyerNick(none)).toBe(none);
  });

  it('turning 保存买家昵称 off forgets every stored nickname; other settings changes keep them', async () => {
    const db = open();
    await putSetting(db, SETTINGS_KEY, { ...DEFAULT_SETTINGS, storeBuyerNick: true });
    await db.refunds.bulkPut([makeRefund(1, { buyerNick: 'tb****2023' }), makeRefund(2), makeRefund(3, { buyerNick: '阿***强' })]);
    await updateSettings(db, (s) => ({ ...s, windowDays: 30 }));
    expect(await nicks(db)).toEqual(['tb****2023', null, '阿***强']);
    await updateSettings(db, (s) => ({ ...s, storeBuyerNick: false }));
    expect(await nicks(db)).toEqual([null, null, null]);
    expect((await db.refunds.get(makeRefund(1).refundId))?.orderId).toBe(makeRefund(1).orderId);
    expect(await forgetBuyerNicks(db)).toBe(0);
  });

  it('a page report stores the nickname only while 保存买家昵称 is on, and keeps it when a later page omits it', async () => {
    const db = open();
    const id = '200000000000000777';
    const seen = (readAt: number, buyerNick?: string) => ({
      type: 'page-report' as const, url: 'https://qn.taobao.com/home.htm/trade-platform/refund-list/detail', pageKind: 'qianniu-detail' as const,
      rows: [row({ refundId: id, readAt, ...(buyerNick ? { buyerNick } : {}) })], problems: [], problemCount: 0, states: {},
    });
    await handlePageReport(db, seen(T0, '甜***橙'), DEFAULT_SETTINGS, T0);
    expect((await db.refunds.get(id))?.buyerNick).toBeUndefined();
    const on = { ...DEFAULT_SETTINGS, storeBuyerNick: true };
    await handlePageReport(db, seen(T0 + HOUR, '甜***橙'), on, T0 + HOUR);
    expect((await db.refunds.get(id))?.buyerNick).toBe('甜***橙');
    await handlePageReport(db, seen(T0 + 2 * HOUR), on, T0 + 2 * HOUR);
    expect((await db.refunds.get(id))?.buyerNick).toBe('甜***橙');
  });

  it('an import keeps the file’s nicknames only where nicknames are allowed', async () => {
    const source = open();
    await putSetting(source, SETTINGS_KEY, { ...DEFAULT_SETTINGS, storeBuyerNick: true });
    await source.refunds.bulkPut([makeRefund(1, { buyerNick: '夏天***风' }), makeRefund(2)]);
    const file = await exportJson(source);

    const allowed = open();
    await putSetting(allowed, SETTINGS_KEY, { ...DEFAULT_SETTINGS, storeBuyerNick: true });
    expect((await importJson(allowed, file)).ok).toBe(true);
    expect(await nicks(allowed)).toEqual(['夏天***风', null]);

    const notAllowed = open();
    await putSetting(notAllowed, SETTINGS_KEY, { ...DEFAULT_SETTINGS });
    expect((await importJson(notAllowed, file)).ok).toBe(true);
    expect(await nicks(notAllowed)).toEqual([null, null]);
    expect(await notAllowed.refunds.count()).toBe(2);
  });
});

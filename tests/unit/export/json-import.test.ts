import { describe, expect, it, vi } from 'vitest';
import { importJson, mergeImportedRefund, type ImportReport } from '@/lib/db/import';
import { getSetting, putSetting, setPaidOrders } from '@/lib/db/queries';
import type { RefundRadarDb } from '@/lib/db/schema';
import { upsertObservedRows } from '@/lib/db/upsert';
import { jsonFileName, NOT_AN_EXPORT, parseEnvelope } from '@/lib/export/json';
import { loadSettings, updateSettings } from '@/lib/options/store';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '@/lib/settings/settings';
import { readSettings, toStoredSettings } from '@/lib/settings/stored';
import { SETTINGS_VERSION } from '@/lib/settings/versions';
import { HOUR, T0, databasesPerTest, row } from '../db/helpers';
import { exportJson, makeRefund } from './fixtures';
import { SETTINGS_KEY } from '@/lib/storage/keys';
import { storedFixture } from '../settings/fixtures/load';

const open = databasesPerTest();

const ID = (i: number) => String(300000000000000000n + BigInt(i));
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, windowDays: 30, platform: 'taobao', official: { date: '2026-11-19', disputeRate: 0.0002 } };

/** A history written the way the background writes it: several readings over time, so refunds have several events. */
async function fillHistory(db: RefundRadarDb): Promise<void> {
  const ids = Array.from({ length: 30 }, (_, i) => ID(i));
  await upsertObservedRows(db, ids.map((refundId, i) => row({ refundId, orderId: ID(1000 + i), type: i % 2 ? 'refund_only' : 'return_refund', amountFen: 990 + i, appliedAt: T0 - HOUR, statusText: '待商家处理, "新"', readAt: T0 })), T0);
  await upsertObservedRows(db, ids.slice(0, 20).map((refundId, i) => row({ refundId, status: i % 2 ? 'intervening' : 'wait_buyer_return', statusText: i % 2 ? '客服介入中' : '待买家退货', pageDeadline: { kind: 'at', at: T0 + 50 * HOUR }, readAt: T0 + HOUR })), T0 + HOUR);
  await upsertObservedRows(db, ids.slice(0, 10).map((refundId) => row({ refundId, status: 'success', statusText: '退款成功', statusSince: T0 + 2 * HOUR, readAt: T0 + 3 * HOUR })), T0 + 3 * HOUR);
  await setPaidOrders(db, { '2026-11-18': 120, '2026-11-19': 95, '2026-11-20': 0 });
  await putSetting(db, SETTINGS_KEY, toStoredSettings(SETTINGS));
}

async function tables(db: RefundRadarDb) {
  const events = (await db.events.toArray()).map(({ id: _id, ...e }) => e);
  events.sort((a, b) => a.refundId.localeCompare(b.refundId) || a.at - b.at || a.status.localeCompare(b.status));
  return {
    refunds: await db.refunds.orderBy('refundId').toArray(),
    events,
    paidOrders: await db.paidOrders.orderBy('date').toArray(),
    settings: await db.settings.toArray(),
  };
}

function ok(report: ImportReport) {
  if (!report.ok) throw new Error(`import failed: ${report.error}`);
  return report;
}

describe('JSON export', () => {
  it('writes the envelope with a format and version, events without ids', async () => {
    const db = open();
    await fillHistory(db);
    const text = await exportJson(db, T0);
    const file = JSON.parse(text);
    expect(file.format).toBe('refund-radar-log');
    expect(file.version).toBe(1);
    expect(file.exportedAt).toBe(T0);
    expect(file.refunds).toHaveLength(30);
    expect(file.events.length).toBeGreaterThan(30);
    expect(file.events.every((e: object) => !('id' in e))).toBe(true);
    expect(file.paidOrders).toEqual([{ date: '2026-11-18', count: 120 }, { date: '2026-11-19', count: 95 }, { date: '2026-11-20', count: 0 }]);
    expect(file.settings).toEqual({ version: SETTINGS_VERSION, ...SETTINGS });
  });

  it('an empty database exports valid JSON with empty tables and null settings', async () => {
    const file = JSON.parse(await exportJson(open(), T0));
    expect(file).toEqual({ format: 'refund-radar-log', version: 1, exportedAt: T0, refunds: [], events: [], paidOrders: [], settings: null });
  });

  it('names the file with the Beijing date', () => {
    expect(jsonFileName(Date.UTC(2026, 10, 24, 16, 0), 'en')).toBe('refund-radar-backup-2026-11-25.json');
    expect(jsonFileName(Date.UTC(2026, 10, 24, 15, 59), 'zh')).toBe('退款雷达备份-2026-11-24.json');
  });
});

describe('export → wipe → import', () => {
  it('gives back identical tables (auto-increment ids aside)', async () => {
    const db = open();
    await fillHistory(db);
    const before = await tables(db);
    const text = await exportJson(db, T0);
    const fresh = open(); // a wiped database
    const report = ok(await importJson(fresh, text));
    expect(report).toEqual({
      ok: true,
      added: 30,
      updated: 0,
      unchanged: 0,
      rejected: [],
      events: { added: before.events.length, duplicate: 0, rejected: 0 },
      paidOrders: { added: 3, updated: 0, unchanged: 0, conflicts: [] },
      settings: 'imported',
    });
    expect(await tables(fresh)).toEqual(before);
    // And exporting the restored database gives the same file.
    expect(await exportJson(fresh, T0)).toBe(text);
  });

  it('importing the same file twice: second time all unchanged, no duplicate events', async () => {
    const db = open();
    await fillHistory(db);
    const text = await exportJson(db, T0);
    const target = open();
    ok(await importJson(target, text));
    const once = await tables(target);
    const second = ok(await importJson(target, text));
    expect(second.added).toBe(0);
    expect(second.updated).toBe(0);
    expect(second.unchanged).toBe(30);
    expect(second.events.added).toBe(0);
    expect(second.events.duplicate).toBe(once.events.length);
    expect(second.paidOrders).toEqual({ added: 0, updated: 0, unchanged: 3, conflicts: [] });
    expect(second.settings).toBe('kept');
    expect(await tables(target)).toEqual(once);
    // Into the database it came from: nothing changes either.
    expect(ok(await importJson(db, text)).unchanged).toBe(30);
  });
});

describe('merge keeps the richer history', () => {
  it('an older status does not move a refund back; the earlier intervenedAt and missing facts are taken', async () => {
    const db = open();
    const id = ID(1);
    // Stored: seen later, completed, never seen intervening, no amount.
    const stored = makeRefund(1, { refundId: id, status: 'success', statusText: '退款成功', actor: 'none', amountFen: undefined, intervenedAt: undefined, completedAt: T0 + 5 * HOUR, completedAtPrecision: 'first_seen', deadlineAt: undefined, firstSeenAt: T0 + HOUR, lastSeenAt: T0 + 6 * HOUR, statusSince: T0 + 5 * HOUR, statusFirstSeenAt: T0 + 5 * HOUR });
    await db.refunds.put(stored);
    await db.events.add({ refundId: id, status: 'success', at: T0 + 5 * HOUR, precision: 'first_seen', statusText: '退款成功' });
    // File (an older backup): intervening, seen earlier, with an amount and an intervention time.
    const older = makeRefund(1, { refundId: id, status: 'intervening', statusText: '客服介入中', actor: 'platform', amountFen: 4200, intervenedAt: T0 - 2 * HOUR, completedAt: undefined, completedAtPrecision: undefined, firstSeenAt: T0 - 3 * HOUR, lastSeenAt: T0 + 2 * HOUR, statusSince: T0 - 2 * HOUR, statusFirstSeenAt: T0 - 2 * HOUR, deadlineAt: undefined });
    const file = envelope([older], [
      { refundId: id, status: 'wait_seller_agree', at: T0 - 3 * HOUR, precision: 'page', statusText: '待商家处理' },
      { refundId: id, status: 'intervening', at: T0 - 2 * HOUR, precision: 'first_seen', statusText: '客服介入中' },
      { refundId: id, status: 'success', at: T0 + 5 * HOUR, precision: 'first_seen', statusText: '退款成功' },
    ]);
    const report = ok(await importJson(db, file));
    expect(report).toMatchObject({ added: 0, updated: 1, unchanged: 0, events: { added: 2, duplicate: 1, rejected: 0 } });
    const merged = (await db.refunds.get(id))!;
    expect(merged.status).toBe('success');
    expect(merged.statusText).toBe('退款成功');
    expect(merged.completedAt).toBe(T0 + 5 * HOUR);
    expect(merged.intervenedAt).toBe(T0 - 2 * HOUR);
    expect(merged.amountFen).toBe(4200);
    expect(merged.firstSeenAt).toBe(T0 - 3 * HOUR);
    expect(merged.lastSeenAt).toBe(T0 + 6 * HOUR);
    expect((await db.events.where('refundId').equals(id).sortBy('at')).map((e) => e.status)).toEqual(['wait_seller_agree', 'intervening', 'success']);
  });

  it('a newer open status replaces an older open one as a whole snapshot; fields are never erased', () => {
    const old = makeRefund(3, { status: 'wait_seller_agree', actor: 'seller', statusText: '待商家处理', lastSeenAt: T0, orderId: '123456789' });
    const newer = makeRefund(3, { status: 'wait_buyer_return', actor: 'buyer', statusText: '待买家退货', lastSeenAt: T0 + HOUR, orderId: undefined, statusSince: T0 + HOUR, deadlineAt: T0 + 100 * HOUR });
    for (const merged of [mergeImportedRefund(old, newer), mergeImportedRefund(newer, old)]) {
      expect(merged.status).toBe('wait_buyer_return');
      expect(merged.actor).toBe('buyer');
      expect(merged.statusSince).toBe(T0 + HOUR);
      expect(merged.deadlineAt).toBe(T0 + 100 * HOUR);
      expect(merged.orderId).toBe('123456789');
      expect(merged.lastSeenAt).toBe(T0 + HOUR);
    }
  });

  it('a page-printed completion time wins over a first-seen one', () => {
    const seen = makeRefund(5, { completedAt: T0 + 9 * HOUR, completedAtPrecision: 'first_seen', lastSeenAt: T0 + 10 * HOUR });
    const printed = makeRefund(5, { completedAt: T0 + 8 * HOUR, completedAtPrecision: 'page', lastSeenAt: T0 + 9 * HOUR });
    expect(mergeImportedRefund(seen, printed)).toMatchObject({ completedAt: T0 + 8 * HOUR, completedAtPrecision: 'page', lastSeenAt: T0 + 10 * HOUR });
  });
});

function envelope(refunds: unknown[], events: unknown[] = [], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: 'refund-radar-log', version: 1, exportedAt: T0, refunds, events, paidOrders: [], settings: null, ...extra });
}

describe('refusals and rejections', () => {
  async function unchangedAfter(text: string): Promise<string> {
    const db = open();
    await fillHistory(db);
    const before = await tables(db);
    const report = await importJson(db, text);
    expect(report.ok).toBe(false);
    expect(await tables(db)).toEqual(before);
    return (report as { error: string }).error;
  }

  it('refuses corrupt JSON', async () => {
    expect(await unchangedAfter('{"format":"refund-radar-log","version":1,"refunds":[{')).toMatch(/不是有效的 JSON.*not valid JSON/);
  });
  it('refuses a foreign JSON file', async () => {
    expect(await unchangedAfter('{"hello":1}')).toBe(NOT_AN_EXPORT);
    expect(await unchangedAfter('[1,2]')).toBe(NOT_AN_EXPORT);
    expect(await unchangedAfter('null')).toBe(NOT_AN_EXPORT);
    expect(await unchangedAfter('')).toMatch(/not valid JSON/);
  });
  it('refuses a wrong version (newer: asks to update)', async () => {
    expect(await unchangedAfter(envelope([]).replace('"version":1', '"version":2'))).toMatch(/newer Refund Radar \(format version 2\)/);
    expect(await unchangedAfter(envelope([]).replace('"version":1', '"version":"1"'))).toMatch(/unsupported format version "1"/);
  });
  it('refuses an envelope without its tables', async () => {
    expect(await unchangedAfter(JSON.stringify({ format: 'refund-radar-log', version: 1, exportedAt: T0 }))).toMatch(/incomplete or corrupt: refunds/);
  });
  it('accepts a file with a BOM', async () => {
    expect((await importJson(open(), '\uFEFF' + envelope([makeRefund(1)]))).ok).toBe(true);
  });

  it('rejects one bad refund among good ones, with its reason; imports the others', async () => {
    const db = open();
    const good = [makeRefund(1), makeRefund(2)];
    const bad = [
      { ...makeRefund(3), status: 'refunded' },
      { ...makeRefund(4), refundId: '12ab5678' },
      { ...makeRefund(6), lastSeenAt: 1.5 },
      { ...makeRefund(8), firstSeenAt: 99_999_999_999_999 },
      'nonsense',
    ];
    const report = ok(await importJson(db, envelope([good[0], ...bad, good[1]], [
      { refundId: good[0]!.refundId, status: 'wait_buyer_return', at: T0, precision: 'first_seen', statusText: 'x' },
      { refundId: makeRefund(3).refundId, status: 'wait_buyer_return', at: T0, precision: 'first_seen', statusText: 'orphan' },
      { refundId: good[1]!.refundId, status: 'bogus', at: T0, precision: 'first_seen', statusText: 'bad' },
    ])));
    expect(report.added).toBe(2);
    expect(report.rejected).toHaveLength(5);
    expect(report.rejected[0]).toMatchObject({ refundId: makeRefund(3).refundId });
    expect(report.rejected[0]!.reason).toMatch(/#2 .*status/);
    expect(report.rejected[1]).toMatchObject({ refundId: '12ab5678' });
    expect(report.rejected[1]!.reason).toMatch(/refundId: .*digits/);
    expect(report.rejected[2]!.reason).toMatch(/lastSeenAt/);
    expect(report.rejected[3]!.reason).toMatch(/firstSeenAt: .*2100/);
    expect(report.rejected[4]).not.toHaveProperty('refundId');
    expect(report.events).toEqual({ added: 1, duplicate: 0, rejected: 2 });
    expect((await db.refunds.toArray()).map((r) => r.refundId)).toEqual([good[0]!.refundId, good[1]!.refundId]);
    expect(await db.events.count()).toBe(1);
  });

  it('paid orders: adds missing dates, keeps a conflicting local count by default (or replaces on request)', async () => {
    const file = envelope([], [], { paidOrders: [{ date: '2026-11-18', count: 7 }, { date: '2026-11-21', count: 50 }, { date: '2026-02-30', count: 1 }, { date: '2026-11-19', count: 95 }] });
    const db = open();
    await fillHistory(db);
    const kept = ok(await importJson(db, file));
    expect(kept.paidOrders).toEqual({ added: 1, updated: 0, unchanged: 1, conflicts: ['2026-11-18'] });
    expect(kept.rejected).toHaveLength(1);
    expect(kept.rejected[0]!.reason).toMatch(/2026-02-30.*not a real date/);
    expect((await db.paidOrders.get('2026-11-18'))?.count).toBe(120);
    expect((await db.paidOrders.get('2026-11-21'))?.count).toBe(50);
    const replaced = ok(await importJson(db, file, { paidOrders: 'replace' }));
    expect(replaced.paidOrders).toEqual({ added: 0, updated: 1, unchanged: 2, conflicts: [] });
    expect((await db.paidOrders.get('2026-11-18'))?.count).toBe(7);
  });

  it('settings: kept when some are stored; invalid ones are not imported and say why', async () => {
    const db = open();
    await putSetting(db, SETTINGS_KEY, DEFAULT_SETTINGS);
    expect(ok(await importJson(db, envelope([], [], { settings: SETTINGS }))).settings).toBe('kept');
    expect((await db.settings.get(SETTINGS_KEY))?.value).toEqual(DEFAULT_SETTINGS);
    const empty = open();
    const report = ok(await importJson(empty, envelope([], [], { settings: { windowDays: 'x' } })));
    expect(report.settings).toBe('kept');
    expect(report.rejected[0]!.reason).toMatch(/settings are invalid/);
    expect(await empty.settings.count()).toBe(0);
  });
});

describe('settings of every version', () => {
  /** What the user typed in 0.1.0 (the v1 fixture: non-default everywhere), as current settings. */
  const typed = (): Settings => SettingsSchema.parse(storedFixture(1));

  it('an export made by 0.1.0 (unversioned settings inside) imports its settings, stored with the current version', async () => {
    // 0.1.0 wrote the stored value as it was: the bare settings object, no version.
    const file = envelope([makeRefund(1, { buyerNick: '夏天***风' })], [], { settings: storedFixture(1) });
    const db = open();
    const report = ok(await importJson(db, file));
    expect(report.settings).toBe('imported');
    expect(report.rejected).toEqual([]);
    const stored = await getSetting(db, SETTINGS_KEY);
    expect(stored).toEqual({ version: SETTINGS_VERSION, ...typed() });
    expect(readSettings(stored)).toEqual(typed());
    // The file's own 保存买家昵称 (on) decided, as nothing was stored here.
    expect((await db.refunds.get(makeRefund(1).refundId))?.buyerNick).toBe('夏天***风');
  });

  it('an export made now carries the settings’ version and imports them whole', async () => {
    const source = open();
    await updateSettings(source, () => typed());
    const file = JSON.parse(await exportJson(source, T0));
    expect(file.settings).toEqual(storedFixture(SETTINGS_VERSION));
    const db = open();
    expect(ok(await importJson(db, JSON.stringify(file))).settings).toBe('imported');
    expect(await loadSettings(db)).toEqual(typed());
  });

  it('a newer version’s settings are stored as that version wrote them; this build reads what it knows', async () => {
    const { windowDays: _renamed, ...rest } = typed();
    const newer = { ...rest, version: SETTINGS_VERSION + 1, windowLength: { days: 30 } };
    const db = open();
    expect(ok(await importJson(db, envelope([], [], { settings: newer }))).settings).toBe('imported');
    expect(await getSetting(db, SETTINGS_KEY)).toEqual(newer);
    expect(await loadSettings(db)).toEqual({ ...typed(), windowDays: DEFAULT_SETTINGS.windowDays });
  });
});

describe('a failing write changes nothing', () => {
  it('rolls back every table when a write inside the transaction throws', async () => {
    const source = open();
    await fillHistory(source);
    const text = await exportJson(source, T0);
    const db = open();
    await db.refunds.put(makeRefund(1, { refundId: ID(0), status: 'wait_seller_agree', actor: 'seller', lastSeenAt: T0 - HOUR }));
    const before = await tables(db);
    const spy = vi.spyOn(db.paidOrders, 'bulkPut').mockImplementation((() => Promise.reject(new Error('QuotaExceededError: disk full'))) as never);
    const report = await importJson(db, text);
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
    expect(report.ok).toBe(false);
    expect((report as { error: string }).error).toMatch(/nothing was changed.*disk full/);
    expect(await tables(db)).toEqual(before);
  });

  it('reports a closed database as a failure without throwing', async () => {
    const source = open();
    await fillHistory(source);
    const text = await exportJson(source, T0);
    const db = open();
    await db.open();
    db.close({ disableAutoOpen: true });
    const report = await importJson(db, text);
    expect(report.ok).toBe(false);
  });
});

describe('parseEnvelope', () => {
  it('returns the records unvalidated for per-record checks', () => {
    const parsed = parseEnvelope(envelope([{ anything: true }]));
    expect(parsed.ok && parsed.file.refunds).toEqual([{ anything: true }]);
  });
});

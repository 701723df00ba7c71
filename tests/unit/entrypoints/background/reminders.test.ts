import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getSetting, putSetting } from '@/lib/db/queries';
import type { RefundRadarDb } from '@/lib/db/schema';
import { upsertObservedRows } from '@/lib/db/upsert';
import { DEFAULT_REMINDER_SETTINGS } from '@/lib/settings/reminder-settings';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { REMINDER_ALARM, startReminders, type ReminderService } from '@/entrypoints/background/reminders';
import { HOUR, T0, newDb, row } from '../../db/helpers';
import { REMINDER_STATE_KEY, SETTINGS_KEY } from '@/lib/storage/keys';
import { storedFixture } from '../../settings/fixtures/load';

const MIN = 60_000;
const id = (n: number) => String(800000000000000000n + BigInt(n));
const DETAIL = (refundId: string) => `https://myseller.taobao.com/home.htm/trade-platform/refund-list/detail?disputeId=${refundId}&type=1`;

let db: RefundRadarDb;
let service: ReminderService | undefined;
let now = T0;

beforeEach(() => {
  fakeBrowser.reset();
  db = newDb();
  now = T0;
});
afterEach(() => {
  service?.stop();
  service = undefined;
  db.close();
  vi.restoreAllMocks();
});

/** A demo refund read on the list page with its own countdown, `left` before the deadline. */
async function seed(n: number, left: number, extra: Parameters<typeof row>[0] = { refundId: id(n) }) {
  await upsertObservedRows(db, [row({ ...extra, refundId: id(n), type: 'refund_only', goodsState: 'shipped', appliedAt: T0 - 24 * HOUR, pageDeadline: { kind: 'at', at: T0 + left } })], T0);
}

function start(lang: 'zh' | 'en' = 'zh') {
  service = startReminders(db, { browser: fakeBrowser, now: () => now, lang: () => lang, runOnStart: false });
  return service;
}

describe('startReminders', () => {
  it('a reminder fires for a demo refund placed just inside the urgent window', async () => {
    await seed(1, 6 * HOUR - MIN);
    await seed(2, 30 * HOUR); // soon, not urgent
    await upsertObservedRows(db, [row({ refundId: id(3), status: 'wait_buyer_return', statusText: '待买家发货', type: 'return_refund', pageDeadline: { kind: 'at', at: T0 + HOUR } })], T0); // buyer acts
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    const plan = await start().reschedule();

    expect(plan?.notifications).toHaveLength(1);
    expect(create).toHaveBeenCalledTimes(1);
    const [notificationId, options] = create.mock.calls[0] as unknown as [string, Record<string, unknown>];
    expect(options).toEqual({
      type: 'basic',
      iconUrl: '/icon/128.png',
      title: '1 笔退款将在 6 小时内超时',
      message: `退款 ${id(1)} · 还剩 5时59分`,
      contextMessage: '数据截至最近一次打开退款页 · 11-20 14:00（北京时间）',
      requireInteraction: false,
    });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0xd9, 0x30, 0x25, 255]);
    // Next wake-up: exactly when the refund has 30 min left.
    expect((await fakeBrowser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(T0 + 6 * HOUR - MIN - 30 * MIN);
    // Remembered in the settings table, so a restarted worker does not repeat it.
    expect(await getSetting(db, REMINDER_STATE_KEY)).toEqual({ notified: { [id(1)]: { urgent: T0 + 6 * HOUR - MIN } } });

    // Clicking it opens the refund's detail page.
    await fakeBrowser.notifications.onClicked.trigger(notificationId);
    await vi.waitFor(async () => expect((await fakeBrowser.tabs.query({})).map((t) => t.url)).toContain(DETAIL(id(1))));
  });

  it('does not repeat a reminder on the next run nor after a restart of the worker', async () => {
    await seed(1, 2 * HOUR);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await start().reschedule();
    now += 5 * MIN;
    await service!.reschedule();
    service!.stop();
    await start().reschedule();
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('groups refunds falling due together into one list notification that opens the refund list', async () => {
    for (const n of [1, 2, 3]) await seed(n, n * HOUR);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await start().reschedule();
    expect(create).toHaveBeenCalledTimes(1);
    const [notificationId, options] = create.mock.calls[0] as unknown as [string, Record<string, unknown>];
    expect(options).toMatchObject({
      type: 'list',
      title: '3 笔退款将在 3 小时内超时',
      contextMessage: '数据截至最近一次打开退款页 · 11-20 14:00（北京时间）',
      items: [
        { title: `退款 ${id(1)}`, message: '还剩 1时00分' },
        { title: `退款 ${id(2)}`, message: '还剩 2时00分' },
        { title: `退款 ${id(3)}`, message: '还剩 3时00分' },
      ],
    });
    expect(options.message).toBe([1, 2, 3].map((n) => `退款 ${id(n)} · 还剩 ${n}时00分`).join('\n'));
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
    await fakeBrowser.notifications.onClicked.trigger(notificationId);
    await vi.waitFor(async () =>
      expect((await fakeBrowser.tabs.query({})).map((t) => t.url)).toContain('https://myseller.taobao.com/home.htm/trade-platform/refund-list'),
    );
  });

  it('the alarm re-plans: the "due" reminder fires when it goes off', async () => {
    await seed(1, 2 * HOUR);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await start('en').reschedule();
    const alarm = await fakeBrowser.alarms.get(REMINDER_ALARM);
    expect(alarm?.scheduledTime).toBe(T0 + 90 * MIN);
    now = alarm!.scheduledTime;
    await fakeBrowser.alarms.onAlarm.trigger(alarm!);
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(2));
    const options = create.mock.calls[1]![1] as unknown as Record<string, unknown>;
    expect(options).toMatchObject({ title: '1 refund times out within 30 min', requireInteraction: true });
    expect(options.contextMessage).toBe('as last seen on the refund page · 11-20 14:00 (Beijing time)');
  });

  it('switched off in the options: no notification, the toolbar count still shows; no refunds: empty badge, no alarm', async () => {
    await putSetting(db, SETTINGS_KEY, { ...DEFAULT_SETTINGS, reminders: { ...DEFAULT_REMINDER_SETTINGS, enabled: false } });
    await seed(1, HOUR);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await start().reschedule();
    expect(create).not.toHaveBeenCalled();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');

    await db.refunds.clear();
    await service!.reschedule();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.alarms.get(REMINDER_ALARM)).toBeUndefined();
  });

  it('uses the seller urgent threshold from the settings; ignores completed refunds', async () => {
    await putSetting(db, SETTINGS_KEY, { ...DEFAULT_SETTINGS, thresholds: { ...DEFAULT_SETTINGS.thresholds, seller: { urgentHours: 2, soonHours: 24 } } });
    await seed(1, 3 * HOUR);
    await seed(2, HOUR);
    await upsertObservedRows(db, [row({ refundId: id(2), status: 'success', statusText: '退款成功', readAt: T0 + MIN })], T0 + MIN);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await start().reschedule();
    expect(create).not.toHaveBeenCalled();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect((await fakeBrowser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(T0 + HOUR);
  });

  it('reads the stored settings like every other reader: versioned, a corrupt quiet-hours start keeps the rest', async () => {
    const stored = storedFixture(2) as { reminders: { quietHours: Record<string, unknown> } }; // reminders off, seller urgent within 4 h
    stored.reminders.quietHours.start = '25:00';
    await putSetting(db, SETTINGS_KEY, stored);
    await seed(1, 5 * HOUR);
    await seed(2, HOUR);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await start().reschedule();
    expect(create).not.toHaveBeenCalled();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it('concurrent triggers run one at a time (no double notification)', async () => {
    await seed(1, HOUR);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    const s = start();
    await Promise.all([s.reschedule(), s.reschedule(), s.reschedule()]);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('works with the global browser by default and runs once on start', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    try {
      await seed(1, HOUR);
      const create = vi.spyOn(fakeBrowser.notifications, 'create');
      service = startReminders(db);
      await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(1));
      await service.reschedule();
      expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    } finally {
      vi.useRealTimers();
    }
  });

  it('ignores clicks on notifications that are not its own', async () => {
    const open = vi.spyOn(fakeBrowser.tabs, 'create');
    start();
    await fakeBrowser.notifications.onClicked.trigger('other-feature:1');
    expect(open).not.toHaveBeenCalled();
  });
});

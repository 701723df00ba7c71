import { describe, expect, it } from 'vitest';
import { notificationId, targetOf, targetUrl } from '@/lib/reminders/links';
import { REFUND_LIST_URL } from '@/lib/seller-center/urls';
import { OVERDUE_BADGE_MS, planReminders, type NotifiedRecord, type PlanInput, type ReminderRefund } from '@/lib/reminders/plan';
import { quietEndAt } from '@/lib/reminders/quiet-hours';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from '@/lib/settings/reminder-settings';
import { reminderSentence } from '@/lib/reminders/text';
import { beijingToInstant } from '@/lib/time/beijing';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 10, 20, 6, 0, 0); // 2026-11-20 14:00 Beijing
const id = (n: number) => String(700000000000000000n + BigInt(n));
const bj = (d: number, h: number, m = 0) => beijingToInstant(2026, 11, d, h, m)!;
const QUIET: ReminderSettings = { ...DEFAULT_REMINDER_SETTINGS, quietHours: { enabled: true, start: '22:00', end: '08:00' } };

function refund(n: number, deadlineAt: number, lastSeenAt = T0 - HOUR): ReminderRefund {
  return { refundId: id(n), deadlineAt, lastSeenAt };
}

function plan(refunds: ReminderRefund[], over: Partial<PlanInput> = {}) {
  return planReminders({ refunds, now: T0, urgentHours: 6, reminders: DEFAULT_REMINDER_SETTINGS, notified: {}, lang: 'zh', ...over });
}

describe('planReminders: firing once per refund and threshold', () => {
  it('a reminder fires for a refund placed just inside the urgent window', () => {
    const r = refund(1, T0 + 6 * HOUR - MIN);
    const p = plan([r]);
    expect(p.notifications).toHaveLength(1);
    const n = p.notifications[0]!;
    expect(n).toMatchObject({
      threshold: 'urgent',
      refundIds: [id(1)],
      type: 'basic',
      target: { kind: 'detail', refundId: id(1) },
      url: `https://myseller.taobao.com/home.htm/trade-platform/refund-list/detail?disputeId=${id(1)}&type=1`,
      title: '1 笔退款将在 6 小时内超时',
      message: `退款 ${id(1)} · 还剩 5时59分`,
      contextMessage: '数据截至最近一次打开退款页 · 11-20 13:00（北京时间）',
      sentence: '1 笔退款将在 6 小时内超时（数据截至最近一次打开退款页）',
      requireInteraction: false,
    });
    expect(targetOf(n.id)).toEqual({ kind: 'detail', refundId: id(1) });
    expect(p.notified).toEqual({ [id(1)]: { urgent: r.deadlineAt } });
    expect(p.badgeCount).toBe(1);
  });

  it('does not fire just outside the window, and wakes exactly when the refund enters it', () => {
    const r = refund(1, T0 + 6 * HOUR + MIN);
    const p = plan([r]);
    expect(p.notifications).toEqual([]);
    expect(p.badgeCount).toBe(0);
    expect(p.nextAlarmAt).toBe(r.deadlineAt - 6 * HOUR);
    // At that instant (the boundary is "at or under", like the badge) it fires.
    expect(plan([r], { now: p.nextAlarmAt! }).notifications.map((n) => n.threshold)).toEqual(['urgent']);
  });

  it('does not fire again on the next run, then fires the "due" reminder at 30 min left', () => {
    const r = refund(1, T0 + 5 * HOUR);
    const first = plan([r]);
    expect(first.notifications).toHaveLength(1);
    expect(first.nextAlarmAt).toBe(r.deadlineAt - 30 * MIN);
    const again = plan([r], { now: T0 + 10 * MIN, notified: first.notified });
    expect(again.notifications).toEqual([]);
    expect(again.notified).toEqual(first.notified);
    const due = plan([r], { now: first.nextAlarmAt!, notified: first.notified });
    expect(due.notifications.map((n) => [n.threshold, n.title, n.requireInteraction])).toEqual([['due', '1 笔退款将在 30 分钟内超时', true]]);
    expect(due.notified[id(1)]).toEqual({ urgent: r.deadlineAt, due: r.deadlineAt });
    // Nothing left to remind of; the only wake-up left is when it drops out of the toolbar count.
    expect(due.nextAlarmAt).toBe(r.deadlineAt + OVERDUE_BADGE_MS + 1);
  });

  const rearm: Array<[string, number, boolean]> = [
    ['moved 2 h earlier: re-armed', -2 * HOUR, true],
    ['re-read a minute later (countdown truncation): same deadline', +MIN, false],
    ['moved 59 min: within the tolerance', -59 * MIN, false],
  ];
  it.each(rearm)('a changed deadline re-arms the reminder: %s', (_, shift, fires) => {
    const r = refund(1, T0 + 5 * HOUR);
    const notified: NotifiedRecord = { [id(1)]: { urgent: r.deadlineAt } };
    const p = plan([{ ...r, deadlineAt: r.deadlineAt + shift }], { now: T0 + 5 * MIN, notified });
    expect(p.notifications.length).toBe(fires ? 1 : 0);
    expect(p.notified[id(1)]!.urgent).toBe(fires ? r.deadlineAt + shift : r.deadlineAt);
  });

  it('a deadline extended out of the window (timer restarted) fires again when it comes back in', () => {
    const notified: NotifiedRecord = { [id(1)]: { urgent: T0 + 2 * HOUR } };
    const moved = refund(1, T0 + 2 * DAY);
    const p = plan([moved], { notified });
    expect(p.notifications).toEqual([]);
    expect(p.notified).toEqual({});
    expect(p.nextAlarmAt).toBe(moved.deadlineAt - 6 * HOUR);
    expect(plan([moved], { now: p.nextAlarmAt!, notified: p.notified }).notifications).toHaveLength(1);
  });

  it('first seen with 20 min left: only the "due" reminder, and both thresholds count as notified', () => {
    const r = refund(1, T0 + 20 * MIN);
    const p = plan([r]);
    expect(p.notifications.map((n) => n.threshold)).toEqual(['due']);
    expect(p.notified[id(1)]).toEqual({ urgent: r.deadlineAt, due: r.deadlineAt });
    expect(plan([r], { now: T0 + MIN, notified: p.notified }).notifications).toEqual([]);
  });
});

describe('planReminders: grouping', () => {
  it('several refunds crossing together make one notification listing up to 5 refund numbers', () => {
    const refunds = [7, 3, 5, 1, 2, 6, 4].map((n) => refund(n, T0 + n * 30 * MIN + HOUR, T0 - n * MIN));
    const p = plan(refunds);
    expect(p.notifications).toHaveLength(1);
    const n = p.notifications[0]!;
    expect(n.type).toBe('list');
    expect(n.target).toEqual({ kind: 'list' });
    expect(n.url).toBe(REFUND_LIST_URL);
    expect(n.refundIds).toEqual([1, 2, 3, 4, 5, 6, 7].map(id));
    expect(n.title).toBe('7 笔退款将在 5 小时内超时'); // the latest: 4 h 30 min left
    expect(n.items).toHaveLength(6);
    expect(n.items[0]).toEqual({ title: `退款 ${id(1)}`, message: '还剩 1时30分' });
    expect(n.items[5]).toEqual({ title: '还有 2 笔', message: '' });
    expect(n.message.split('\n')).toEqual([...[1, 2, 3, 4, 5].map((k) => `退款 ${id(k)} · 还剩 ${1 + Math.floor(k / 2)}时${k % 2 ? '30' : '00'}分`), '还有 2 笔']);
    // The oldest reading of the group: the data is at least that fresh.
    expect(n.contextMessage).toBe('数据截至最近一次打开退款页 · 11-20 13:53（北京时间）');
    expect(p.badgeCount).toBe(7);
  });

  it('a "due" group and an "urgent" group in the same run: two notifications, the due one first', () => {
    const p = plan([refund(1, T0 + 10 * MIN), refund(2, T0 + 20 * MIN), refund(3, T0 + 3 * HOUR)]);
    expect(p.notifications.map((n) => [n.threshold, n.refundIds, n.title])).toEqual([
      ['due', [id(1), id(2)], '2 笔退款将在 20 分钟内超时'],
      ['urgent', [id(3)], '1 笔退款将在 3 小时内超时'],
    ]);
    expect(new Set(p.notifications.map((n) => n.id)).size).toBe(2);
  });

  it('English wording (§11)', () => {
    const p = plan([refund(1, T0 + 90 * MIN), refund(2, T0 + 100 * MIN), refund(3, T0 + 2 * HOUR)], { lang: 'en' });
    const n = p.notifications[0]!;
    expect(n.title).toBe('3 refunds time out within 2 h');
    expect(n.sentence).toBe('3 refunds time out within 2 h (as last seen on the refund page)');
    expect(n.contextMessage).toBe('as last seen on the refund page · 11-20 13:00 (Beijing time)');
    expect(n.items[0]).toEqual({ title: `refund ${id(1)}`, message: '1 h 30 m left' });
    expect(plan([refund(1, T0 + 90 * MIN)], { lang: 'en' }).notifications[0]!.title).toBe('1 refund times out within 2 h');
  });
});

describe('planReminders: quiet hours, off switch, overdue refunds', () => {
  it('quiet hours crossing midnight hold reminders until 08:00, then show what is still relevant', () => {
    const now = bj(20, 23); // 23:00 Beijing
    const goesOverdueAtNight = refund(1, bj(21, 4)); // urgent now, overdue at 04:00
    const dueInTheMorning = refund(2, bj(21, 10)); // enters the urgent window at 04:00
    const p = plan([goesOverdueAtNight, dueInTheMorning], { now, reminders: QUIET });
    expect(p.notifications).toEqual([]);
    expect(p.notified).toEqual({});
    expect(p.badgeCount).toBe(1);
    // Next: 04:00, when #2 enters the window (toolbar count), though its reminder waits for 08:00.
    expect(p.nextAlarmAt).toBe(bj(21, 4));
    const night = plan([goesOverdueAtNight, dueInTheMorning], { now: bj(21, 4), reminders: QUIET });
    expect(night.notifications).toEqual([]);
    expect(night.badgeCount).toBe(2);
    expect(night.nextAlarmAt).toBe(bj(21, 8));
    const morning = plan([goesOverdueAtNight, dueInTheMorning], { now: bj(21, 8), reminders: QUIET, notified: night.notified });
    // #1 went overdue during the night: not notified (it is in the toolbar count); #2 is.
    expect(morning.notifications.map((n) => [n.threshold, n.refundIds, n.title])).toEqual([['urgent', [id(2)], '1 笔退款将在 2 小时内超时']]);
    expect(morning.badgeCount).toBe(2);
  });

  it('a crossing inside quiet hours that goes overdue before they end does not wake the worker for nothing', () => {
    const now = bj(20, 21);
    const r = refund(1, bj(21, 5)); // urgent crossing 23:00 (quiet), due 04:30 (quiet), overdue before 08:00
    const p = plan([r], { now, reminders: QUIET });
    expect(p.nextAlarmAt).toBe(bj(20, 23)); // toolbar count only
    const later = plan([r], { now: bj(20, 23), reminders: QUIET });
    expect(later.notifications).toEqual([]);
    expect(later.nextAlarmAt).toBe(r.deadlineAt + OVERDUE_BADGE_MS + 1);
  });

  it('outside quiet hours (14:00) reminders show as usual', () => {
    expect(plan([refund(1, T0 + HOUR)], { reminders: QUIET }).notifications).toHaveLength(1);
  });

  it('switched off: no reminders and nothing marked, but the toolbar count still updates', () => {
    const off = { ...DEFAULT_REMINDER_SETTINGS, enabled: false };
    const inWindow = refund(1, T0 + HOUR);
    const later = refund(2, T0 + 10 * HOUR);
    const p = plan([inWindow, later], { reminders: off, notified: { [id(1)]: { urgent: inWindow.deadlineAt }, [id(9)]: { urgent: T0 } } });
    expect(p.notifications).toEqual([]);
    expect(p.notified).toEqual({ [id(1)]: { urgent: inWindow.deadlineAt } }); // kept, id(9) pruned
    expect(p.badgeCount).toBe(1);
    expect(p.nextAlarmAt).toBe(later.deadlineAt - 6 * HOUR); // count change only (no "due" wake-up for #1)
    // Switched back on: what is pending then is shown once.
    expect(plan([inWindow, later], { notified: p.notified }).notifications).toEqual([]);
    expect(plan([inWindow, later], { now: inWindow.deadlineAt - 20 * MIN, notified: p.notified }).notifications.map((n) => n.threshold)).toEqual(['due']);
  });

  const overdue: Array<[string, number, number]> = [
    ['overdue for 2 days: counted, never notified', -2 * DAY, 1],
    ['overdue for 4 days: neither', -4 * DAY, 0],
    ['overdue by 1 min: counted, not notified', -MIN, 1],
  ];
  it.each(overdue)('refunds already overdue do not spam: %s', (_, left, count) => {
    const r = refund(1, T0 + left);
    let notified: NotifiedRecord = {};
    for (let k = 0; k < 5; k++) {
      const p = plan([r], { now: T0 + k * HOUR, notified });
      expect(p.notifications).toEqual([]);
      notified = p.notified;
    }
    expect(plan([r]).badgeCount).toBe(count);
  });

  it('next alarm: the earliest future event over all refunds; null with nothing ahead', () => {
    const p = plan([refund(1, T0 + 9 * HOUR), refund(2, T0 + 7 * HOUR), refund(3, T0 + 2 * DAY)]);
    expect(p.nextAlarmAt).toBe(T0 + HOUR);
    expect(plan([]).nextAlarmAt).toBeNull();
    expect(plan([refund(1, T0 - 5 * DAY)]).nextAlarmAt).toBeNull();
  });

  it('uses the configured urgent hours and due minutes', () => {
    const r = refund(1, T0 + 90 * MIN);
    const p = plan([r], { urgentHours: 1, reminders: { ...DEFAULT_REMINDER_SETTINGS, dueMinutes: 45 } });
    expect(p.notifications).toEqual([]);
    expect(p.nextAlarmAt).toBe(r.deadlineAt - HOUR);
  });
});

describe('quietEndAt (Beijing wall clock, any machine time zone)', () => {
  const q = (start: string, end: string, enabled = true) => ({ enabled, start, end });
  const cases: Array<[string, number, ReturnType<typeof q>, number | null]> = [
    ['22–08, at 23:00: ends 08:00 next day', bj(20, 23), q('22:00', '08:00'), bj(21, 8)],
    ['22–08, at 22:00 (start inclusive)', bj(20, 22), q('22:00', '08:00'), bj(21, 8)],
    ['22–08, at 07:59: ends 08:00 same day', bj(21, 7, 59), q('22:00', '08:00'), bj(21, 8)],
    ['22–08, at 08:00 (end exclusive)', bj(21, 8), q('22:00', '08:00'), null],
    ['22–08, at 14:00', bj(20, 14), q('22:00', '08:00'), null],
    ['12–14, at 13:00', bj(20, 13), q('12:00', '14:00'), bj(20, 14)],
    ['12–14, at 23:00', bj(20, 23), q('12:00', '14:00'), null],
    ['start = end: never quiet', bj(20, 13), q('13:00', '13:00'), null],
    ['disabled', bj(20, 23), q('22:00', '08:00', false), null],
    ['00:00–06:00 at 00:00 Beijing (16:00 UTC the day before)', bj(21, 0), q('00:00', '06:00'), bj(21, 6)],
  ];
  it.each(cases)('%s', (_, t, quiet, expected) => {
    expect(quietEndAt(t, quiet)).toBe(expected);
  });
});

describe('notification ids and texts', () => {
  it('encode what a click opens; foreign ids are not ours', () => {
    expect(targetOf(notificationId('due', { kind: 'list' }, T0))).toEqual({ kind: 'list' });
    expect(targetUrl({ kind: 'list' })).toBe(REFUND_LIST_URL);
    expect(targetOf('something-else')).toBeNull();
    expect(targetOf(`refund-radar:urgent:detail:abc:${T0}`)).toBeNull();
  });

  it('the §11 sentence verbatim', () => {
    expect(reminderSentence(3, 2 * HOUR, 'zh')).toBe('3 笔退款将在 2 小时内超时（数据截至最近一次打开退款页）');
    expect(reminderSentence(3, 2 * HOUR, 'en')).toBe('3 refunds time out within 2 h (as last seen on the refund page)');
  });
});

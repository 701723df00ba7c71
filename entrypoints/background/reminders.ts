// Reminders in the background service worker (issue point 4): one named alarm wakes the worker exactly when the next
// threshold is crossed; each run reads the open seller refunds from the local history, plans (lib/reminders/plan.ts),
// shows grouped desktop notifications, sets the toolbar count and re-arms the alarm. Clicking a notification opens the
// refund's detail page (one refund) or the refund list (a group). No network. Needs the `alarms` and `notifications`
// permissions. The notified record is kept in the Dexie settings table under 'reminders-state'.
import { uiLang } from '@/components/i18n';
import { getSetting } from '@/lib/db/queries';
import type { RefundRadarDb } from '@/lib/db/schema';
import type { Lang } from '@/lib/format/time-left';
import { targetOf, targetUrl } from '@/lib/reminders/links';
import { loadNotified, loadReminderRefunds, saveNotified } from '@/lib/reminders/load';
import { planReminders, type ReminderPlan } from '@/lib/reminders/plan';
import { readSettings } from '@/lib/settings/stored';
import { SETTINGS_KEY } from '@/lib/storage/keys';

export const REMINDER_ALARM = 'refund-radar-reminders';
const REMINDER_ICON = '/icon/128.png';
/** Toolbar badge background: red, the count is always shown as text too. */
const BADGE_COLOR = '#D93025';

interface Listenable<A extends unknown[]> {
  addListener(callback: (...args: A) => void): void;
  removeListener(callback: (...args: A) => void): void;
}

interface NotificationOptions {
  type: 'basic' | 'list';
  iconUrl: string;
  title: string;
  message: string;
  contextMessage?: string;
  items?: { title: string; message: string }[];
  requireInteraction?: boolean;
}

/** The part of the extension API the reminders use (the real `browser`, or WXT's fakeBrowser in tests). */
interface ReminderBrowser {
  alarms: {
    create(name: string, info: { when: number }): Promise<void>;
    clear(name: string): Promise<boolean>;
    onAlarm: Listenable<[alarm: { name: string }]>;
  };
  notifications: {
    create(id: string, options: NotificationOptions): Promise<string>;
    clear(id: string): Promise<boolean>;
    onClicked: Listenable<[notificationId: string]>;
  };
  action: {
    setBadgeText(details: { text: string }): Promise<void>;
    setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  };
  tabs: { create(properties: { url: string; active?: boolean }): Promise<unknown> };
}

interface ReminderDeps {
  browser: ReminderBrowser;
  now?: () => number;
  /** Language of the notification texts (default: the extension's UI language, zh when it cannot be told). */
  lang?: () => Lang;
  /** Run once right away (default true): restores the toolbar count and the alarm after a browser restart. */
  runOnStart?: boolean;
}

export interface ReminderService {
  /** Re-plans now (call after each stored page report). Runs one at a time; never rejects (null after an error). */
  reschedule(): Promise<ReminderPlan | null>;
  /** Removes the listeners (tests). */
  stop(): void;
}

function defaultLang(): Lang {
  try {
    return uiLang();
  } catch {
    return 'zh';
  }
}

function badgeText(count: number): string {
  return count === 0 ? '' : count > 99 ? '99+' : String(count);
}

/** Call once, synchronously, from the background's main function (listeners must be registered at start-up). */
export function startReminders(db: RefundRadarDb, deps: ReminderDeps = { browser }): ReminderService {
  const api = deps.browser;
  const clock = deps.now ?? Date.now;
  const lang = deps.lang ?? defaultLang;

  async function run(): Promise<ReminderPlan> {
    const now = clock();
    const { thresholds, reminders } = readSettings(await getSetting(db, SETTINGS_KEY));
    const urgentHours = thresholds.seller.urgentHours;
    const windowMs = Math.max(urgentHours * 3_600_000, reminders.dueMinutes * 60_000);
    const [refunds, notified] = await Promise.all([loadReminderRefunds(db, now, windowMs), loadNotified(db)]);
    const plan = planReminders({ refunds, now, urgentHours, reminders, notified, lang: lang() });
    // Remember first: a reminder that then fails to show is lost, never repeated (at most once per threshold).
    if (JSON.stringify(plan.notified) !== JSON.stringify(notified)) await saveNotified(db, plan.notified);
    for (const n of plan.notifications) {
      const options: NotificationOptions = {
        type: n.type,
        iconUrl: REMINDER_ICON,
        title: n.title,
        message: n.message,
        contextMessage: n.contextMessage,
        requireInteraction: n.requireInteraction,
      };
      if (n.type === 'list') options.items = n.items;
      await api.notifications.create(n.id, options).catch((e: unknown) => console.warn('Refund Radar: notification failed', e));
    }
    await api.action.setBadgeText({ text: badgeText(plan.badgeCount) });
    await api.action.setBadgeBackgroundColor({ color: BADGE_COLOR });
    if (plan.nextAlarmAt !== null) await api.alarms.create(REMINDER_ALARM, { when: plan.nextAlarmAt });
    else await api.alarms.clear(REMINDER_ALARM);
    return plan;
  }

  let queue: Promise<unknown> = Promise.resolve();
  function reschedule(): Promise<ReminderPlan | null> {
    const next = queue.then(run).catch((e: unknown) => {
      console.error('Refund Radar: reminders failed', e);
      return null;
    });
    queue = next;
    return next;
  }

  const onAlarm = (alarm: { name: string }) => {
    if (alarm.name === REMINDER_ALARM) void reschedule();
  };
  const onClicked = (id: string) => {
    const target = targetOf(id);
    if (!target) return; // not ours
    void api.tabs.create({ url: targetUrl(target), active: true }).catch((e: unknown) => console.warn('Refund Radar: open failed', e));
    void api.notifications.clear(id).catch(() => undefined);
  };
  api.alarms.onAlarm.addListener(onAlarm);
  api.notifications.onClicked.addListener(onClicked);
  if (deps.runOnStart ?? true) void reschedule();

  return {
    reschedule,
    stop() {
      api.alarms.onAlarm.removeListener(onAlarm);
      api.notifications.onClicked.removeListener(onClicked);
    },
  };
}

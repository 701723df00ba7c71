// Reminder planning (issue point 4), pure: which desktop notifications to show now, what to remember about them,
// when to wake up next and what the toolbar count is. The background (entrypoints/background/reminders.ts)
// feeds it the open seller-side refunds of the local history; deadlines are as last seen on the refund pages.
//
// Decisions:
// - Two thresholds per refund. 'urgent': entering the seller urgent window (0 ≤ left ≤ urgentHours, the same
//   "at or under" boundary as the badge's data-state, §8). 'due': about to go overdue (0 ≤ left ≤ dueMinutes).
//   Each fires at most once per refund and deadline. When both are pending at once (first seen with 20 min left, or
//   after quiet hours) only the tighter one is shown and both count as notified.
// - Nothing fires for a refund that is already overdue when the plan runs (a computer that slept through the window,
//   quiet hours that ended after the deadline, refunds overdue for days): the platform has acted by then and the
//   data is stale. Those refunds are in the toolbar count instead. So overdue refunds can never spam.
// - A changed deadline re-arms: a threshold counts as notified only for the deadline it was shown for, give or take
//   DEADLINE_TOLERANCE_MS (re-reading a countdown that the page truncates to minutes or hours moves it a little).
// - Quiet hours hold notifications back until the period ends; then whatever is still pending and not overdue
//   fires (grouped), the rest is dropped. The toolbar count is updated during quiet hours too.
// - Off switch: no notifications and nothing is marked notified (switching back on shows what is pending then);
//   the toolbar count still updates — it is a state display, not a reminder.
// - Toolbar count: open seller-side refunds that need action now = urgent (0 ≤ left ≤ urgentHours) plus overdue by at
//   most OVERDUE_BADGE_MS. Overdue ones still need the agent to look (the data may just be stale); older ones are
//   almost surely resolved by the platform's timeout action and would only inflate the count for ever.
// - Notified entries of refunds not in `refunds` are dropped (completed, no longer seller-side, or out of the range
//   the caller loads, where no threshold can be pending).
import { formatTimeLeft, type Lang } from '../format/time-left';
import { notificationId, targetUrl, type ReminderTarget } from './links';
import { quietEndAt } from './quiet-hours';
import type { ReminderSettings } from '../settings/reminder-settings';
import { asOfLine, moreLine, refundLabel, refundLine, reminderSentence, reminderTitle } from './text';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** Overdue refunds count in the toolbar for this long after their deadline (and the caller loads them that far). */
export const OVERDUE_BADGE_MS = 3 * 24 * HOUR_MS;
/** A deadline within this distance of the notified one is the same deadline (no second reminder). */
const DEADLINE_TOLERANCE_MS = HOUR_MS;
/** Refund numbers listed in one grouped notification. */
const DEFAULT_MAX_LISTED = 5;

const REMINDER_THRESHOLDS = ['urgent', 'due'] as const;
type ReminderThreshold = (typeof REMINDER_THRESHOLDS)[number];

/** One open refund the seller must act on, with its best known deadline (epoch ms). */
export interface ReminderRefund {
  refundId: string;
  deadlineAt: number;
  /** When a refund page last showed it: the notification says the data is as of then. */
  lastSeenAt: number;
}

/** Per threshold already notified: the deadline it was notified for. */
type NotifiedEntry = Partial<Record<ReminderThreshold, number>>;
/** refundId → thresholds notified. */
export type NotifiedRecord = Record<string, NotifiedEntry>;

export interface PlanInput {
  refunds: readonly ReminderRefund[];
  now: number;
  /** The seller's urgent threshold (settings.thresholds.seller.urgentHours). */
  urgentHours: number;
  reminders: ReminderSettings;
  notified: NotifiedRecord;
  lang: Lang;
  maxListed?: number;
}

interface PlannedNotification {
  /** Encodes what a click opens (links.ts targetOf). */
  id: string;
  threshold: ReminderThreshold;
  /** Every refund of the group, earliest deadline first. */
  refundIds: string[];
  target: ReminderTarget;
  url: string;
  type: 'basic' | 'list';
  title: string;
  message: string;
  contextMessage: string;
  /** 'list' notifications: up to maxListed refunds, then "还有 N 笔". */
  items: { title: string; message: string }[];
  requireInteraction: boolean;
  /** The §11 sentence, e.g. "3 笔退款将在 2 小时内超时（数据截至最近一次打开退款页）". */
  sentence: string;
}

export interface ReminderPlan {
  /** At most one per threshold ('due' first), each grouping every refund that crossed it. */
  notifications: PlannedNotification[];
  notified: NotifiedRecord;
  /** When to run again: the earliest future threshold crossing (moved to the end of quiet hours when inside them) or
   * toolbar-count change; null when nothing is ahead. */
  nextAlarmAt: number | null;
  /** Toolbar count (see the decisions above). */
  badgeCount: number;
}

function windowsOf(input: PlanInput): Record<ReminderThreshold, number> {
  return { urgent: input.urgentHours * HOUR_MS, due: input.reminders.dueMinutes * MINUTE_MS };
}

function byDeadline(a: ReminderRefund, b: ReminderRefund): number {
  return a.deadlineAt - b.deadlineAt || (a.refundId < b.refundId ? -1 : a.refundId > b.refundId ? 1 : 0);
}

function buildNotification(threshold: ReminderThreshold, group: ReminderRefund[], now: number, lang: Lang, maxListed: number): PlannedNotification {
  const sorted = [...group].sort(byDeadline);
  const first = sorted[0]!;
  const maxLeft = Math.max(...sorted.map((r) => r.deadlineAt - now));
  const oldestSeen = Math.min(...sorted.map((r) => r.lastSeenAt));
  const target: ReminderTarget = sorted.length === 1 ? { kind: 'detail', refundId: first.refundId } : { kind: 'list' };
  const listed = sorted.slice(0, maxListed);
  const more = sorted.length - listed.length;
  const lines = listed.map((r) => refundLine(r.refundId, r.deadlineAt, now, lang));
  if (more > 0) lines.push(moreLine(more, lang));
  const items = sorted.length === 1 ? [] : listed.map((r) => ({ title: refundLabel(r.refundId, lang), message: formatTimeLeft(r.deadlineAt, now, lang) }));
  if (sorted.length > 1 && more > 0) items.push({ title: moreLine(more, lang), message: '' });
  return {
    id: notificationId(threshold, target, now),
    threshold,
    refundIds: sorted.map((r) => r.refundId),
    target,
    url: targetUrl(target),
    type: sorted.length === 1 ? 'basic' : 'list',
    title: reminderTitle(sorted.length, maxLeft, lang),
    message: lines.join('\n'),
    contextMessage: asOfLine(oldestSeen, lang),
    items,
    requireInteraction: threshold === 'due',
    sentence: reminderSentence(sorted.length, maxLeft, lang),
  };
}

export function planReminders(input: PlanInput): ReminderPlan {
  const { now, reminders } = input;
  const windows = windowsOf(input);
  // Tightest window first: the one shown when several are pending together.
  const bySeverity = [...REMINDER_THRESHOLDS].sort((a, b) => windows[a] - windows[b]);
  const quietEnd = quietEndAt(now, reminders.quietHours);
  const mayNotifyNow = reminders.enabled && quietEnd === null;
  const groups: Record<ReminderThreshold, ReminderRefund[]> = { urgent: [], due: [] };
  const notified: NotifiedRecord = {};
  let badgeCount = 0;
  let next = Infinity;
  const wakeAt = (t: number) => {
    if (t > now && t < next) next = t;
  };

  for (const r of input.refunds) {
    const left = r.deadlineAt - now;
    // Toolbar count: deadline in [now − OVERDUE_BADGE_MS, now + urgent window]; it changes when one enters the urgent
    // window and when one has been overdue for longer than OVERDUE_BADGE_MS.
    if (left <= windows.urgent && -left <= OVERDUE_BADGE_MS) badgeCount++;
    wakeAt(r.deadlineAt - windows.urgent);
    wakeAt(r.deadlineAt + OVERDUE_BADGE_MS + 1);

    const prev = input.notified[r.refundId] ?? {};
    const entry: NotifiedEntry = {};
    for (const t of REMINDER_THRESHOLDS) {
      const at = prev[t];
      if (at !== undefined && Math.abs(at - r.deadlineAt) <= DEADLINE_TOLERANCE_MS) entry[t] = at;
    }
    const pending = bySeverity.filter((t) => entry[t] === undefined && left >= 0 && left <= windows[t]);
    if (pending.length > 0 && mayNotifyNow) {
      groups[pending[0]!].push(r);
      for (const t of pending) entry[t] = r.deadlineAt;
    }
    if (reminders.enabled) {
      for (const t of REMINDER_THRESHOLDS) {
        if (entry[t] !== undefined) continue;
        // Pending now (only possible inside quiet hours) or crossing later; held back to the end of quiet hours, and
        // not worth waking for when that is after the deadline (overdue refunds are not notified).
        const crossing = Math.max(r.deadlineAt - windows[t], now);
        const shown = quietEndAt(crossing, reminders.quietHours) ?? crossing;
        if (shown <= r.deadlineAt) wakeAt(shown);
      }
    }
    if (Object.keys(entry).length > 0) notified[r.refundId] = entry;
  }

  const maxListed = input.maxListed ?? DEFAULT_MAX_LISTED;
  const notifications = (['due', 'urgent'] as const)
    .filter((t) => groups[t].length > 0)
    .map((t) => buildNotification(t, groups[t], now, input.lang, maxListed));
  return { notifications, notified, nextAlarmAt: Number.isFinite(next) ? next : null, badgeCount };
}

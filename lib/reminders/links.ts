// What a click on a reminder opens, encoded in the notification id (the background may have been restarted between
// showing and clicking, so nothing is kept in memory): one refund → its detail page; a group → the refund list.
import { REFUND_LIST_URL, refundDetailUrl } from '../seller-center/urls';

const NOTIFICATION_PREFIX = 'refund-radar';

export type ReminderTarget = { kind: 'detail'; refundId: string } | { kind: 'list' };

/** `refund-radar:<threshold>:<detail:<refundId>|list>:<createdAt>`; the time keeps later reminders distinct. */
export function notificationId(threshold: string, target: ReminderTarget, createdAt: number): string {
  const what = target.kind === 'detail' ? `detail:${target.refundId}` : 'list';
  return `${NOTIFICATION_PREFIX}:${threshold}:${what}:${createdAt}`;
}

const ID = new RegExp(`^${NOTIFICATION_PREFIX}:(\\w+):(?:detail:(\\d{6,30})|list):\\d+$`);

/** The target of one of our notification ids; null for anything else (another feature's notification). */
export function targetOf(notificationIdText: string): ReminderTarget | null {
  const m = ID.exec(notificationIdText);
  if (!m) return null;
  return m[2] !== undefined ? { kind: 'detail', refundId: m[2] } : { kind: 'list' };
}

export function targetUrl(target: ReminderTarget): string {
  return target.kind === 'detail' ? refundDetailUrl(target.refundId) : REFUND_LIST_URL;
}

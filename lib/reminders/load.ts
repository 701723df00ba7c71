// What the reminders read from the local history: open seller-side refunds by deadline through the [actor+deadlineAt]
// index (completed refunds have actor 'none' and no deadlineAt, so they are never in this range), bounded:
// overdue by at most OVERDUE_BADGE_MS … the widest reminder window + a margin, plus the first refund beyond that,
// whose urgent crossing is the next wake-up if nothing nearer is ahead.
import Dexie from 'dexie';
import * as z from 'zod/mini';
import { getSetting, putSetting } from '../db/queries';
import type { RefundRadarDb, StoredRefund } from '../db/schema';
import { REMINDER_STATE_KEY } from '../storage/keys';
import { OVERDUE_BADGE_MS, type NotifiedRecord, type ReminderRefund } from './plan';

const HOUR_MS = 3_600_000;
/** Loaded beyond the widest window (clock skew between runs, a late alarm). */
const LOAD_MARGIN_MS = HOUR_MS;

function toReminderRefund(r: StoredRefund): ReminderRefund | null {
  return r.deadlineAt === undefined ? null : { refundId: r.refundId, deadlineAt: r.deadlineAt, lastSeenAt: r.lastSeenAt };
}

/** Open seller refunds with a deadline in [now − OVERDUE_BADGE_MS, now + windowMs + LOAD_MARGIN_MS], and the next one. */
export async function loadReminderRefunds(db: RefundRadarDb, now: number, windowMs: number): Promise<ReminderRefund[]> {
  const upper = now + windowMs + LOAD_MARGIN_MS;
  const [inRange, beyond] = await Promise.all([
    db.refunds.where('[actor+deadlineAt]').between(['seller', now - OVERDUE_BADGE_MS], ['seller', upper], true, true).toArray(),
    db.refunds.where('[actor+deadlineAt]').between(['seller', upper], ['seller', Dexie.maxKey], false, true).first(),
  ]);
  return [...inRange, ...(beyond ? [beyond] : [])].map(toReminderRefund).filter((r): r is ReminderRefund => r !== null);
}

const ReminderStateSchema = z.object({
  notified: z.record(z.string(), z.object({ urgent: z.optional(z.number()), due: z.optional(z.number()) })),
});
type ReminderState = z.infer<typeof ReminderStateSchema>;

/** The notified record; a missing or corrupt value reads as nothing notified yet. */
export async function loadNotified(db: RefundRadarDb): Promise<NotifiedRecord> {
  const parsed = ReminderStateSchema.safeParse(await getSetting(db, REMINDER_STATE_KEY));
  return parsed.success ? parsed.data.notified : {};
}

export async function saveNotified(db: RefundRadarDb, notified: NotifiedRecord): Promise<void> {
  await putSetting(db, REMINDER_STATE_KEY, { notified } satisfies ReminderState);
}

// Reminder settings (issue point 4): the off switch, quiet hours (Beijing wall clock, may cross midnight) and how
// long before the deadline the "about to go overdue" reminder fires: the `reminders` field of the settings object
// (settings.ts), read like every other field through the one tolerant parser (parse.ts).
import * as z from 'zod/mini';

/** "HH:MM", 00:00 … 23:59, read as Beijing time. */
const HhMmSchema = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式 HH:MM / time as HH:MM'));

const QuietHoursSchema = z.object({
  enabled: z.boolean(),
  /** Start of the quiet period (inclusive). start > end crosses midnight; start === end is an empty period. */
  start: HhMmSchema,
  /** End of the quiet period (exclusive): reminders held back during the period are shown then, if still relevant. */
  end: HhMmSchema,
});
export type QuietHours = z.infer<typeof QuietHoursSchema>;

export const ReminderSettingsSchema = z.object({
  /** Off switch for desktop notifications. The toolbar count is shown either way. */
  enabled: z.boolean(),
  quietHours: QuietHoursSchema,
  /** "About to go overdue": minutes left at or under which the second reminder fires (1 min … 24 h). */
  dueMinutes: z.number().check(z.int(), z.gte(1), z.lte(24 * 60)),
});
export type ReminderSettings = z.infer<typeof ReminderSettingsSchema>;

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  enabled: true,
  quietHours: { enabled: false, start: '22:00', end: '08:00' },
  dueMinutes: 30,
};

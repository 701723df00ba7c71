// Reminder settings (issue point 4): the off switch, quiet hours (Beijing wall clock, may cross midnight) and how
// long before the deadline the "about to go overdue" reminder fires. Meant to be the `reminders` field of the one
// settings object (lib/settings.ts); until it is, and for any older or corrupt stored value, readers go through
// `parseReminderSettings`, which falls back field by field.
import * as z from 'zod/mini';

/** "HH:MM", 00:00 … 23:59, read as Beijing time. */
export const HhMmSchema = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式 HH:MM / time as HH:MM'));

export const QuietHoursSchema = z.object({
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

function fieldwise<T extends Record<string, unknown>>(schema: z.ZodMiniObject, stored: unknown, defaults: T): T {
  const out: Record<string, unknown> = { ...defaults };
  if (stored && typeof stored === 'object') {
    const shape = schema.def.shape as Record<string, z.ZodMiniType>;
    for (const [key, field] of Object.entries(shape)) {
      const parsed = field.safeParse((stored as Record<string, unknown>)[key]);
      if (parsed.success) out[key] = parsed.data;
    }
  }
  return out as T;
}

/** Tolerant read: missing or invalid fields (also inside quietHours) take their defaults; never throws. */
export function parseReminderSettings(stored: unknown): ReminderSettings {
  const whole = ReminderSettingsSchema.safeParse(stored);
  if (whole.success) return whole.data;
  const out = fieldwise(ReminderSettingsSchema, stored, DEFAULT_REMINDER_SETTINGS);
  const quiet = (stored as { quietHours?: unknown } | null | undefined)?.quietHours;
  if (!QuietHoursSchema.safeParse(quiet).success) out.quietHours = fieldwise(QuietHoursSchema, quiet, DEFAULT_REMINDER_SETTINGS.quietHours);
  return out;
}

/** The reminder settings inside a stored settings object (its `reminders` field), tolerant like parseSettings. */
export function reminderSettingsOf(storedSettings: unknown): ReminderSettings {
  const reminders = storedSettings && typeof storedSettings === 'object' ? (storedSettings as { reminders?: unknown }).reminders : undefined;
  return parseReminderSettings(reminders);
}

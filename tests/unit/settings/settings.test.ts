import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, SettingsSchema } from '@/lib/settings/settings';

describe('settings', () => {
  it('the defaults are valid', () => {
    expect(SettingsSchema.safeParse(DEFAULT_SETTINGS).success).toBe(true);
  });
  it('keeps valid fields of a partly corrupt stored object and defaults the rest', () => {
    const s = parseSettings({ windowDays: 30, weights: [3, 2, 1], platinumLead: 'x', thresholds: { seller: { urgentHours: 9, soonHours: 1 } } });
    expect(s.windowDays).toBe(30);
    expect(s.weights).toEqual([3, 2, 1]);
    expect(s.platinumLead).toBe(90);
    expect(s.thresholds).toEqual(DEFAULT_SETTINGS.thresholds); // urgent > soon is refused
  });
  it('garbage gives the defaults', () => {
    expect(parseSettings('nope')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
  });
  it('refuses a window other than 28 or 30 days and all-zero weights', () => {
    expect(SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, windowDays: 29 }).success).toBe(false);
    expect(SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, weights: [0, 0, 0] }).success).toBe(false);
  });
});

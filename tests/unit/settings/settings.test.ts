import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsSchema } from '@/lib/settings/settings';

describe('settings', () => {
  it('the defaults are valid', () => {
    expect(SettingsSchema.safeParse(DEFAULT_SETTINGS).success).toBe(true);
  });
  it('refuses a window other than 28 or 30 days and all-zero weights', () => {
    expect(SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, windowDays: 29 }).success).toBe(false);
    expect(SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, weights: [0, 0, 0] }).success).toBe(false);
  });
  it('has no field named `version`: the stored value keeps its version there (lib/settings/versions.ts)', () => {
    expect(Object.keys(SettingsSchema.def.shape)).not.toContain('version');
  });
});

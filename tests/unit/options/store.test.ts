import { describe, expect, it } from 'vitest';
import { getSetting, putSetting } from '@/lib/db/queries';
import { loadDashboard } from '@/lib/db/load-dashboard';
import { loadSettings, updateSettings } from '@/lib/options/store';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '@/lib/settings/settings';
import { SETTINGS_VERSION } from '@/lib/settings/versions';
import { SETTINGS_KEY } from '@/lib/storage/keys';
import { T0, databasesPerTest } from '../db/helpers';
import { storedFixture } from '../settings/fixtures/load';

const open = databasesPerTest();
/** What the user typed in 0.1.0 (non-default everywhere). */
const typed = (): Settings => SettingsSchema.parse(storedFixture(1));

describe('settings store: versioned writes, reads that never write', () => {
  it('a save stores the settings with the current version; a load reads them back', async () => {
    const db = open();
    const saved = await updateSettings(db, (s) => ({ ...s, platinumLead: 95 }));
    expect(await getSetting(db, SETTINGS_KEY)).toEqual({ version: SETTINGS_VERSION, ...DEFAULT_SETTINGS, platinumLead: 95 });
    expect(await loadSettings(db)).toEqual(saved);
  });

  it('0.1.0’s unversioned value: read with every typed value, left as it is until the user saves, then versioned', async () => {
    const db = open();
    await putSetting(db, SETTINGS_KEY, storedFixture(1));
    expect(await loadSettings(db)).toEqual(typed());
    expect((await loadDashboard(db, T0)).settings).toEqual(typed());
    expect(await getSetting(db, SETTINGS_KEY)).toEqual(storedFixture(1));

    await updateSettings(db, (s) => ({ ...s, windowDays: 28 }));
    expect(await getSetting(db, SETTINGS_KEY)).toEqual({ version: SETTINGS_VERSION, ...typed(), windowDays: 28 });
  });

  it('a newer version’s value (a downgrade): read as far as this build can, never written over by a read', async () => {
    const db = open();
    const { windowDays: _renamed, ...rest } = typed();
    const newer = { ...rest, version: SETTINGS_VERSION + 1, windowLength: { days: 30 } };
    await putSetting(db, SETTINGS_KEY, newer);
    expect(await loadSettings(db)).toEqual({ ...typed(), windowDays: DEFAULT_SETTINGS.windowDays });
    expect((await loadDashboard(db, T0)).settings).toEqual({ ...typed(), windowDays: DEFAULT_SETTINGS.windowDays });
    expect(await getSetting(db, SETTINGS_KEY)).toEqual(newer);

    // Saving is the user's choice: then this build's version is stored.
    await updateSettings(db, (s) => ({ ...s, platinumLead: 91 }));
    expect(await getSetting(db, SETTINGS_KEY)).toMatchObject({ version: SETTINGS_VERSION, platinumLead: 91, windowDays: DEFAULT_SETTINGS.windowDays });
  });

  it('a save keeps every other field of a partly corrupt value and repairs only the corrupt one', async () => {
    const db = open();
    await putSetting(db, SETTINGS_KEY, { ...storedFixture(2), reminders: { ...typed().reminders, quietHours: { ...typed().reminders.quietHours, end: '24:00' } } });
    await updateSettings(db, (s) => ({ ...s, platinumLead: 91 }));
    const repaired = { ...typed().reminders, quietHours: { ...typed().reminders.quietHours, end: DEFAULT_SETTINGS.reminders.quietHours.end } };
    expect(await getSetting(db, SETTINGS_KEY)).toEqual({ version: SETTINGS_VERSION, ...typed(), platinumLead: 91, reminders: repaired });
  });
});

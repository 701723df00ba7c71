import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '@/lib/settings/settings';
import { readSettings, toStoredSettings } from '@/lib/settings/stored';
import { SETTINGS_VERSION } from '@/lib/settings/versions';
import { FIXTURE_VERSIONS, storedFixture } from './fixtures/load';

/** The current version's fixture without its version: what every fixture must read to. */
function current(): Settings {
  const { version: _version, ...fields } = storedFixture(SETTINGS_VERSION);
  return SettingsSchema.parse(fields);
}

/** Paths of the leaves where `a` and `b` are equal (arrays compared whole). */
function equalLeaves(a: unknown, b: unknown, path = ''): string[] {
  const isObj = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObj(a) || !isObj(b)) return JSON.stringify(a) === JSON.stringify(b) ? [path] : [];
  const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
  return [...keys].flatMap((k) => equalLeaves((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`));
}

describe('every version’s fixture reads to the current settings with every typed value kept', () => {
  it('the typed values differ from the defaults everywhere (a lost value cannot pass as a default)', () => {
    expect(equalLeaves(current(), DEFAULT_SETTINGS)).toEqual([]);
  });
  it.each(FIXTURE_VERSIONS.map((v) => [v]))('version %i', (version) => {
    expect(readSettings(storedFixture(version))).toEqual(current());
  });
  it('an early version 1 without a later field (before the reminders existed) keeps all it has', () => {
    const { reminders: _reminders, ...early } = storedFixture(1);
    expect(readSettings(early)).toEqual({ ...current(), reminders: DEFAULT_SETTINGS.reminders });
  });
});

describe('readSettings / toStoredSettings', () => {
  it('nothing stored reads as the defaults', () => {
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });
  it('what is written carries the current version and reads back as it was', () => {
    const stored = toStoredSettings(current());
    expect(stored.version).toBe(SETTINGS_VERSION);
    expect(stored).toEqual(storedFixture(SETTINGS_VERSION));
    expect(readSettings(stored)).toEqual(current());
  });
  it('a newer version (a downgrade): every field this build knows keeps its value; a renamed one takes its default', () => {
    const { windowDays: _renamed, ...rest } = current();
    const newer = { ...rest, version: SETTINGS_VERSION + 1, windowLength: { days: 30 }, futureField: true };
    const copy = structuredClone(newer);
    expect(readSettings(newer)).toEqual({ ...current(), windowDays: DEFAULT_SETTINGS.windowDays });
    expect(newer).toEqual(copy); // read, not changed
  });
  it('a partly corrupt value of the current version falls back field by field', () => {
    const stored = { ...toStoredSettings(current()), reminders: { ...current().reminders, quietHours: { ...current().reminders.quietHours, start: 'x' } } };
    expect(readSettings(stored).reminders).toEqual({ ...current().reminders, quietHours: { ...current().reminders.quietHours, start: '22:00' } });
  });
  it('never throws and always gives valid settings, whatever version and fields were stored', () => {
    const version = fc.oneof(fc.integer({ min: -2, max: SETTINGS_VERSION + 3 }), fc.anything());
    const stored = fc.oneof(
      fc.anything(),
      fc.tuple(version, fc.dictionary(fc.constantFrom(...Object.keys(DEFAULT_SETTINGS)), fc.anything())).map(([v, fields]) => ({ ...fields, version: v })),
      fc.tuple(version, fc.constantFrom(...FIXTURE_VERSIONS)).map(([v, f]) => ({ ...storedFixture(f), version: v })),
    );
    fc.assert(
      fc.property(stored, (value) => {
        expect(SettingsSchema.safeParse(readSettings(value)).success).toBe(true);
      }),
    );
  });
});

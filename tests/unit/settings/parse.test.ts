import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSettings } from '@/lib/settings/parse';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '@/lib/settings/settings';
import { storedFixture } from './fixtures/load';

/** What the user typed (the v1 fixture: every value differs from its default), as current settings. */
const typed = (): Settings => SettingsSchema.parse(storedFixture(1));

/** `typed()` with the value at `path` replaced (undefined: removed). */
function typedWith(path: ReadonlyArray<string | number>, value: unknown): Record<string, unknown> {
  const root = typed() as unknown as Record<string, unknown>;
  let at: Record<string | number, unknown> = root;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete at[last];
  else at[last] = value;
  return root;
}

/** Every path into the typed settings (objects and arrays, down to the leaves). */
function pathsOf(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value !== 'object' || value === null) return [];
  const keys: Array<string | number> = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((k) => [[...prefix, k], ...pathsOf((value as Record<string | number, unknown>)[k], [...prefix, k])]);
}

describe('parseSettings: valid values', () => {
  it('returns valid settings as they are', () => {
    expect(parseSettings(typed())).toEqual(typed());
    expect(parseSettings(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });
  it('garbage, nothing stored or a non-object give the defaults', () => {
    for (const junk of ['nope', null, undefined, 42, [], [typed()]]) expect(parseSettings(junk)).toEqual(DEFAULT_SETTINGS);
  });
  it('an optional field left empty stays empty (the user cleared it), it does not take a default', () => {
    const s = parseSettings(typedWith(['benchmarks', 'disputeRate', 'industryAverage'], undefined));
    expect(s.benchmarks.disputeRate).toEqual({ platinum: 0.00005 });
  });
  it('drops fields the schema does not know', () => {
    expect(parseSettings({ ...typed(), stray: 1 })).toEqual(typed());
  });
});

describe('parseSettings: a partly corrupt value keeps every valid field, at every depth', () => {
  it('top level: an invalid field takes its default, the others stay', () => {
    const s = parseSettings({ ...typed(), platinumLead: 'x', windowDays: 29 });
    expect(s).toEqual({ ...typed(), platinumLead: DEFAULT_SETTINGS.platinumLead, windowDays: DEFAULT_SETTINGS.windowDays });
  });
  it('top level: missing fields (an older, shorter object) take their defaults', () => {
    const s = parseSettings({ windowDays: 30, weights: [3, 2, 1], platinumLead: 'x', thresholds: { seller: { urgentHours: 9, soonHours: 1 } } });
    expect(s).toEqual({ ...DEFAULT_SETTINGS, windowDays: 30, weights: [3, 2, 1] }); // the seller's urgent > soon is refused
  });
  it('second level: a corrupt reminders.dueMinutes keeps the rest of reminders', () => {
    const s = parseSettings(typedWith(['reminders', 'dueMinutes'], 0));
    expect(s.reminders).toEqual({ ...typed().reminders, dueMinutes: DEFAULT_SETTINGS.reminders.dueMinutes });
    expect(s).toEqual({ ...typed(), reminders: s.reminders });
  });
  it('second level: a corrupt official.date keeps the other official figures', () => {
    const { date: _date, ...rest } = typed().official;
    expect(parseSettings(typedWith(['official', 'date'], '2026-11-19T00:00')).official).toEqual(rest);
  });
  it('third level: a corrupt reminders.quietHours.start keeps the rest of reminders and of quietHours', () => {
    const s = parseSettings(typedWith(['reminders', 'quietHours', 'start'], '25:00'));
    expect(s.reminders).toEqual({ ...typed().reminders, quietHours: { ...typed().reminders.quietHours, start: DEFAULT_SETTINGS.reminders.quietHours.start } });
    expect(s).toEqual({ ...typed(), reminders: s.reminders });
  });
  it('third level: a corrupt benchmark keeps its sibling and the other benchmarks', () => {
    const s = parseSettings(typedWith(['benchmarks', 'completionDays', 'platinum'], -1));
    expect(s.benchmarks).toEqual({ ...typed().benchmarks, completionDays: { industryAverage: 3.1 } });
  });
  it("third level: an object's own rule refusing the mix gives that object's default, nothing more", () => {
    // urgentHours 20 is a valid number, but not with soonHours 12: the seller's level is the default one.
    const s = parseSettings(typedWith(['thresholds', 'seller', 'urgentHours'], 20));
    expect(s.thresholds).toEqual({ seller: DEFAULT_SETTINGS.thresholds.seller, buyer: typed().thresholds.buyer });
  });
  it('the reminder cases the reminder service used to parse on its own', () => {
    expect(parseSettings({ reminders: { enabled: false } }).reminders).toEqual({ ...DEFAULT_SETTINGS.reminders, enabled: false });
    expect(parseSettings({ reminders: { dueMinutes: 0, quietHours: { enabled: true, start: '25:00', end: '07:30' } } }).reminders).toEqual({
      ...DEFAULT_SETTINGS.reminders,
      quietHours: { enabled: true, start: '22:00', end: '07:30' },
    });
    expect(parseSettings({ reminders: 'junk' }).reminders).toEqual(DEFAULT_SETTINGS.reminders);
  });
  it('a corrupt weights tuple takes the default weights (no half tuple)', () => {
    for (const weights of [[3, 'x', 1], [3, 2], [0, 0, 0], 'x']) expect(parseSettings({ ...typed(), weights }).weights).toEqual(DEFAULT_SETTINGS.weights);
  });
  it('a corrupt rule takes the default rules table (one rule alone has no default of its own)', () => {
    const s = parseSettings(typedWith(['rules', 3, 'limitHours'], -5));
    expect(s).toEqual({ ...typed(), rules: DEFAULT_SETTINGS.rules });
  });
});

describe('parseSettings: properties', () => {
  it('never throws and always returns settings the schema accepts, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(SettingsSchema.safeParse(parseSettings(value)).success).toBe(true);
      }),
    );
  });

  const paths = pathsOf(typed());
  it('a value with one field anywhere replaced by anything: valid, and reading it again changes nothing', () => {
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.option(fc.anything(), { nil: undefined }), (path, value) => {
        const s = parseSettings(typedWith(path, value));
        expect(SettingsSchema.safeParse(s).success).toBe(true);
        expect(parseSettings(s)).toEqual(s);
      }),
    );
  });

  it('a value with one field replaced keeps every top-level field it did not touch', () => {
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.anything(), (path, value) => {
        const s = parseSettings(typedWith(path, value)) as unknown as Record<string, unknown>;
        const untouched = Object.keys(typed()).filter((k) => k !== path[0]);
        for (const k of untouched) expect(s[k]).toEqual((typed() as unknown as Record<string, unknown>)[k]);
      }),
    );
  });
});

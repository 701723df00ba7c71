import { describe, expect, it, vi } from 'vitest';
import { migrateSettings, SETTINGS_VERSION, storedSettingsVersion } from '@/lib/settings/versions';
import { FIXTURE_VERSIONS, storedFixture } from './fixtures/load';

/** Three steps (so versions 1 … 4) that each append their number to `trail`. */
function trailSteps() {
  return [1, 2, 3].map((n) => vi.fn((data: unknown) => ({ ...(data as object), trail: [...(data as { trail: number[] }).trail, n] })));
}

describe('settings versions', () => {
  it('version 2 is current: version 1 stored the bare object (0.1.0), version 2 added the version itself', () => {
    expect(SETTINGS_VERSION).toBe(2);
  });
  it('there is a fixture for every version up to the current one, and none beyond', () => {
    expect(FIXTURE_VERSIONS).toEqual(Array.from({ length: SETTINGS_VERSION }, (_, i) => i + 1));
    for (const v of FIXTURE_VERSIONS) expect(storedSettingsVersion(storedFixture(v))).toBe(v);
  });
  it('the stored version: none → 1, a version field → that version, an unreadable one → undefined', () => {
    expect(storedSettingsVersion({ windowDays: 30 })).toBe(1);
    expect(storedSettingsVersion(undefined)).toBe(1);
    expect(storedSettingsVersion('junk')).toBe(1);
    expect(storedSettingsVersion({ version: 2 })).toBe(2);
    expect(storedSettingsVersion({ version: 7 })).toBe(7);
    for (const version of ['2', 0, 1.5, null, undefined]) expect(storedSettingsVersion({ version })).toBeUndefined();
  });
});

describe('migrateSettings', () => {
  it('runs every step from the stored version on, each exactly once and in order', () => {
    const steps = trailSteps();
    expect(migrateSettings({ trail: [] }, steps)).toEqual({ trail: [1, 2, 3] });
    for (const step of steps) expect(step).toHaveBeenCalledTimes(1);
    expect(steps[0]!.mock.invocationCallOrder[0]).toBeLessThan(steps[1]!.mock.invocationCallOrder[0]!);
    expect(steps[1]!.mock.invocationCallOrder[0]).toBeLessThan(steps[2]!.mock.invocationCallOrder[0]!);
  });
  it('starts at the stored version: the steps before it already ran when it was written', () => {
    expect(migrateSettings({ version: 2, trail: [] }, trailSteps())).toEqual({ trail: [2, 3] });
    expect(migrateSettings({ version: 3, trail: [] }, trailSteps())).toEqual({ trail: [3] });
  });
  it('runs no step on the current version, a newer one (a downgrade) or an unreadable one, and drops the version', () => {
    for (const version of [4, 5, 99, 'x']) {
      const steps = trailSteps();
      expect(migrateSettings({ version, trail: [], kept: 'as stored' }, steps)).toEqual({ trail: [], kept: 'as stored' });
      for (const step of steps) expect(step).not.toHaveBeenCalled();
    }
  });
  it('hands a non-object to the steps as it is (a step must cope with whatever was stored)', () => {
    const seen: unknown[] = [];
    migrateSettings('junk', [(d) => (seen.push(d), d)]);
    expect(seen).toEqual(['junk']);
  });
  it('the real step 1 → 2 keeps every field of the v1 fixture: version 2 changed no field', () => {
    expect(migrateSettings(storedFixture(1))).toEqual(storedFixture(1));
  });
});

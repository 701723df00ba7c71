// Settings versions (issue 9 point 4): every change to the stored shape (a field renamed, moved, re-scaled) is a new
// version with one migration step, so an update carries over what the user typed instead of resetting it to the
// default. Models: WXT's storage.defineItem (`version` + `migrations`) and read-frog's one script per version step.
//
// The stored value carries its version in a `version` field beside the settings fields; a value without one is
// version 1 (0.1.0 wrote none). Beside the fields rather than wrapped around them, so a build that knows no versions
// (0.1.0, after a downgrade, or importing a newer export) still reads the fields it knows and ignores the number.
import * as z from 'zod/mini';
import { v1ToV2 } from './migrations/v1-to-v2';

/**
 * Takes one version's settings data to the next. It gets whatever was stored (partial, corrupt, not even an object)
 * and must not throw: it moves what it recognises and leaves the rest to the tolerant parse (parse.ts).
 */
type SettingsMigration = (data: unknown) => unknown;

/** Step i takes version i + 1 to version i + 2: a new version appends its step here. */
const SETTINGS_MIGRATIONS: readonly SettingsMigration[] = [v1ToV2];

/** The version this build writes. */
export const SETTINGS_VERSION = SETTINGS_MIGRATIONS.length + 1;

const VersionSchema = z.number().check(z.int(), z.gte(1));

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The version a stored value was written by: 1 when it has no `version` field (0.1.0), undefined when the field is
 * there but unreadable (only a build after 0.1.0 wrote it, so the data is not version 1's: read as it is).
 */
export function storedSettingsVersion(stored: unknown): number | undefined {
  if (!isRecord(stored) || !('version' in stored)) return 1;
  const version = VersionSchema.safeParse(stored.version);
  return version.success ? version.data : undefined;
}

/**
 * The settings data of a stored value (without its version), brought up to the current version: each step from the
 * stored version on runs once, in order. A value from a newer version (a downgrade) gets no step: it is read as it
 * is, so the fields this build knows keep their values.
 */
export function migrateSettings(stored: unknown, migrations: readonly SettingsMigration[] = SETTINGS_MIGRATIONS): unknown {
  const from = storedSettingsVersion(stored) ?? migrations.length + 1;
  let data: unknown = stored;
  if (isRecord(stored)) {
    const { version: _version, ...fields } = stored;
    data = fields;
  }
  for (let v = from; v <= migrations.length; v++) data = migrations[v - 1]!(data);
  return data;
}

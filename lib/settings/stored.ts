// The settings as stored under SETTINGS_KEY and as a JSON export carries them: the settings fields plus the version
// that wrote them (versions.ts). Every reader goes through `readSettings`, every writer through `toStoredSettings`.
import { parseSettings } from './parse';
import type { Settings } from './settings';
import { migrateSettings, SETTINGS_VERSION } from './versions';

type StoredSettings = Settings & { version: number };

/**
 * Any stored value (any version, or none stored) as current settings: migrated up from its version, then read
 * field by field. Never throws. Readers do not write back what they read, so a newer version's value stays stored as
 * it is until the user saves (lib/options/store.ts).
 */
export function readSettings(stored: unknown): Settings {
  return parseSettings(migrateSettings(stored));
}

/** The value to store for `settings`: marked with the current version. */
export function toStoredSettings(settings: Settings): StoredSettings {
  return { version: SETTINGS_VERSION, ...settings };
}

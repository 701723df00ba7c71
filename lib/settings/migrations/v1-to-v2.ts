// Settings version 1 → 2. Version 1 is what every install up to 0.1.0 stored: the bare settings object. Version 2
// changed only where the version is kept (the stored object now carries it, see ../versions.ts), not a field, so
// the settings data passes through as it was.
export function v1ToV2(data: unknown): unknown {
  return data;
}

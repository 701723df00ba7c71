// The one tolerant reader of settings data in the current shape (issue 9 point 4). A stored value may be partly
// corrupt (edited by hand, written by a buggy build, cut short): what is valid is kept and only what is not takes its
// default, at every depth, so one bad field never resets what the user typed elsewhere. Never throws.
import type * as z from 'zod/mini';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from './settings';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectShape(schema: z.ZodMiniType): Record<string, z.ZodMiniType> | undefined {
  const def = schema.def as { type: string; shape?: Record<string, z.ZodMiniType> };
  return def.type === 'object' ? def.shape : undefined;
}

/**
 * `value` if `schema` accepts it; else, for an object, each field read the same way against its own default, the
 * result checked again as a whole (an object's own rule, e.g. urgentHours ≤ soonHours, may refuse the mix: then the
 * object's default). Anything else (numbers, enums, the weights tuple, the rules table) is valid or its default:
 * half a tuple or one rule out of a table has no default of its own that would make sense.
 */
function readField(schema: z.ZodMiniType, value: unknown, fallback: unknown): unknown {
  const whole = schema.safeParse(value);
  if (whole.success) return whole.data;
  const shape = objectShape(schema);
  if (!shape || !isRecord(value) || !isRecord(fallback)) return fallback;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    const read = readField(field, value[key], fallback[key]);
    if (read !== undefined) out[key] = read; // an optional field with neither a valid value nor a default stays absent
  }
  const mixed = schema.safeParse(out);
  return mixed.success ? mixed.data : fallback;
}

/** Settings data in the current shape (after the migrations) read field by field, defaults for what is invalid. */
export function parseSettings(data: unknown): Settings {
  return readField(SettingsSchema, data, DEFAULT_SETTINGS) as Settings;
}

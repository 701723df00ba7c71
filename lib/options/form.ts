// The options page's form model (issue 3 §5): text typed in a field → a candidate Settings object validated by
// SettingsSchema (lib/settings/settings.ts), and zod issues → per-field messages (message keys + parameters in the field's own
// display unit, so the view can word them in the UI language). Pure: no DOM, no storage.
import type * as z from 'zod/mini';
import { badness, ignoredPlatinumAnchors, SUB_INDICATORS, type SubIndicator } from '../composite';
import { complementPercent, fractionToPercentText, numberToPlainString, parseDecimalText, shiftDecimal } from './number-input';
import { SettingsSchema, type Settings } from '../settings/settings';
import { beijingToInstant } from '../time/beijing';

type Path = ReadonlyArray<PropertyKey>;

/**
 * How a field is shown: `percent` = typed in %, stored as a fraction; `leadPct` = a percentage stored as is (when the
 * user types 排名占比 it is stored as 100 − x); `date` = YYYY-MM-DD text; the rest are plain numbers in that unit.
 */
type FieldUnit = 'percent' | 'days' | 'hours' | 'plain' | 'leadPct' | 'date';

export interface FieldDef {
  /** DOM id of the input; also the key of texts and errors. */
  id: string;
  path: Path;
  unit: FieldUnit;
  /** Empty text removes the value (benchmarks, official figures); otherwise empty is an error. */
  optional?: boolean;
}

/**
 * The message keys of public/_locales a field error can name (the options page passes them to t(), whose key type,
 * generated from the locale files, rejects one that is not there).
 */
type FieldMessageKey =
  | 'options_errAbove'
  | 'options_errBelow'
  | 'options_errDate'
  | 'options_errInvalid'
  | 'options_errMax'
  | 'options_errMin'
  | 'options_errNegative'
  | 'options_errNotNumber'
  | 'options_errRequired'
  | 'options_errUrgentAboveSoon'
  | 'options_errWeightsZero'
  | 'options_errCount'
  | 'options_errCountCell'
  | 'options_errFillDays';

/** A message key of public/_locales (options_…) and its substitutions. */
export interface FieldMessage {
  key: FieldMessageKey;
  params?: string[];
}

export type FieldErrors = Record<string, FieldMessage>;
export type FieldTexts = Record<string, string>;

interface FormResult {
  /** The validated candidate, or null when any field is invalid (then nothing may be saved). */
  settings: Settings | null;
  errors: FieldErrors;
}

export interface FormOptions {
  /** `leadPct` fields: the user typed 排名占比 (rank share); stored as 100 − x. */
  rankShare?: boolean;
}

function getAt(obj: unknown, path: Path): unknown {
  let cur = obj;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

function setAt(obj: unknown, path: Path, value: unknown): void {
  let cur = obj as Record<PropertyKey, unknown>;
  for (const key of path.slice(0, -1)) cur = cur[key] as Record<PropertyKey, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete cur[last];
  else cur[last] = value;
}

/** The text a field shows for the stored value ('' when absent). */
function formatStored(value: unknown, unit: FieldUnit, options: FormOptions = {}): string {
  if (value === undefined || value === null) return '';
  if (unit === 'date') return String(value);
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  if (unit === 'percent') return fractionToPercentText(value);
  if (unit === 'leadPct' && options.rankShare) return numberToPlainString(complementPercent(value));
  return numberToPlainString(value);
}

/** Texts of all fields from stored settings. */
export function textsFromSettings(settings: Settings, fields: readonly FieldDef[], options: FormOptions = {}): FieldTexts {
  return Object.fromEntries(fields.map((f) => [f.id, formatStored(getAt(settings, f.path), f.unit, options)]));
}

/** A zod bound (stored unit) in the field's display unit. */
function displayBound(bound: number | bigint, unit: FieldUnit): string {
  const n = Number(bound);
  return unit === 'percent' ? fractionToPercentText(n) : numberToPlainString(n);
}

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((k, i) => path[i] === k);
}

/** One zod issue → the message for a field. */
function issueMessage(issue: z.core.$ZodIssue, unit: FieldUnit): FieldMessage {
  switch (issue.code) {
    case 'too_small':
      if (Number(issue.minimum) === 0 && issue.inclusive) return { key: 'options_errNegative' };
      return { key: issue.inclusive ? 'options_errMin' : 'options_errAbove', params: [displayBound(issue.minimum, unit)] };
    case 'too_big':
      return { key: issue.inclusive ? 'options_errMax' : 'options_errBelow', params: [displayBound(issue.maximum, unit)] };
    case 'invalid_type':
      return { key: 'options_errNotNumber' };
    case 'invalid_format':
      return { key: 'options_errDate' };
    case 'custom':
      if (issue.path[0] === 'weights') return { key: 'options_errWeightsZero' };
      if (issue.path[0] === 'thresholds') return { key: 'options_errUrgentAboveSoon' };
      return { key: 'options_errInvalid' };
    default:
      return { key: 'options_errInvalid' };
  }
}

/**
 * Applies the texts of `fields` to a copy of `base` (after `patch`, for radios and checkboxes), validates the whole
 * object with SettingsSchema and maps every issue to the field it concerns. An issue on a group (weights all zero,
 * urgent above soon) goes to the first field of that group.
 */
export function buildSettings(
  base: Settings,
  fields: readonly FieldDef[],
  texts: FieldTexts,
  options: FormOptions & { patch?: (draft: Settings) => void } = {},
): FormResult {
  const draft = structuredClone(base);
  options.patch?.(draft);
  const errors: FieldErrors = {};
  for (const f of fields) {
    const text = texts[f.id] ?? '';
    if (f.unit === 'date') {
      const s = text.trim();
      if (s === '') {
        if (f.optional) setAt(draft, f.path, undefined);
        else errors[f.id] = { key: 'options_errRequired' };
        continue;
      }
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
      if (m && beijingToInstant(Number(m[1]), Number(m[2]), Number(m[3])) === null) errors[f.id] = { key: 'options_errDate' };
      setAt(draft, f.path, s);
      continue;
    }
    const parsed = parseDecimalText(text, f.unit === 'percent' || f.unit === 'leadPct');
    if (parsed.kind === 'empty') {
      if (f.optional) setAt(draft, f.path, undefined);
      else errors[f.id] = { key: 'options_errRequired' };
      continue;
    }
    if (parsed.kind === 'invalid') {
      errors[f.id] = { key: 'options_errNotNumber' };
      continue;
    }
    let value = parsed.value;
    if (f.unit === 'percent') value = Number(shiftDecimal(parsed.decimal, -2));
    if (f.unit === 'leadPct' && options.rankShare) {
      if (value < 0 || value > 100) {
        errors[f.id] = value < 0 ? { key: 'options_errNegative' } : { key: 'options_errMax', params: ['100'] };
        continue;
      }
      value = complementPercent(value);
    }
    setAt(draft, f.path, value);
  }
  const result = SettingsSchema.safeParse(draft);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = fields.find((f) => startsWith(f.path, issue.path)) ?? fields.find((f) => startsWith(issue.path, f.path));
      if (!field) {
        // An issue outside this form's fields: the stored base itself is invalid. Report it on the first field
        // rather than saving something the schema refuses.
        if (fields[0] && !errors[fields[0].id]) errors[fields[0].id] = { key: 'options_errInvalid' };
        continue;
      }
      if (!errors[field.id]) errors[field.id] = issueMessage(issue, field.unit);
    }
  }
  const ok = result.success && Object.keys(errors).length === 0;
  return { settings: ok ? result.data : null, errors };
}

// ---- The sections' fields ---------------------------------------------------------------------------------------

const BENCH_UNITS: Record<SubIndicator, FieldUnit> = { disputeRate: 'percent', completionDays: 'days', selfCompletionRate: 'percent' };

export function benchmarkFieldId(key: SubIndicator, which: 'industryAverage' | 'platinum'): string {
  return `bench-${key}-${which}`;
}

export const BENCHMARK_FIELDS: readonly FieldDef[] = SUB_INDICATORS.flatMap((key) =>
  (['industryAverage', 'platinum'] as const).map((which) => ({
    id: benchmarkFieldId(key, which),
    path: ['benchmarks', key, which],
    unit: BENCH_UNITS[key],
    optional: true,
  })),
);

type BenchmarkWarning = 'platinumIgnored' | 'noAverage';

/** §6.6 warnings per sub-indicator: a platinum value not better than the average is ignored; no usable average = no estimate. */
export function benchmarkWarnings(benchmarks: Settings['benchmarks']): Partial<Record<SubIndicator, BenchmarkWarning>> {
  const out: Partial<Record<SubIndicator, BenchmarkWarning>> = {};
  const complete: Parameters<typeof ignoredPlatinumAnchors>[0] = {};
  for (const key of SUB_INDICATORS) {
    const bm = benchmarks[key];
    if (bm.industryAverage === undefined || !(badness(key, bm.industryAverage) > 0)) {
      out[key] = 'noAverage';
      continue;
    }
    complete[key] = bm.platinum === undefined ? { industryAverage: bm.industryAverage } : { industryAverage: bm.industryAverage, platinum: bm.platinum };
  }
  for (const key of ignoredPlatinumAnchors(complete)) out[key] = 'platinumIgnored';
  return out;
}

export const WEIGHT_PRESETS = { '1:1:1': [1, 1, 1], '3:2:1': [3, 2, 1] } as const satisfies Record<string, [number, number, number]>;
export type WeightPreset = keyof typeof WEIGHT_PRESETS | 'custom';

export function weightPresetOf(weights: readonly number[]): WeightPreset {
  for (const [name, w] of Object.entries(WEIGHT_PRESETS)) {
    if (w.every((x, i) => weights[i] === x)) return name as WeightPreset;
  }
  return 'custom';
}

export const WEIGHT_FIELDS: readonly FieldDef[] = SUB_INDICATORS.map((key, i) => ({ id: `weight-${key}`, path: ['weights', i], unit: 'plain' }));
export const PLATINUM_LEAD_FIELD: FieldDef = { id: 'platinum-lead', path: ['platinumLead'], unit: 'plain' };

export const THRESHOLD_FIELDS: readonly FieldDef[] = (['seller', 'buyer'] as const).flatMap((who) =>
  (['urgentHours', 'soonHours'] as const).map((level) => ({ id: `threshold-${who}-${level}`, path: ['thresholds', who, level], unit: 'hours' as const })),
);

export const RULE_LIMIT_KEYS = ['limitHours', 'virtualLimitHours', 'postLimitHours', 'signedCapHours'] as const;
export type RuleLimitKey = (typeof RULE_LIMIT_KEYS)[number];

export function ruleFieldId(index: number, key: RuleLimitKey): string {
  return `rule-${index}-${key}`;
}

/** The editable limits of a rules table: every limit a rule has (R8/R9 have none: no deadline). */
export function ruleFields(rules: ReadonlyArray<Settings['rules'][number]>): FieldDef[] {
  const out: FieldDef[] = [];
  rules.forEach((rule, index) => {
    for (const key of RULE_LIMIT_KEYS) {
      const v = rule[key];
      if (v === undefined || v === null) continue;
      out.push({ id: ruleFieldId(index, key), path: ['rules', index, key], unit: 'hours' });
    }
  });
  return out;
}

export const OFFICIAL_FIELDS: readonly FieldDef[] = [
  { id: 'official-date', path: ['official', 'date'], unit: 'date', optional: true },
  { id: 'official-disputeRate', path: ['official', 'disputeRate'], unit: 'percent', optional: true },
  { id: 'official-completionDays', path: ['official', 'completionDays'], unit: 'days', optional: true },
  { id: 'official-selfCompletionRate', path: ['official', 'selfCompletionRate'], unit: 'percent', optional: true },
  { id: 'official-leadPct', path: ['official', 'leadPct'], unit: 'leadPct', optional: true },
];

/** Reminders (issue 4): "about to go overdue" minutes and the quiet-hours clock times (HH:MM, Beijing time). */
export const REMINDER_FIELDS: readonly FieldDef[] = [
  { id: 'reminder-due-minutes', path: ['reminders', 'dueMinutes'], unit: 'plain' },
  { id: 'reminder-quiet-start', path: ['reminders', 'quietHours', 'start'], unit: 'date' },
  { id: 'reminder-quiet-end', path: ['reminders', 'quietHours', 'end'], unit: 'date' },
];

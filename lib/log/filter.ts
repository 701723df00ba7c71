// The log page's filter (issue point 1): one validated object, serialisable in the URL hash so a filtered view can be
// bookmarked ("#status=success&from=2026-11-01&to=2026-11-20&date=applied&sort=deadline"). Every field is optional;
// a missing or invalid field means "no restriction" (or the default order), never an error.
import * as z from 'zod/mini';
import { ACTORS, BADGE_STATES, PHASES, REFUND_STATUSES, REFUND_TYPES } from '../model/vocabulary';
import { addDays, beijingToInstant } from '../time/beijing';

export const LOG_SORTS = ['recent', 'deadline'] as const;
export type LogSort = (typeof LOG_SORTS)[number];

export const DATE_FIELDS = ['applied', 'completed'] as const;
export type DateField = (typeof DATE_FIELDS)[number];

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const date = z.string().check(
  z.regex(DATE_RE),
  z.refine((s) => dateStartOf(s) !== null, 'not a real date'),
);

const LogFilterSchema = z.object({
  /** Refund or order number prefix, digits only (spaces and other characters are dropped by normaliseSearch). */
  q: z.optional(z.string().check(z.regex(/^\d{1,30}$/))),
  /** Which date the from/to range applies to: 申请时间 or 完结时间. */
  date: z.optional(z.enum(DATE_FIELDS)),
  /** Beijing calendar dates, both included. */
  from: z.optional(date),
  to: z.optional(date),
  status: z.optional(z.enum(REFUND_STATUSES)),
  state: z.optional(z.enum(BADGE_STATES)),
  actor: z.optional(z.enum(ACTORS)),
  type: z.optional(z.enum(REFUND_TYPES)),
  phase: z.optional(z.enum(PHASES)),
  /** recent = newest first (default); deadline = nearest deadline first, refunds without one after. */
  sort: z.optional(z.enum(LOG_SORTS)),
});
export type LogFilter = z.infer<typeof LogFilterSchema>;

/** Field order in the hash (stable, so the same filter always gives the same URL). */
export const FILTER_KEYS = ['q', 'date', 'from', 'to', 'status', 'state', 'actor', 'type', 'phase', 'sort'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

function dateStartOf(s: string): number | null {
  const m = DATE_RE.exec(s);
  return m ? beijingToInstant(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** What the search box accepts: digits only (NFKC folds full-width digits), so "  1234 5678" searches "12345678". */
export function normaliseSearch(text: string): string {
  return text.normalize('NFKC').replace(/\D+/g, '').slice(0, 30);
}

/** Keeps every valid field, drops the others (a stale or hand-edited bookmark still opens). */
export function parseFilter(input: Record<string, unknown>): LogFilter {
  const out: Record<string, unknown> = {};
  const shape = LogFilterSchema.def.shape as Record<string, z.ZodMiniType>;
  for (const key of FILTER_KEYS) {
    const raw = input[key];
    if (raw === undefined || raw === '') continue;
    const value = key === 'q' && typeof raw === 'string' ? normaliseSearch(raw) : raw;
    if (value === '') continue;
    const r = shape[key]!.safeParse(value);
    if (r.success) out[key] = r.data;
  }
  return out as LogFilter;
}

/** "#q=12&status=success" (or "q=12…", or a whole URL) → LogFilter. */
export function filterFromHash(hash: string): LogFilter {
  const i = hash.indexOf('#');
  const params = new URLSearchParams(i >= 0 ? hash.slice(i + 1) : hash);
  const input: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const v = params.get(key);
    if (v !== null) input[key] = v;
  }
  return parseFilter(input);
}

/** LogFilter → "#q=12&status=success", or "" for the empty filter. Defaults (sort=recent) are left out. */
export function filterToHash(filter: LogFilter): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const v = filter[key];
    if (v === undefined || v === '') continue;
    if (key === 'sort' && v === 'recent') continue;
    params.set(key, String(v));
  }
  const s = params.toString();
  return s ? `#${s}` : '';
}

export function isEmptyFilter(filter: LogFilter): boolean {
  return filterToHash(filter) === '';
}

/** The [start, end) instants of the date range, or null when no range applies (no from and no to). */
export function dateRange(filter: LogFilter): { field: 'appliedAt' | 'completedAt'; start?: number; end?: number } | null {
  if (filter.from === undefined && filter.to === undefined) return null;
  const field = filter.date === 'completed' ? 'completedAt' : 'appliedAt';
  const out: { field: 'appliedAt' | 'completedAt'; start?: number; end?: number } = { field };
  if (filter.from !== undefined) out.start = dateStartOf(filter.from)!;
  if (filter.to !== undefined) out.end = dateStartOf(addDays(filter.to, 1))!;
  return out;
}

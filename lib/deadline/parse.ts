// Reads the page's own deadline text (domain.md §4): countdowns, clock countdowns, 超时时间 and overdue amounts.
// Pure: the caller passes the reading time, so a countdown becomes an absolute instant.
import type { PageDeadline } from '../model/page-deadline';
import { normalizeText } from '../text/normalize';
import { beijingToInstant } from '../time/beijing';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// §4.2: longer spellings first (小时 before 时, 分钟 before 分); rank enforces descending unit order.
const UNITS: ReadonlyArray<readonly [string, number, number]> = [
  ['天', DAY, 0],
  ['小时', HOUR, 1],
  ['时', HOUR, 1],
  ['分钟', MINUTE, 2],
  ['分', MINUTE, 2],
  ['秒钟', SECOND, 3],
  ['秒', SECOND, 3],
];

// Instants the model accepts (lib/model/page-deadline.ts `instant`): 2000-01-01 … 2100-01-01.
const MIN_INSTANT = 946_684_800_000;
const MAX_INSTANT = 4_102_444_800_000;

// At each position the longest trigger wins: 超时时间 before 超时 (§4.2 "Check 超时时间 before 超时 + parts").
const TRIGGER = /超时时间|已超时|超时|还剩|剩余/g;

/** Skips one optional space (spaces are optional when matching, §4.1 step 4). */
function skipSpace(text: string, i: number): number {
  return text[i] === ' ' ? i + 1 : i;
}

/** Sum of the parts starting at `i` (e.g. "1天 2时3分"), or null when there is no part there. */
function readParts(text: string, start: number): number | null {
  let i = start;
  let total = 0;
  let found = false;
  let lastRank = -1;
  for (;;) {
    const at = skipSpace(text, i);
    const m = /^(\d+) ?/.exec(text.slice(at));
    if (!m) break;
    const afterNumber = at + m[0].length;
    const unit = UNITS.find(([u, , rank]) => rank > lastRank && text.startsWith(u, afterNumber));
    if (!unit) break;
    const [spelling, ms, rank] = unit;
    // "时间" is a label, not an hour (§4.2).
    if (spelling === '时' && text[afterNumber + 1] === '间') break;
    total += Number(m[1]) * ms;
    found = true;
    lastRank = rank;
    i = afterNumber + spelling.length;
  }
  return found ? total : null;
}

/** "H:MM:SS" right at `i` (hours may exceed 23), as a duration. */
function readClock(text: string, i: number): number | null {
  const m = /^(\d+):(\d{2}):(\d{2})(?!\d)/.exec(text.slice(i));
  if (!m) return null;
  const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mi > 59 || s > 59) return null;
  return h * HOUR + mi * MINUTE + s * SECOND;
}

/** "YYYY-MM-DD HH:MM[:SS]" (or '/') right at `i`, read as Beijing time (§4.2 absolute deadline). */
function readAbsolute(text: string, i: number): number | null {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2}) ?(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:])/.exec(text.slice(i));
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  return beijingToInstant(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0));
}

/** After a trigger: optional space, optional label 时间 (countdowns only), optional colon, optional space. */
function skipLabel(text: string, i: number, allowTimeLabel: boolean): number {
  let j = skipSpace(text, i);
  if (allowTimeLabel && text.startsWith('时间', j)) j = skipSpace(text, j + 2);
  if (text[j] === ':') j = skipSpace(text, j + 1);
  return j;
}

function inRange(at: number): PageDeadline | null {
  return at >= MIN_INSTANT && at <= MAX_INSTANT ? { kind: 'at', at } : null;
}

/**
 * The deadline a piece of page text states, or null when it states none (§4.2, examples §4.3).
 * `readAt` is when the text was read (epoch ms); countdowns are relative to it.
 * A bare "YYYY-MM-DD HH:MM" is not a deadline: callers prefix 超时时间 when the value came from that column.
 * The first instant found wins; a bare 已超时 is returned only when no instant is found anywhere in the text.
 */
export function parseDeadlineText(text: string, readAt: number): PageDeadline | null {
  const t = normalizeText(text);
  let bareOverdue = false;
  for (const m of t.matchAll(TRIGGER)) {
    const after = m.index + m[0].length;
    let result: PageDeadline | null = null;
    switch (m[0]) {
      case '超时时间': {
        // Label with no value ("超时时间：-" or nothing) or a garbage date gives no page deadline here.
        const at = readAbsolute(t, skipLabel(t, after, false));
        if (at !== null) result = inRange(at);
        break;
      }
      case '已超时':
      case '超时': {
        // "超时1时5分": overdue by that amount, so the deadline was that long before the reading.
        const amount = readParts(t, skipSpace(t, after));
        if (amount !== null) result = inRange(readAt - amount);
        else if (m[0] === '已超时') bareOverdue = true;
        break;
      }
      default: {
        // 还剩 / 剩余: a clock "23:59:59" or parts "1天2时3分"; no parts → keep scanning for the next trigger.
        const start = skipLabel(t, after, true);
        const amount = readClock(t, start) ?? readParts(t, start);
        if (amount !== null) result = inRange(readAt + amount);
      }
    }
    if (result) return result;
  }
  return bareOverdue ? { kind: 'overdue' } : null;
}

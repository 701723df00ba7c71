// 支付宝成交笔数 per Beijing date as typed or pasted on the options page (issue 3 §5, domain.md §6.2).
// Pure: parsing and validation only; the options page stores the result with setPaidOrders.
import * as z from 'zod/mini';
import { normalizeNumberText } from './number-input';
import { addDays, beijingToInstant } from '../time/beijing';

/** A day's count: a whole number ≥ 0 (bounded so a stray paste of an order number is refused). */
const PaidOrdersCountSchema = z.number().check(z.int(), z.gte(0), z.lte(100_000_000));

type CountParse = { kind: 'empty' } | { kind: 'invalid' } | { kind: 'count'; value: number };

/** "1234", "1,234" (thousands separators), "１２３４", "1234笔" → 1234; "" → empty; anything else invalid. */
export function parseCountText(text: string): CountParse {
  let s = normalizeNumberText(text).replace(/^"(.*)"$/, '$1').replace(/笔$/, '');
  if (s === '') return { kind: 'empty' };
  if (/^\d{1,3}(,\d{3})+$/.test(s)) s = s.replace(/,/g, '');
  if (!/^\d+(\.0*)?$/.test(s)) return { kind: 'invalid' };
  const parsed = PaidOrdersCountSchema.safeParse(Number(s));
  return parsed.success ? { kind: 'count', value: parsed.data } : { kind: 'invalid' };
}

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+\d{1,2}:\d{2}(?::\d{2})?)?$/;

/**
 * A Beijing calendar date as written in a spreadsheet: 2026-11-20, 2026/11/20, 2026.11.20, 2026-1-5, 2026年11月20日,
 * optionally followed by a midnight-style time ("2026-11-20 00:00:00"). Returns `YYYY-MM-DD`, or null when not a
 * real date (2026-02-30).
 */
export function parseDateText(text: string): string | null {
  const s = text
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[／]/g, '/')
    .replace(/[－]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();
  const m = DATE_TEXT.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (beijingToInstant(y, mo, d) === null) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

type PasteLineError = {
  /** 1-based line number in the pasted text. */
  line: number;
  text: string;
  reason: 'columns' | 'date' | 'count' | 'future';
};

export interface PasteResult {
  /** Valid lines, by date; for a date given twice the last line wins. */
  entries: Record<string, number>;
  /** Lines skipped as headers (no digit at all in the first column). */
  headerLines: number[];
  /** Invalid lines: reported, never stored. */
  errors: PasteLineError[];
  /** Dates given on more than one valid line, with those lines (the last one was kept). */
  duplicates: Array<{ date: string; lines: number[] }>;
}

/** Splits one line into cells: tab first (spreadsheets), then comma/semicolon (CSV, quotes respected), then spaces. */
function splitPasteLine(line: string): string[] {
  if (line.includes('\t')) return line.split('\t').map((c) => c.trim());
  if (/[,，;；]/.test(line)) {
    const cells: string[] = [];
    let cur = '';
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && /[,，;；]/.test(ch)) {
        cells.push(cur.trim());
        cur = '';
      } else cur += ch;
    }
    cells.push(cur.trim());
    return cells;
  }
  const trimmed = line.trim();
  const lastSpace = trimmed.lastIndexOf(' ');
  return lastSpace < 0 ? [trimmed] : [trimmed.slice(0, lastSpace).trim(), trimmed.slice(lastSpace + 1)];
}

/**
 * Two columns, date and count, one day a line, as copied from a spreadsheet or typed. Blank lines are ignored; a line
 * whose first cell has no digit (日期 / 支付宝成交笔数) is a header and skipped; trailing empty cells are ignored.
 * With `today` (Beijing YYYY-MM-DD), dates after it are refused.
 */
export function parsePaidOrdersPaste(text: string, options: { today?: string } = {}): PasteResult {
  const result: PasteResult = { entries: {}, headerLines: [], errors: [], duplicates: [] };
  const linesByDate = new Map<string, number[]>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const cells = splitPasteLine(raw);
    while (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();
    const [dateCell = '', countCell] = cells;
    if (!/\d|[\uFF10-\uFF19]/.test(dateCell)) {
      result.headerLines.push(line);
      return;
    }
    const report = (reason: PasteLineError['reason']) => result.errors.push({ line, text: raw.trim(), reason });
    if (cells.length !== 2 || countCell === undefined) return report('columns');
    const date = parseDateText(dateCell);
    if (date === null) return report('date');
    if (options.today !== undefined && date > options.today) return report('future');
    const count = parseCountText(countCell);
    if (count.kind !== 'count') return report('count');
    result.entries[date] = count.value;
    linesByDate.set(date, [...(linesByDate.get(date) ?? []), line]);
  });
  for (const [date, at] of linesByDate) if (at.length > 1) result.duplicates.push({ date, lines: at });
  return result;
}

/** The last `n` Beijing dates ending with `today`, newest first. */
export function recentDates(today: string, n: number): string[] {
  return Array.from({ length: Math.max(0, n) }, (_, i) => addDays(today, -i));
}

/** "用 X 填充最近 N 天": the entries for the last `n` dates; with `onlyMissing`, dates in `existing` are left alone. */
export function fillRecentDays(
  today: string,
  n: number,
  count: number,
  existing: Readonly<Record<string, unknown>> = {},
  onlyMissing = false,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const date of recentDates(today, n)) {
    if (onlyMissing && existing[date] !== undefined) continue;
    out[date] = count;
  }
  return out;
}

// CSV export of the refund log (issue: "CSV export of the current filter, for Excel and WPS"). Pure string functions;
// the streaming over the database is in csv-stream.ts.
//
// Format decisions:
// - UTF-8 with a BOM (Excel and WPS otherwise read UTF-8 as GBK and garble the Chinese), CRLF line ends, RFC 4180
//   quoting (a cell is quoted when it holds a comma, a quote, CR or LF; quotes are doubled).
// - Column keys are stable; they are the English header. The Chinese file only translates the header line.
// - Enum columns (status, type, phase, goods_status, deadline_source) hold the stable codes in BOTH languages, so a
//   file reads the same whatever the UI language was and a pivot table or script keyed on them keeps working. The
//   human text of the status is status_text: the seller center's own words (状态原文), which is what agents search for.
// - Times are Beijing wall-clock `YYYY-MM-DD HH:mm:ss` (the seller center's zone, whatever the computer's zone is);
//   amounts are yuan with two decimals, converted from fen by integer arithmetic (no float rounding); an unknown value
//   is an empty cell.
// - Formula injection: every cell (all are written as text) that starts with = + - @ tab or CR gets a leading `'`,
//   so Excel/WPS show it as text instead of evaluating it. The full-width forms ＝ ＋ － ＠ are treated the same: CJK
//   input methods produce them and some spreadsheet locales accept them as formula starters. Buyer-controlled text
//   (the status text) reaches the file; the codes, digits, dates and amounts we write never start with these.
import type { DeadlineSource } from '../model/vocabulary';
import type { Lang } from '../format/time-left';
import type { StoredRefund } from '../db/schema';
import { beijingDate, formatBeijing } from '../time/beijing';

export type { Lang };

export const CSV_COLUMNS = [
  'refund_id',
  'order_id',
  'status',
  'status_text',
  'type',
  'phase',
  'goods_status',
  'amount_yuan',
  'applied_at',
  'deadline_at',
  'deadline_source',
  'completed_at',
  'intervened_at',
  'first_seen_at',
  'last_seen_at',
  // Last, so adding it kept every earlier column where spreadsheets expect it; empty unless nicknames are stored.
  'buyer_nick',
] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Chinese headers, in the seller center's own words where it has one (§1 glossary). */
export const CSV_HEADERS_ZH: Readonly<Record<CsvColumn, string>> = {
  refund_id: '退款编号',
  order_id: '订单编号',
  status: '售后状态',
  status_text: '状态原文',
  type: '类型',
  phase: '售中/售后',
  goods_status: '货物状态',
  amount_yuan: '退款金额(元)',
  applied_at: '申请时间',
  deadline_at: '超时时间',
  deadline_source: '超时来源',
  completed_at: '完结时间',
  intervened_at: '介入时间',
  first_seen_at: '首次记录',
  last_seen_at: '最近记录',
  buyer_nick: '买家昵称',
};

export const BOM = '\uFEFF';
const CRLF = '\r\n';
export const CSV_MIME = 'text/csv;charset=utf-8';

const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

/** Prefixes `'` to text a spreadsheet would read as a formula (starts with = + - @ tab CR, or full-width ＝＋－＠). */
export function neutralize(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180: quoted when it holds a comma, a double quote, CR or LF; inner quotes doubled. Does not neutralize. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** fen → yuan with two decimals by integer arithmetic: 12345 → "123.45", 5 → "0.05", -150 → "-1.50". */
export function fenToYuan(fen: number): string {
  const n = Math.round(fen);
  const abs = Math.abs(n);
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  return `${n < 0 ? '-' : ''}${yuan}.${String(cents).padStart(2, '0')}`;
}

const time = (t: number | undefined): string => (t === undefined ? '' : formatBeijing(t, true));

/**
 * Where the stored deadlineAt came from: the page's own reading (§3 "the page always wins") or a rule estimate
 * (lib/deadline/decide.ts; a bare 已超时 keeps only a rule deadline). A record stored before that policy, until its
 * refund is read again, may hold a bare 已超时's reading time instead: that one is the page's.
 */
export function deadlineSourceOf(r: StoredRefund): DeadlineSource | undefined {
  if (r.deadlineAt === undefined) return undefined;
  const reading = r.pageDeadline;
  if (reading?.deadline.kind === 'at' && reading.deadline.at === r.deadlineAt) return 'page';
  if (reading?.deadline.kind === 'overdue' && reading.readAt === r.deadlineAt) return 'page';
  return 'rule';
}

/** The 16 cell values of one refund, unquoted and not neutralized, in CSV_COLUMNS order. */
export function refundToCsvRecord(r: StoredRefund, _lang: Lang = 'zh'): Record<CsvColumn, string> {
  // _lang: the values are language-independent by decision (header above); kept so the caller need not care.
  return {
    refund_id: r.refundId,
    order_id: r.orderId ?? '',
    status: r.status,
    status_text: r.statusText,
    type: r.type ?? '',
    phase: r.phase ?? '',
    goods_status: r.goodsState ?? '',
    amount_yuan: r.amountFen === undefined ? '' : fenToYuan(r.amountFen),
    applied_at: time(r.appliedAt),
    deadline_at: time(r.deadlineAt),
    deadline_source: deadlineSourceOf(r) ?? '',
    completed_at: time(r.completedAt),
    intervened_at: time(r.intervenedAt),
    first_seen_at: time(r.firstSeenAt),
    last_seen_at: time(r.lastSeenAt),
    buyer_nick: r.buyerNick ?? '',
  };
}

/** One line of cells, neutralized and quoted, ending with CRLF. */
function csvLine(cells: readonly string[]): string {
  return cells.map((c) => csvCell(neutralize(c))).join(',') + CRLF;
}

/** One refund as a CSV line (with its CRLF). */
export function refundToCsvLine(r: StoredRefund, lang: Lang = 'zh'): string {
  const record = refundToCsvRecord(r, lang);
  return csvLine(CSV_COLUMNS.map((c) => record[c]));
}

/** The header line (with its CRLF, without the BOM): Chinese words, or the stable keys in English. */
export function csvHeaderLine(lang: Lang = 'zh'): string {
  return csvLine(CSV_COLUMNS.map((c) => (lang === 'zh' ? CSV_HEADERS_ZH[c] : c)));
}

/** `退款日志-2026-11-25.csv` / `refund-log-2026-11-25.csv`, dated in Beijing time (the shop's calendar). */
export function csvFileName(now: number, lang: Lang = 'zh'): string {
  return `${lang === 'zh' ? '退款日志' : 'refund-log'}-${beijingDate(now)}.csv`;
}

// The oracle of the markup-drift fuzzer: what a reading of a mutated page may and may not say.
// - Every row returned names one of the refund ids present in its element (text or links) and equals the ground-truth
//   refund whose marked row element contains it (or which it contains); it never spans two different refunds.
// - Each field it returns equals the truth or is absent (status: the truth or `unknown`) — never a different value.
// The badges placed on the rows are judged by ./badge-check.ts (one host inside each row read, on its refund's row).
import type { RefundRow } from '@/lib/model/refund-row';
import type { RefundPageReading } from '../page/reference-reader';
import { normalizeText } from '@/lib/text/normalize';
import { NOW, type Truth, type TruthMap } from './mutate';

export type Reading = RefundPageReading;

export interface Verdict {
  misreads: string[];
  /** Rows returned with at least one misread. */
  misreadRows: number;
  read: number;
  /** Ground-truth rows on the page that no returned row stands for. */
  notUnderstood: number;
}

const compact = (text: string): string => normalizeText(text).replace(/ /g, '');

function fieldErrors(row: RefundRow, t: Truth): string[] {
  const errs: string[] = [];
  const differs = (name: string, got: unknown, want: unknown): void => {
    if (got !== undefined && got !== want) errs.push(`${name}: read ${JSON.stringify(got)}, truth ${JSON.stringify(want)}`);
  };
  if (row.status !== t.status && row.status !== 'unknown') errs.push(`status: read ${row.status}, truth ${t.status}`);
  differs('orderId', row.orderId, t.orderId);
  differs('amountFen', row.amountFen, t.amountFen);
  differs('appliedAt', row.appliedAt, t.appliedAt);
  differs('type', row.type, t.type);
  differs('phase', row.phase, t.phase);
  differs('goodsState', row.goodsState, t.goodsState);
  const d = row.pageDeadline;
  if (d?.kind === 'at') {
    // Countdowns truncate to their smallest unit: at most a minute early, never late.
    const want = t.pageDeadlineAt;
    if (want === null || d.at > want || d.at < want - 60_000) errs.push(`pageDeadline: read ${new Date(d.at).toISOString()}, truth ${want === null ? 'none' : new Date(want).toISOString()}`);
  } else if (d?.kind === 'overdue') {
    const overdue = t.deadlineKind === 'bare' || (t.pageDeadlineAt !== null && t.pageDeadlineAt <= NOW);
    if (!overdue) errs.push(`pageDeadline: read overdue, truth ${t.deadlineKind}`);
  }
  return errs;
}

/** Is `id` one of the numbers the element itself shows (its text or its links)? */
function shows(el: Element, id: string): boolean {
  if (compact(el.textContent ?? '').includes(id)) return true;
  return [...el.querySelectorAll('a[href]'), ...(el.localName === 'a' ? [el] : [])].some((a) => (a.getAttribute('href') ?? '').includes(id));
}

export function judge(reading: Reading, truth: TruthMap): Verdict {
  const misreads: string[] = [];
  const understood = new Set<Element>();
  let misreadRows = 0;
  for (const { element, row } of reading.rows) {
    const before = misreads.length;
    check(element, row);
    if (misreads.length > before) misreadRows++;
  }
  function check(element: Element, row: RefundRow): void {
    const touching = truth.elements.filter((t) => t.isConnected && (t.contains(element) || element.contains(t)));
    const ids = new Set(touching.map((t) => truth.map.get(t)!.refundId));
    const where = `<${element.localName}> read as ${row.refundId}`;
    if (ids.size !== 1) {
      misreads.push(`${where}: the element holds ${ids.size} ground-truth refunds [${[...ids].join(', ')}]`);
      return;
    }
    const t = truth.map.get(touching[0]!)!;
    if (row.refundId !== t.refundId) misreads.push(`${where}: truth ${t.refundId}`);
    if (!shows(element, row.refundId)) misreads.push(`${where}: the element does not show that number`);
    for (const e of fieldErrors(row, t)) misreads.push(`${where}: ${e}`);
    for (const el of touching) understood.add(el);
  }
  const present = truth.elements.filter((t) => t.isConnected);
  return { misreads, misreadRows, read: reading.rows.length, notUnderstood: present.filter((t) => !understood.has(t)).length };
}

/**
 * Two readings of one page read the same rows (by element, whatever the order: the content script finds rows by
 * subtree, the reference reader in one pass) with the same values, and the same problems.
 */
export function sameReading(a: Reading, b: Reading): boolean {
  if (a.rows.length !== b.rows.length || a.problems.length !== b.problems.length) return false;
  const rowsOfB = new Map(b.rows.map((r) => [r.element, JSON.stringify(r.row)]));
  if (a.rows.some((r) => rowsOfB.get(r.element) !== JSON.stringify(r.row))) return false;
  const problems = (x: Reading) => x.problems.map((p) => JSON.stringify(p)).sort().join('\n');
  return problems(a) === problems(b);
}

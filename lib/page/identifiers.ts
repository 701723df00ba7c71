// Where refund ids occur (domain.md §5: "a row is the smallest element containing exactly one 退款编号"):
// - 'label': a refund-id label followed by digits (退款编号：200…, 售后单号 200…);
// - 'link': a link whose URL has disputeId=<digits> (the legacy list names its rows only through the detail link);
// - 'column': digits in the cell under a 退款编号 column header;
// - 'blank': a refund-id label or cell with no digits ("退款编号：—"): no id, but it still marks a separate row.
import { type ReadContext, cellUnder, headerFor, cellsOf } from './columns';
import { contentTextNodesWhere, isInsideIgnored, isSkipped, normText, readText } from './dom-text';
import { findFieldLabel, refundIdPattern } from './labels';

export interface IdOccurrence {
  kind: 'label' | 'link' | 'column' | 'blank';
  /** The refund id (digits), null for 'blank'. */
  id: string | null;
  /** The smallest element holding the label and its digits (or the link, or the cell). */
  el: Element;
}

const DISPUTE_ID = /[?&#;]disputeId=(\d{6,30})(?!\d)/i;
const MAX_CLIMB = 5;
/** Every refund-id label starts with 退 or 售 (no variant, and nothing else turns into either under NFKC): a pre-filter. */
const REFUND_ID_HINT = /[退售]/;

function countLabels(text: string): number {
  let n = 0;
  for (let hit = findFieldLabel(text, 'refundId'); hit; hit = findFieldLabel(text, 'refundId', hit.valueStart)) n++;
  return n;
}

/** Refund-id labels in text nodes: each label's element, and the occurrence its climb found (null: none). */
type LabelClimb = { start: Element; found: IdOccurrence | null };

/** Refund-id labels in text nodes, each climbed to the smallest element that also holds its digits. */
function labelClimbs(scope: Element, headerEls: Element[]): LabelClimb[] {
  const out: LabelClimb[] = [];
  const seen = new Set<Element>();
  const hasLabel = (data: string) => REFUND_ID_HINT.test(data) && findFieldLabel(normText(data), 'refundId') !== null;
  for (const node of contentTextNodesWhere(scope, hasLabel)) {
    const start = node.parentElement;
    if (!start || seen.has(start) || headerEls.some((h) => h.contains(start))) continue;
    let found: IdOccurrence | null = null;
    let el: Element | null = start;
    for (let i = 0; el && i < MAX_CLIMB; i++, el = el === scope ? null : el.parentElement) {
      const text = readText(el);
      // Another refund-id label in view: this label's digits were not in any smaller element.
      if (countLabels(text) > 1) break;
      const m = refundIdPattern().exec(text);
      if (m) {
        found = { kind: 'label', id: m[1]!, el };
        break;
      }
    }
    seen.add(start);
    out.push({ start, found });
  }
  return out;
}

/**
 * The label occurrences under `scope` from the climbs of its labels, made under a scope that holds it: a climb that found its digits
 * inside `scope` is the same; any other would have stopped at `scope` without digits (a blank).
 */
function labelOccurrences(scope: Element, climbs: LabelClimb[], whole: boolean): IdOccurrence[] {
  const out: IdOccurrence[] = [];
  for (const { start, found } of climbs) {
    out.push(found && (whole || scope.contains(found.el)) ? found : { kind: 'blank', id: null, el: start });
  }
  // A label whose element holds digits of its own is never also a blank inside that element.
  return out.filter((o) => o.kind !== 'blank' || !out.some((p) => p.kind === 'label' && p.el.contains(o.el)));
}

function linkOccurrences(scope: Element): IdOccurrence[] {
  const out: IdOccurrence[] = [];
  const links = [...(scope.localName === 'a' ? [scope] : []), ...scope.querySelectorAll('a[href]')];
  for (const a of links) {
    const m = DISPUTE_ID.exec(a.getAttribute('href') ?? '');
    if (m && !isInsideIgnored(a, null, false)) out.push({ kind: 'link', id: m[1]!, el: a });
  }
  return out;
}

/** Cells under a 退款编号 column header, for rows under `scope` that line up with such a header. */
function columnOccurrences(scope: Element, ctx: ReadContext): ColumnOccurrence[] {
  const out: ColumnOccurrence[] = [];
  for (const header of ctx.headers) {
    const col = header.fields.indexOf('refundId');
    if (col < 0) continue;
    const kind = header.el.localName;
    const role = header.el.getAttribute('role');
    const rows = [scope, ...scope.querySelectorAll(role ? `${kind}[role="${role}"]` : kind)].filter(
      (r) => r !== header.el && (r.getAttribute('role') ?? null) === role && r.localName === kind && !isSkipped(r),
    );
    for (const row of rows) {
      if (row.contains(header.el) || header.el.contains(row)) continue;
      if (cellsOf(row).length !== header.cells.length) continue;
      const found = headerFor(row, ctx);
      if (!found || found.header !== header) continue;
      const cell = cellUnder(found, 'refundId');
      if (!cell) continue;
      const text = readText(cell).replace(/ /g, '');
      const m = /^\d{6,30}$/.exec(text);
      out.push({ row, occ: m ? { kind: 'column', id: m[0], el: cell } : { kind: 'blank', id: null, el: cell } });
    }
  }
  return out;
}

type ColumnOccurrence = { row: Element; occ: IdOccurrence };

/** What one search under `scope` found, kept per reading context so each row read afterwards need not search again. */
interface OccurrenceIndex {
  scope: Element;
  labels: LabelClimb[];
  links: IdOccurrence[];
  columns: ColumnOccurrence[];
  /** Per element under `scope`: what lies inside it (labels by their element, links, columns by their row). */
  inside?: Map<Element, { labels: LabelClimb[]; links: IdOccurrence[]; columns: ColumnOccurrence[] }>;
}

function insideOf(index: OccurrenceIndex, el: Element): { labels: LabelClimb[]; links: IdOccurrence[]; columns: ColumnOccurrence[] } {
  if (!index.inside) {
    const inside: NonNullable<OccurrenceIndex['inside']> = new Map();
    const entry = (a: Element) => {
      let e = inside.get(a);
      if (!e) inside.set(a, (e = { labels: [], links: [], columns: [] }));
      return e;
    };
    const stop = index.scope.parentElement;
    for (const c of index.labels) for (let a: Element | null = c.start; a && a !== stop; a = a.parentElement) entry(a).labels.push(c);
    for (const o of index.links) for (let a: Element | null = o.el; a && a !== stop; a = a.parentElement) entry(a).links.push(o);
    for (const c of index.columns) for (let a: Element | null = c.row; a && a !== stop; a = a.parentElement) entry(a).columns.push(c);
    index.inside = inside;
  }
  return index.inside.get(el) ?? { labels: [], links: [], columns: [] };
}
const indexes = new WeakMap<ReadContext, OccurrenceIndex[]>();

function search(scope: Element, ctx: ReadContext): OccurrenceIndex {
  const headerEls = ctx.headers.map((h) => h.el);
  return { scope, labels: labelClimbs(scope, headerEls), links: linkOccurrences(scope), columns: columnOccurrences(scope, ctx) };
}

/**
 * Every refund-id occurrence under `scope` (inclusive), in no particular order. With `remember`, the search is kept
 * in `ctx` (valid while the DOM does not change, as the context itself): later calls for elements under `scope`
 * (each row) derive their occurrences from it.
 */
export function findIdOccurrences(scope: Element, ctx: ReadContext, remember = false): IdOccurrence[] {
  const kept = indexes.get(ctx);
  let index = kept?.find((i) => i.scope === scope) ?? kept?.find((i) => i.scope.contains(scope));
  if (!index) {
    index = search(scope, ctx);
    if (remember) {
      if (kept) kept.push(index);
      else indexes.set(ctx, [index]);
    }
  }
  const whole = index.scope === scope;
  const { labels, links, columns } = whole ? index : insideOf(index, scope);
  return [...labelOccurrences(scope, labels, whole), ...links, ...columns.map((c) => c.occ)];
}

// Column headers and cells (domain.md §5: "a field is the cell under its header"). A header row is recognised by
// what it says, not by class names: a row of th / role=columnheader cells, or a row whose cells are known header
// labels (the Fusion "Next" list puts its header in a table of its own; the legacy list in a row of divs).
import { type FieldKey, FIELD_LABELS, headerField } from './labels';
import { contentTextNodesWhere, isSkipped, readText, withTextMemo } from './dom-text';

const CELL_ROLES = new Set(['cell', 'gridcell', 'columnheader', 'rowheader']);

interface Cell {
  el: Element;
  /** First column position, counting colspans. */
  start: number;
  span: number;
}

export interface HeaderRow {
  el: Element;
  cells: Cell[];
  /** Header cell field per cell index (null for 商品-like columns nobody reads, or the checkbox column). */
  fields: Array<FieldKey | null>;
}

/** What one reading of a document needs more than once: its header rows (found once, in document order). */
export interface ReadContext {
  headers: HeaderRow[];
  /** headerFor results, valid while the DOM does not change (one reading). */
  headerOf?: WeakMap<Element, { header: HeaderRow; cells: Cell[] } | null>;
  /** Document-order index of every element at the time of reading (compareDocumentPosition is slow in some DOMs).
   *  In a context from createReadContext it is built on first use. */
  order?: WeakMap<Element, number>;
}

function orderIndex(root: Node): WeakMap<Element, number> {
  const order = new WeakMap<Element, number>();
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  let i = 0;
  for (const el of (doc ?? (root as ParentNode)).querySelectorAll('*')) order.set(el, i++);
  return order;
}

/** Sorts elements into document order. */
function inDocumentOrder(els: Iterable<Element>, ctx?: ReadContext): Element[] {
  const order = ctx?.order;
  return [...els].sort((a, b) => {
    if (a === b) return 0;
    const ia = order?.get(a);
    const ib = order?.get(b);
    if (ia !== undefined && ib !== undefined) return ia - ib;
    return a.compareDocumentPosition(b) & 4 ? -1 : 1; // DOCUMENT_POSITION_FOLLOWING
  });
}

/**
 * `els` (all under `scope`, inclusive) in document order, by one walk of the tree under `scope`: cheaper than
 * comparing positions when there are many. Falls back to inDocumentOrder for elements outside `scope`.
 */
export function inTreeOrder(scope: Element, els: Iterable<Element>, ctx?: ReadContext): Element[] {
  const wanted = new Set(els);
  if (wanted.size <= 32) return inDocumentOrder(wanted, ctx);
  const out: Element[] = [];
  const walker = scope.ownerDocument.createTreeWalker(scope, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let node: Node | null = scope; node && out.length < wanted.size; node = walker.nextNode()) {
    if (wanted.has(node as Element)) out.push(node as Element);
  }
  return out.length === wanted.size ? out : inDocumentOrder(wanted, ctx);
}

/** Does `b` come after `a` in the document? (Uses the order index only when it is already built.) */
function follows(a: Element, b: Element, ctx: ReadContext): boolean {
  const order = builtOrder.has(ctx) || !lazyOrder.has(ctx) ? ctx.order : undefined;
  const ia = order?.get(a);
  const ib = order?.get(b);
  if (ia !== undefined && ib !== undefined) return ib > ia;
  return (a.compareDocumentPosition(b) & 4) !== 0;
}

/** Contexts whose order index is built lazily, and those where it has been built. */
const lazyOrder = new WeakSet<ReadContext>();
const builtOrder = new WeakSet<ReadContext>();

function spanOf(el: Element): number {
  const raw = el.getAttribute('colspan') ?? el.getAttribute('aria-colspan');
  const n = raw === null ? 1 : Number.parseInt(raw, 10);
  return Number.isFinite(n) && n >= 1 && n <= 100 ? n : 1;
}

/** The cell a row child is, or wraps alone (a tooltip <div> around one gridcell must not shift the columns after it). */
function wrappedCell(el: Element, isCell: (el: Element) => boolean): Element[] {
  let at = el;
  while (!isCell(at) && at.children.length === 1) at = at.children[0]!;
  return isCell(at) && !isSkipped(at) ? [at] : [];
}

/** The cells of a row-like element: td/th of a tr, role cells of an ARIA row, else its element children. */
export function cellsOf(row: Element): Cell[] {
  const kids = [...row.children].filter((k) => !isSkipped(k));
  const isTableCell = (k: Element) => k.localName === 'td' || k.localName === 'th';
  const isRoleCell = (k: Element) => CELL_ROLES.has(k.getAttribute('role') ?? '');
  let cellEls: Element[];
  if (row.localName === 'tr') cellEls = kids.flatMap((k) => wrappedCell(k, isTableCell));
  else {
    const roleCells = kids.flatMap((k) => wrappedCell(k, isRoleCell));
    cellEls = roleCells.length > 0 ? roleCells : kids;
  }
  const cells: Cell[] = [];
  let pos = 0;
  for (const el of cellEls) {
    const span = spanOf(el);
    cells.push({ el, start: pos, span });
    pos += span;
  }
  return cells;
}

function isHeaderCellElement(el: Element): boolean {
  return el.localName === 'th' || el.getAttribute('role') === 'columnheader';
}

/** Is this element a list's column-header row? Returns its description, or null. */
export function asHeaderRow(el: Element): HeaderRow | null {
  if (el.children.length < 2) return null;
  // Cheap reject before reading cells: a header says a few short labels.
  const raw = el.textContent ?? '';
  if (raw.length > 400 || /\d{4}/.test(raw)) return null;
  const cells = cellsOf(el);
  if (cells.length < 2) return null;
  const texts = cells.map((c) => readText(c.el));
  const nonEmpty = texts.filter((t) => t !== '');
  if (nonEmpty.length < 2) return null;
  // Digits of an id or a date (checked above on the raw text) mean data; long texts are not labels.
  if (nonEmpty.some((t) => t.length > 16)) return null;
  const fields = texts.map((t) => headerField(t));
  const dataColumns = fields.filter((f) => f !== null && FIELD_LABELS[f].dataColumn).length;
  if (dataColumns < 2) return null;
  const allHeaderCells = cells.every((c, i) => texts[i] === '' || isHeaderCellElement(c.el));
  // Two thirds known labels: a "标签 值 标签 值" list (dl/dt/dd on a detail page) is only half labels.
  const mostlyKnown = fields.filter((f) => f !== null).length * 3 >= nonEmpty.length * 2;
  if (!allHeaderCells && !mostlyKnown) return null;
  return { el, cells, fields };
}

/** How far above a header label's text node its header row may be (th > div.cell-wrapper > span > text). */
const HEADER_CLIMB = 4;

/** All header rows under a root (in document order), skipping ones nested in another header row. Only the
 *  ancestors of text that is exactly a header label are candidates, so a long list is not scanned cell by cell. */
export function findHeaderRows(root: ParentNode, order?: WeakMap<Element, number>): HeaderRow[] {
  const scope = (root as Node).nodeType === 9 ? (root as Document).documentElement : (root as Element);
  if (!scope) return [];
  return withTextMemo(() => headerRowsIn(scope, order));
}

/**
 * A header label (after NFKC and the traditional → simplified mapping) always holds one of these characters; the
 * others are the only characters whose NFKC or simplified form holds one (狀 U+F9FA, 🈸 U+1F238). A pre-filter only.
 */
const HEADER_HINT = /[退售订申超剩处倒货发要商宝实买操状訂處貨發寶實買狀\uf9fa]|\u{1f238}/u;

function headerRowsIn(scope: Element, order?: WeakMap<Element, number>): HeaderRow[] {
  const candidates = new Set<Element>();
  for (const node of contentTextNodesWhere(scope, (data) => HEADER_HINT.test(data) && headerField(data) !== null)) {
    let el = node.parentElement;
    for (let i = 0; el && i < HEADER_CLIMB; i++, el = el.parentElement) candidates.add(el);
  }
  const ordered = inTreeOrder(scope, candidates, order ? { headers: [], order } : undefined);
  const out: HeaderRow[] = [];
  for (const el of ordered) {
    if (out.some((h) => h.el.contains(el))) continue;
    const header = asHeaderRow(el);
    if (header) out.push(header);
  }
  return out;
}

/**
 * A reading context for the document (or frame) that holds `node`. `headers` may be given when the caller knows
 * they are still those of the document (e.g. from the previous batch of changes); the order index is built on first
 * use (a context is for one reading: the DOM does not change meanwhile).
 */
export function createReadContext(node: Node, headers?: HeaderRow[]): ReadContext {
  const doc = node.nodeType === 9 ? (node as Document) : node.ownerDocument;
  let order: WeakMap<Element, number> | undefined;
  const ctx: ReadContext = {
    headers: headers ?? findHeaderRows(doc ?? (node as ParentNode)),
    get order() {
      if (!order) {
        order = orderIndex(node);
        builtOrder.add(ctx);
      }
      return order;
    },
  };
  lazyOrder.add(ctx);
  return ctx;
}

function depth(node: Node): number {
  let d = 0;
  for (let n = node.parentNode; n; n = n.parentNode) d++;
  return d;
}

function commonAncestorDepth(a: Node, b: Node): number {
  for (let n: Node | null = a; n; n = n.parentNode) if (n.contains(b)) return depth(n);
  return -1;
}

/** The row inside `rowEl` (or itself) whose cells line up with the header: same number of cells. */
function cellRowFor(rowEl: Element, header: HeaderRow): Cell[] | null {
  const want = header.cells.length;
  const wantSpan = header.cells.reduce((n, c) => n + c.span, 0);
  const sameKind = (el: Element): boolean =>
    el.localName === header.el.localName && (el.getAttribute('role') ?? '') === (header.el.getAttribute('role') ?? '');
  const candidates = [rowEl, ...rowEl.querySelectorAll(header.el.localName)].filter(sameKind);
  for (const el of candidates) {
    const cells = cellsOf(el);
    if (cells.length === want && cells.reduce((n, c) => n + c.span, 0) === wantSpan) return cells;
  }
  return null;
}

/**
 * The header row of the list that holds `rowEl`: among the header rows before it (not inside it), the one in the
 * nearest common container, whose cells line up with a row inside `rowEl`.
 */
export function headerFor(rowEl: Element, ctx: ReadContext): { header: HeaderRow; cells: Cell[] } | null {
  ctx.headerOf ??= new WeakMap();
  const cached = ctx.headerOf.get(rowEl);
  if (cached !== undefined) return cached;
  const found = findHeaderFor(rowEl, ctx);
  ctx.headerOf.set(rowEl, found);
  return found;
}

function findHeaderFor(rowEl: Element, ctx: ReadContext): { header: HeaderRow; cells: Cell[] } | null {
  let best: { header: HeaderRow; cells: Cell[]; depth: number } | null = null;
  for (const header of ctx.headers) {
    if (rowEl.contains(header.el) || header.el.contains(rowEl)) continue;
    // Headers come before their rows (DOCUMENT_POSITION_FOLLOWING = 4: rowEl follows the header).
    if (!follows(header.el, rowEl, ctx)) continue;
    const cells = cellRowFor(rowEl, header);
    if (!cells) continue;
    const d = commonAncestorDepth(header.el, rowEl);
    if (!best || d >= best.depth) best = { header, cells, depth: d };
  }
  return best && { header: best.header, cells: best.cells };
}

/** The cell under the header of `field`, if the row lines up with a header that has that column. */
export function cellUnder(found: { header: HeaderRow; cells: Cell[] }, field: FieldKey): Element | null {
  const i = found.header.fields.indexOf(field);
  if (i < 0) return null;
  const start = found.header.cells[i]!.start;
  return found.cells.find((c) => c.start === start)?.el ?? null;
}

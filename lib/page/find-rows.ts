// Finding refund rows by meaning, never by class names or ids (domain.md §5: "a row is the smallest element
// containing exactly one 退款编号"). From each refund-id occurrence we climb while the parent holds no other refund
// (nor the list's header row): that reaches the element just below the list. Wrappers holding all of its text are
// then stripped, giving the smallest element that holds the whole row. One algorithm covers a Fusion table (one table
// per row), a plain table, an ARIA grid, a card list, the legacy list (rows named by their detail link) and a detail
// page (one refund: the row is the whole page).
import { type ReadContext, asHeaderRow, createReadContext, headerFor, inDocumentOrder } from './columns';
import { BADGE_TAG, hasText, isSkipped, readText } from './dom-text';
import { type IdOccurrence, findIdOccurrences } from './identifiers';
import { FIELD_KEYS, FIELD_LABELS, findFieldLabel } from './labels';

const DATE = /\d{4}-\d{1,2}-\d{1,2}/;

/** The element a reading starts from: an element as given, or a document's body. */
export function scopeOf(root: ParentNode): Element | null {
  if ((root as Node).nodeType === 9) {
    const doc = root as Document;
    return doc.body ?? doc.documentElement;
  }
  return (root as Node).nodeType === 1 ? (root as Element) : null;
}

function roleOf(el: Element): string {
  return el.getAttribute('role') ?? '';
}

function sameKind(a: Element, b: Element): boolean {
  return a.localName === b.localName && roleOf(a) === roleOf(b);
}

function childContaining(parent: Element, node: Node): Element | null {
  for (let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (el.parentElement === parent) return el;
  }
  return null;
}

/** For each element, the id occurrences inside it (built once by walking up from every occurrence). */
type Holdings = Map<Element, IdOccurrence[]>;

function holdingsOf(all: IdOccurrence[]): Holdings {
  const map: Holdings = new Map();
  for (const o of all) {
    for (let el: Element | null = o.el; el; el = el.parentElement) {
      const list = map.get(el);
      if (list) list.push(o);
      else map.set(el, [o]);
    }
  }
  return map;
}

/** Should the climb from `node` (holding occurrence `o`) stop below `parent`? */
function stopsBelow(parent: Element, node: Element, o: IdOccurrence, held: Holdings, headerHolders: Set<Element>, ctx: ReadContext): boolean {
  if (parent.localName === 'html') return true;
  // The list header sits beside the rows: a row never contains it.
  if (headerHolders.has(parent) && !headerHolders.has(node)) return true;
  const inNode = new Set(held.get(node) ?? []);
  for (const p of held.get(parent) ?? []) {
    if (inNode.has(p)) continue;
    if (p.id !== o.id) return true; // another refund (or a row whose refund number is missing)
    // The same id in a sibling that also looks like a whole row (same kind, has a date): a duplicated row.
    const other = childContaining(parent, p.el);
    if (other && other !== node && sameKind(other, node) && DATE.test(readText(other)) && DATE.test(readText(node))) return true;
  }
  // A sibling row of the same list whose refund number is missing holds no occurrence, so nothing above stops the
  // climb and one readable row would swallow its id-less neighbours (found by the markup fuzzer). A sibling of the
  // same kind and cells, with a date, that says two row labels or lines up with a column header is a row: stop.
  return parent.children.length > 1 && [...parent.children].some((sib) => sib !== node && !held.has(sib) && looksLikeSiblingRow(sib, node, ctx));
}

function looksLikeSiblingRow(sib: Element, node: Element, ctx: ReadContext): boolean {
  if (!sameKind(sib, node) || isSkipped(sib) || shape(sib, 1) !== shape(node, 1)) return false;
  const text = readText(sib);
  if (!DATE.test(text) || !DATE.test(readText(node))) return false;
  if (inRowLabelCount(text) >= 2) return true;
  const a = headerFor(sib, ctx);
  return a !== null && a.header === headerFor(node, ctx)?.header;
}

/** Tag skeleton two levels deep: rows of one list share it even when their refund number is missing. */
function shape(el: Element, levels = 2): string {
  const kids = [...el.children].filter((k) => !isSkipped(k));
  if (levels === 0) return `${el.localName}[${roleOf(el)}]`;
  return `${el.localName}[${roleOf(el)}](${kids.map((k) => shape(k, levels - 1)).join(',')})`;
}

/**
 * Rows of one list are siblings. A candidate buried inside an element that stands among such siblings (same kind)
 * is not a row: its id could not climb to that element because something else there names a refund (e.g. two
 * refund numbers merged in one card). That element is then read as a whole, and reported as not understood.
 */
function dropBuried(rows: Element[]): Element[] {
  const byParent = new Map<Element, Element[]>();
  for (const r of rows) {
    const p = r.parentElement;
    if (p) byParent.set(p, [...(byParent.get(p) ?? []), r]);
  }
  return rows.filter((r) => {
    for (let a = r.parentElement; a?.parentElement; a = a.parentElement) {
      const siblings = byParent.get(a.parentElement);
      if (siblings && siblings.length >= 2 && siblings.some((s) => sameKind(s, a!))) return false;
    }
    return true;
  });
}

function inRowLabelCount(text: string): number {
  return FIELD_KEYS.filter((f) => FIELD_LABELS[f].inRow && findFieldLabel(text, f) !== null).length;
}

/** Descends through wrappers that hold all of the row's text (a Fusion row table → its tbody → its tr). */
function strip(row: Element): Element {
  let el = row;
  for (;;) {
    if ([...el.childNodes].some((n) => n.nodeType === 3 && (n as Text).data.trim() !== '')) return el;
    const kids = [...el.children].filter((k) => !isSkipped(k) && hasText(k));
    const only = kids[0];
    if (kids.length !== 1 || !only) return el;
    if (['td', 'th', 'a', 'button', 'label'].includes(only.localName) || /cell|header/.test(roleOf(only))) return el;
    el = only;
  }
}

/**
 * The refund rows under `root`, in document order. Rows whose refund number is missing or unreadable are included
 * when they sit in the same list as recognised rows (same kind of element as a row there, and they either carry a
 * refund-id label, two field labels, or the same markup skeleton): the reader reports them as problems.
 */
export function findRefundRows(root: ParentNode, ctx: ReadContext = createReadContext(root as Node)): Element[] {
  const scope = scopeOf(root);
  if (!scope) return [];
  const all = findIdOccurrences(scope, ctx);
  const headerHolders = new Set<Element>();
  for (const h of ctx.headers) {
    for (let el: Element | null = h.el; el; el = el.parentElement) headerHolders.add(el);
  }

  const held = holdingsOf(all);
  const outer: Element[] = [];
  for (const o of all) {
    if (o.id === null) continue;
    let node = o.el;
    while (node !== scope) {
      const parent = node.parentElement;
      if (!parent || stopsBelow(parent, node, o, held, headerHolders, ctx)) break;
      node = parent;
    }
    if (!outer.includes(node)) outer.push(node);
  }
  const rows = dropBuried(outer.filter((r) => !outer.some((o) => o !== r && o.contains(r))));

  // Rows of the same list without a readable refund number (each list looked at once).
  const idless: Element[] = [];
  const seenParents = new Set<Element>();
  const rowSet = new Set(rows);
  for (const row of rows) {
    const parent = row.parentElement;
    if (!parent || row === scope || seenParents.has(parent)) continue;
    seenParents.add(parent);
    const rowShape = shape(row);
    for (const sib of parent.children) {
      if (rowSet.has(sib) || !sameKind(sib, row) || isSkipped(sib)) continue;
      if (sib.localName === BADGE_TAG || headerHolders.has(sib)) continue;
      const inside = held.get(sib) ?? [];
      if (rows.some((r) => sib.contains(r))) continue;
      const text = readText(sib);
      if (text === '' || asHeaderRow(sib)) continue;
      const blank = inside.some((o) => o.id === null);
      // Same cells as a row and a date in them (申请时间): a row whose refund number is simply not there.
      const rowLike = shape(sib) === rowShape || (shape(sib, 1) === shape(row, 1) && DATE.test(text));
      if (blank || inRowLabelCount(text) >= 2 || rowLike) idless.push(sib);
    }
  }

  return inDocumentOrder([...rows, ...idless], ctx).map((r) => (r === scope ? r : strip(r)));
}

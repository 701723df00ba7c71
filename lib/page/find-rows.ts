// Finding refund rows by meaning, never by class names or ids (domain.md §5: "a row is the smallest element
// containing exactly one 退款编号"). From each refund-id occurrence we climb while the parent holds no other refund
// (nor the list's header row): that reaches the element just below the list. Wrappers holding all of its text are
// then stripped, giving the smallest element that holds the whole row. One algorithm covers a Fusion table (one table
// per row), a plain table, an ARIA grid, a card list, the legacy list (rows named by their detail link) and a detail
// page (one refund: the row is the whole page).
import { type ReadContext, asHeaderRow, headerFor } from './columns';
import { BADGE_TAG, hasText, isSkipped, readText } from './dom-text';
import { type IdOccurrence, findIdOccurrences } from './identifiers';
import { FIELD_KEYS, FIELD_LABELS, findFieldLabel } from './labels';

const DATE = /\d{4}-\d{1,2}-\d{1,2}/;

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

/** What one search for rows computes once: occurrences per element and per id, shapes, climb results. */
interface Search {
  held: Holdings;
  /** Per refund id: how many of its occurrences each element holds. */
  idCounts: Map<string | null, Map<Element, number>>;
  byId: Map<string | null, IdOccurrence[]>;
  headerHolders: Set<Element>;
  shapes: [Map<Element, string>, Map<Element, string>, Map<Element, string>];
  ctx: ReadContext;
}

/** What isIdlessRow looks at: the occurrences inside the sibling, the header holders, shape memo. */
type IdlessCheck = Pick<Search, 'held' | 'headerHolders' | 'shapes'>;

/** Occurrences per element, up to `scope` (a climb never looks above it). */
function holdingsOf(all: IdOccurrence[], scope: Element): Pick<Search, 'held' | 'idCounts' | 'byId'> {
  const held: Holdings = new Map();
  const idCounts: Search['idCounts'] = new Map();
  const byId: Search['byId'] = new Map();
  for (const o of all) {
    let counts = idCounts.get(o.id);
    if (!counts) idCounts.set(o.id, (counts = new Map()));
    const same = byId.get(o.id);
    if (same) same.push(o);
    else byId.set(o.id, [o]);
    for (let el: Element | null = o.el; el; el = el === scope ? null : el.parentElement) {
      const list = held.get(el);
      if (list) list.push(o);
      else held.set(el, [o]);
      counts.set(el, (counts.get(el) ?? 0) + 1);
    }
  }
  return { held, idCounts, byId };
}

/** Should the climb from `node` (holding an occurrence of `id`) stop below `parent`? */
function stopsBelow(parent: Element, node: Element, id: string, s: Search): boolean {
  if (parent.localName === 'html') return true;
  // The list header sits beside the rows: a row never contains it.
  if (s.headerHolders.has(parent) && !s.headerHolders.has(node)) return true;
  // Occurrences in the parent outside the node (the node's are a subset of the parent's).
  const outside = (s.held.get(parent)?.length ?? 0) - (s.held.get(node)?.length ?? 0);
  if (outside > 0) {
    const counts = s.idCounts.get(id);
    const sameOutside = (counts?.get(parent) ?? 0) - (counts?.get(node) ?? 0);
    if (outside > sameOutside) return true; // another refund (or a row whose refund number is missing)
    if (sameOutside > 0) {
      // The same id in a sibling that also looks like a whole row (same kind, has a date): a duplicated row.
      for (const p of s.byId.get(id) ?? []) {
        if (!parent.contains(p.el) || node.contains(p.el)) continue;
        const other = childContaining(parent, p.el);
        if (other && other !== node && sameKind(other, node) && DATE.test(readText(other)) && DATE.test(readText(node))) return true;
      }
    }
  }
  // A sibling row of the same list whose refund number is missing holds no occurrence, so nothing above stops the
  // climb and one readable row would swallow its id-less neighbours (found by the markup fuzzer). A sibling of the
  // same kind and cells, with a date, that says two row labels or lines up with a column header is a row: stop.
  if (parent.children.length <= 1) return false;
  for (let sib = parent.firstElementChild; sib; sib = sib.nextElementSibling) {
    if (sib !== node && !s.held.has(sib) && looksLikeSiblingRow(sib, node, s)) return true;
  }
  return false;
}

function looksLikeSiblingRow(sib: Element, node: Element, s: Search): boolean {
  if (!sameKind(sib, node) || isSkipped(sib) || shape(sib, 1, s) !== shape(node, 1, s)) return false;
  const text = readText(sib);
  if (!DATE.test(text) || !DATE.test(readText(node))) return false;
  if (inRowLabelCount(text) >= 2) return true;
  const a = headerFor(sib, s.ctx);
  return a !== null && a.header === headerFor(node, s.ctx)?.header;
}

/** Tag skeleton two levels deep: rows of one list share it even when their refund number is missing. */
function shape(el: Element, levels: 0 | 1 | 2, s?: Pick<Search, 'shapes'>): string {
  const known = s?.shapes[levels].get(el);
  if (known !== undefined) return known;
  let out: string;
  if (levels === 0) out = `${el.localName}[${roleOf(el)}]`;
  else {
    const parts: string[] = [];
    for (let k = el.firstElementChild; k; k = k.nextElementSibling) {
      if (!isSkipped(k)) parts.push(shape(k, levels === 2 ? 1 : 0, s));
    }
    out = `${el.localName}[${roleOf(el)}](${parts.join(',')})`;
  }
  s?.shapes[levels].set(el, out);
  return out;
}

/** The kind of an element as rows of one list share it (tag and role). */
const kindOf = (el: Element): string => `${el.localName}[${roleOf(el)}]`;

/**
 * Rows of one list are siblings. A candidate buried inside an element that stands among such siblings (same kind)
 * is not a row: its id could not climb to that element because something else there names a refund (e.g. two
 * refund numbers merged in one card). That element is then read as a whole, and reported as not understood.
 */
function dropBuried(rows: Element[]): Element[] {
  // Per parent: how many candidates it holds and their kinds.
  const byParent = new Map<Element, { n: number; kinds: Set<string> }>();
  for (const r of rows) {
    const p = r.parentElement;
    if (!p) continue;
    const entry = byParent.get(p);
    if (entry) {
      entry.n++;
      entry.kinds.add(kindOf(r));
    } else byParent.set(p, { n: 1, kinds: new Set([kindOf(r)]) });
  }
  return rows.filter((r) => {
    for (let a = r.parentElement; a?.parentElement; a = a.parentElement) {
      const siblings = byParent.get(a.parentElement);
      if (siblings && siblings.n >= 2 && siblings.kinds.has(kindOf(a))) return false;
    }
    return true;
  });
}

function inRowLabelCount(text: string): number {
  return FIELD_KEYS.filter((f) => FIELD_LABELS[f].inRow && findFieldLabel(text, f) !== null).length;
}

/** Descends through wrappers that hold all of the row's text (a Fusion row table → its tbody → its tr). */
export function strip(row: Element): Element {
  let el = row;
  for (;;) {
    for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3 && (n as Text).data.trim() !== '') return el;
    const kids: Element[] = [];
    for (let k = el.firstElementChild; k && kids.length < 2; k = k.nextElementSibling) if (!isSkipped(k) && hasText(k)) kids.push(k);
    const only = kids[0];
    if (kids.length !== 1 || !only) return el;
    if (['td', 'th', 'a', 'button', 'label'].includes(only.localName) || /cell|header/.test(roleOf(only))) return el;
    el = only;
  }
}

/** The elements of the page's header rows and their ancestors: a climb stops below them (a row never holds one). */
export function headerHoldersOf(ctx: ReadContext): Set<Element> {
  const holders = new Set<Element>();
  for (const h of ctx.headers) {
    for (let el: Element | null = h.el; el && !holders.has(el); el = el.parentElement) holders.add(el);
  }
  return holders;
}

/**
 * The rows under `scope` before stripping their wrappers ("tops": where the climbs from their refund ids stopped),
 * then the rows of the same lists without a readable refund number. Unordered. A top may be `scope` itself: its
 * climb was stopped by the end of the scope, not by the page.
 */
export function rowTops(scope: Element, ctx: ReadContext, headerHolders = headerHoldersOf(ctx)): Element[] {
  const all = findIdOccurrences(scope, ctx, true);
  const s: Search = { ...holdingsOf(all, scope), headerHolders, shapes: [new Map(), new Map(), new Map()], ctx };
  // Where a climb from an element with a given id ended: climbs from two occurrences of one row meet.
  const reached = new Map<Element, { id: string; top: Element }>();
  const outer = new Set<Element>();
  for (const o of all) {
    const id = o.id;
    if (id === null) continue;
    const path: Element[] = [];
    let node = o.el;
    let top: Element;
    for (;;) {
      const known = reached.get(node);
      if (known && known.id === id) {
        top = known.top;
        break;
      }
      path.push(node);
      const parent = node.parentElement;
      if (node === scope || !parent || stopsBelow(parent, node, id, s)) {
        top = node;
        break;
      }
      node = parent;
    }
    for (const el of path) if (!reached.has(el)) reached.set(el, { id, top });
    outer.add(top);
  }
  const notNested = [...outer].filter((r) => {
    for (let a = r.parentElement; a; a = a.parentElement) if (outer.has(a)) return false;
    return true;
  });
  const rows = dropBuried(notNested);

  // Rows of the same list without a readable refund number (each list looked at once).
  const idless: Element[] = [];
  const seenParents = new Set<Element>();
  const rowSet = new Set(rows);
  const rowAncestors = new Set<Element>();
  for (const r of rows) for (let a = r.parentElement; a && !rowAncestors.has(a); a = a.parentElement) rowAncestors.add(a);
  for (const row of rows) {
    const parent = row.parentElement;
    if (!parent || row === scope || seenParents.has(parent)) continue;
    seenParents.add(parent);
    for (let sib = parent.firstElementChild; sib; sib = sib.nextElementSibling) {
      if (rowSet.has(sib) || rowAncestors.has(sib)) continue;
      if (isIdlessRow(sib, row, s)) idless.push(sib);
    }
  }
  return [...rows, ...idless];
}

/**
 * Is `sib`, a sibling of the row (top) `row` that holds no readable refund id, a row of the same list whose refund
 * number is missing? Same kind of element, some text, and a blank refund-id label, two field labels or the row's
 * cells (with a date). `sib` must not hold a row.
 */
export function isIdlessRow(sib: Element, row: Element, s: IdlessCheck): boolean {
  if (!sameKind(sib, row) || isSkipped(sib)) return false;
  if (sib.localName === BADGE_TAG || s.headerHolders.has(sib)) return false;
  const text = readText(sib);
  if (text === '' || asHeaderRow(sib)) return false;
  const inside = s.held.get(sib) ?? [];
  const blank = inside.some((o) => o.id === null);
  if (blank || inRowLabelCount(text) >= 2) return true;
  // Same cells as a row and a date in them (申请时间): a row whose refund number is simply not there.
  return shape(sib, 2, s) === shape(row, 2, s) || (shape(sib, 1, s) === shape(row, 1, s) && DATE.test(text));
}

/** What isIdlessRow needs to look at one sibling on its own (outside a search of the whole list). */
export function idlessCheckOf(sib: Element, ctx: ReadContext, headerHolders: Set<Element>): IdlessCheck {
  return { held: new Map([[sib, findIdOccurrences(sib, ctx)]]), headerHolders, shapes: [new Map(), new Map(), new Map()] };
}

export { kindOf };

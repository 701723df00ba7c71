// The refund rows of a page change, without reading the whole list again: only the subtrees the page added (or changed
// outside any row already read) are searched. Each gives what the full reading (find-rows.ts) finds inside it; where
// the full reading would look past the subtree — a subtree that is one whole row, a subtree without a refund number
// among rows — its siblings are checked the same way the full reading checks them. When that does not decide, the
// parent is searched instead. Compared with the tests' whole-page reader (tests/unit/page/reference-reader.ts) on the
// layouts and the markup fuzzer's pages (tests/unit/page/added-rows.test.ts). Not reproduced: a row list nested as one
// item of an outer list of rows (the full reading's dropBuried one level above the added subtree), and which sibling
// row an id-less row is compared to when one list mixes row shapes (the first in the parent here, the first found
// there).
import { type ReadContext } from './columns';
import { headerHoldersOf, idlessCheckOf, isIdlessRow, kindOf, rowTops, strip } from './find-rows';
import { findIdOccurrences } from './identifiers';
import { hasRefundIdLabel } from './labels';

/**
 * How many levels a subtree with digits but no refund found in it is widened: it may complete a row around it (the
 * digits of "退款编号：<span>…</span>" arriving late), and a row is shallow.
 */
const WIDEN_LEVELS = 4;
/** A refund number is a run of 6 or more digits (domain.md §1), in the text or in a disputeId link. */
const ID_DIGITS = /\d{6}|disputeId=/i;
/** Every refund-id label holds 退 or 售 (identifiers.ts): a cheap test before the label search. */
const REFUND_ID_HINT = /[退售]/;

/** What the caller knows of rows read before: the refund id of each (rows read as problems are not listed). */
export interface KnownRows {
  rows(): Iterable<Element>;
  refundIdOf(row: Element): string | undefined;
}

/** One searched subtree: where it sits and the row tops found in it (find-rows rowTops). */
interface Searched {
  root: Element;
  parent: Element;
  tops: Element[];
  /** The root is itself a row (its climb reached the root, so the page around it decides). */
  whole: boolean;
}

/**
 * The rows in and around `roots` (elements added to the page, or changed but not inside a known row), as the full
 * reading of the document would find them: stripped, unordered, once each. Rows found again (a search widened to the
 * parent) may include known ones.
 */
export function findAddedRows(roots: Iterable<Element>, ctx: ReadContext, known: KnownRows): Element[] {
  const headerHolders = headerHoldersOf(ctx);
  const out = new Set<Element>();
  let pending = outermost([...roots].filter((r) => r.isConnected));
  /** How many times each pending root was widened from a subtree where nothing was found. */
  const widened = new Map<Element, number>();
  // Each round searches the pending roots; roots whose answer depends on the page above them are searched again from
  // their parent in the next round (rare: one row added to a list with no other row, a late refund number).
  while (pending.length > 0) {
    const searched: Searched[] = [];
    for (const root of pending) {
      const parent = root.parentElement;
      const tops = rowTops(root, ctx, headerHolders);
      if (!parent || root.localName === 'body') {
        for (const top of tops) out.add(top === root ? root : strip(top));
        continue;
      }
      searched.push({ root, parent, tops, whole: tops.includes(root) });
    }
    const widen = new Set<Element>();
    const siblings = new SiblingRows(searched, known, ctx);
    for (const s of searched) {
      if (s.whole) {
        if (siblings.stopsAt(s.root, ctx, headerHolders)) out.add(strip(s.root));
        else widen.add(s.parent);
        continue;
      }
      const levels = widened.get(s.root) ?? 0;
      if (s.tops.length === 0 && levels < WIDEN_LEVELS && mayHoldId(s.root) && !siblings.inList(s.root)) {
        widened.set(s.parent, levels + 1);
        widen.add(s.parent);
        continue;
      }
      const rowSibling = siblings.rowTopBeside(s.root);
      // Rows buried in an element that stands among rows of the same kind are not rows: that element is read as a
      // whole (find-rows dropBuried), if it is a row without a readable number (and then reported as not understood).
      const buried = s.tops.length > 0 && siblings.hasTwoOfKind(s.parent, kindOf(s.root));
      if (!buried) for (const top of s.tops) out.add(strip(top));
      if ((buried || s.tops.length === 0) && rowSibling && isIdlessRow(s.root, rowSibling, idlessCheckOf(s.root, ctx, headerHolders))) {
        out.add(strip(s.root));
      }
    }
    pending = outermost([...widen]);
  }
  return [...out];
}

/**
 * The row tops among the children of the parents of searched roots: the searched roots that are one whole row, and
 * (looked up only when those do not decide) the rows known from before.
 */
class SiblingRows {
  /** Per parent: its children that are row tops, with the refund id each holds (null: several or none). */
  private readonly byParent = new Map<Element, Map<Element, string | null>>();
  /** Parents whose known rows have been added to byParent. */
  private readonly withKnown = new Set<Element>();
  private readonly roots: Set<Element>;

  constructor(
    searched: Searched[],
    private readonly known: KnownRows,
    ctx: ReadContext,
  ) {
    this.roots = new Set(searched.map((s) => s.root));
    for (const s of searched) {
      if (!this.byParent.has(s.parent)) this.byParent.set(s.parent, new Map());
      if (s.whole) this.byParent.get(s.parent)!.set(s.root, singleId(s.root, ctx));
    }
  }

  /** The row tops under `parent`; with `all`, also those of rows known from before (searched once per parent). */
  private topsUnder(parent: Element, all: boolean): Map<Element, string | null> {
    const tops = this.byParent.get(parent)!;
    if (!all || this.withKnown.has(parent)) return tops;
    this.withKnown.add(parent);
    for (const row of this.known.rows()) {
      if (!row.isConnected || !parent.contains(row) || row === parent) continue;
      // The child of `parent` that holds the known row: that row's top (unless it is searched again now).
      let child = row;
      while (child.parentElement !== parent) child = child.parentElement!;
      if (!this.roots.has(child) && !tops.has(child)) tops.set(child, this.known.refundIdOf(row) ?? null);
    }
    return tops;
  }

  /**
   * Would the full reading's climb from `root` (one whole row) stop below its parent? Yes when the parent holds
   * another refund (find-rows stopsBelow: a different id outside the node) or a header row the root does not hold.
   */
  stopsAt(root: Element, ctx: ReadContext, headerHolders: Set<Element>): boolean {
    const parent = root.parentElement!;
    if (headerHolders.has(parent) && !headerHolders.has(root)) return true;
    const own = singleId(root, ctx);
    if (own === null) return false;
    const other = (all: boolean) => {
      for (const [top, id] of this.topsUnder(parent, all)) if (top !== root && id !== null && id !== own) return true;
      return false;
    };
    return other(false) || other(true);
  }

  /** Is `root` a child of an element with row tops (a list)? */
  inList(root: Element): boolean {
    return this.topsUnder(root.parentElement!, false).size > 0 || this.topsUnder(root.parentElement!, true).size > 0;
  }

  /** The first row top (in the parent's order) beside `root`, if any. */
  rowTopBeside(root: Element): Element | undefined {
    const tops = this.topsUnder(root.parentElement!, true);
    if (tops.size === 0) return undefined;
    for (let child = root.parentElement!.firstElementChild; child; child = child.nextElementSibling) {
      if (child !== root && tops.has(child)) return child;
    }
    return undefined;
  }

  /** Does `parent` have two row tops or more, one of them of this kind? */
  hasTwoOfKind(parent: Element, kind: string): boolean {
    const tops = this.topsUnder(parent, true);
    return tops.size >= 2 && [...tops.keys()].some((t) => kindOf(t) === kind);
  }
}

/** Could `el` complete a refund number around it: digits of one, a refund-id label, a detail link? */
function mayHoldId(el: Element): boolean {
  const text = el.textContent ?? '';
  if (ID_DIGITS.test(text) || (REFUND_ID_HINT.test(text) && hasRefundIdLabel(text))) return true;
  return el.localName === 'a' ? ID_DIGITS.test(el.getAttribute('href') ?? '') : el.querySelector('a[href*="disputeId" i]') !== null;
}

/** The one refund id held by `el`, or null when it holds none or several. */
function singleId(el: Element, ctx: ReadContext): string | null {
  let id: string | null = null;
  for (const o of findIdOccurrences(el, ctx)) {
    if (o.id === null) continue;
    if (id !== null && o.id !== id) return null;
    id = o.id;
  }
  return id;
}

/** Drops roots inside other roots: searching the outer one covers them. */
function outermost(roots: Iterable<Element>): Element[] {
  const set = new Set(roots);
  return [...set].filter((r) => {
    for (let up = r.parentElement; up; up = up.parentElement) if (set.has(up)) return false;
    return true;
  });
}

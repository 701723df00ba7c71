// Where the <refund-radar-badge> host goes for a row (domain.md §8: "inside (or immediately after the first cell of)
// that row"). Tables and grids: at the end of the first cell. Cards: at the end of the line holding the 退款编号.
// Detail page (the row is the whole page): right after the element holding the 退款编号 value. Never inside a link
// or button: a click on the badge must not open the detail page or press 同意退款.
import { type ReadContext, createReadContext } from './columns';
import { BADGE_TAG, isControl, isSkipped, readText } from './dom-text';
import { type IdOccurrence, findIdOccurrences } from './identifiers';

interface BadgeAnchor {
  parent: Element;
  /** Insert before this node; null = append as the last child. */
  before: Node | null;
}

const CELL_SELECTOR = 'td, th, [role="gridcell"], [role="cell"], [role="rowheader"]';
const BLOCK = new Set(['div', 'p', 'li', 'dd', 'dt', 'section', 'article', 'header', 'footer', 'td', 'th', 'tr', 'dl', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** A row that is the whole page (the detail page): body, html, or an element with no parent. */
export function isPageRow(rowEl: Element): boolean {
  return rowEl.localName === 'body' || rowEl.localName === 'html' || rowEl.parentElement === null;
}

/** Moves an insertion point out of any link or button (and out of our own badge) between it and the row. */
function outsideInteractive(anchor: BadgeAnchor, row: Element): BadgeAnchor {
  let result = anchor;
  for (let el: Element | null = anchor.parent; el && el !== row.parentElement; el = el.parentElement) {
    const interactive = el.localName === 'a' || el.localName === 'button' || isControl(el) || el.localName === BADGE_TAG;
    if (interactive && el.parentElement) result = { parent: el.parentElement, before: el.nextSibling };
  }
  return result;
}

/** The first cell that is not just a selection checkbox. */
function firstCell(rowEl: Element): Element | null {
  const cells = [...(rowEl.matches(CELL_SELECTOR) ? [rowEl] : []), ...rowEl.querySelectorAll(CELL_SELECTOR)].filter(
    (c) => !isSkipped(c) && c.closest(BADGE_TAG) === null,
  );
  return cells.find((c) => readText(c) !== '' || c.querySelector('input, [role="checkbox"]') === null) ?? cells[0] ?? null;
}

function idOccurrence(rowEl: Element, ctx: ReadContext): IdOccurrence | undefined {
  const occ = findIdOccurrences(rowEl, ctx).filter((o) => o.id !== null);
  return occ.find((o) => o.kind === 'label') ?? occ.find((o) => o.kind === 'column') ?? occ[0];
}

/** The smallest element under `el` whose text holds `digits` (the value element of "退款编号 <span>…</span>"). */
function valueElement(el: Element, digits: string): Element {
  for (const child of el.children) {
    if (!isSkipped(child) && readText(child).includes(digits)) return valueElement(child, digits);
  }
  return el;
}

export function badgeAnchor(rowEl: Element, ctx: ReadContext = createReadContext(rowEl)): BadgeAnchor {
  if (isPageRow(rowEl)) {
    const occ = idOccurrence(rowEl, ctx);
    if (occ && occ.id !== null) {
      const holder = valueElement(occ.el, occ.id);
      if (holder.parentElement) return outsideInteractive({ parent: holder.parentElement, before: holder.nextSibling }, rowEl);
    }
    return { parent: rowEl, before: rowEl.firstChild };
  }

  const cell = firstCell(rowEl);
  if (cell) return outsideInteractive({ parent: cell, before: null }, rowEl);

  // A card: the line (block element) holding the refund number, at its end.
  const occ = idOccurrence(rowEl, ctx);
  if (!occ) return outsideInteractive({ parent: rowEl, before: null }, rowEl);
  let line: Element = occ.el;
  while (line !== rowEl && (!BLOCK.has(line.localName) || line.localName === 'a') && line.parentElement) line = line.parentElement;
  if (line === rowEl && occ.el !== rowEl) {
    // The number sits directly in the card: right after the child that holds it.
    let child: Element = occ.el;
    while (child.parentElement && child.parentElement !== rowEl) child = child.parentElement;
    return outsideInteractive({ parent: rowEl, before: child.nextSibling }, rowEl);
  }
  return outsideInteractive({ parent: line, before: null }, rowEl);
}

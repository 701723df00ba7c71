// Reading text from page markup without layout: happy-dom (and a detached DOM) has no innerText, and textContent runs
// "退款金额<div>¥128</div>" together. Element boundaries become spaces, except inline formatting tags, whose parts
// belong to one word ("还剩<em>1</em>天"); the result is normalised (domain.md §4.1).
import { normalizeText } from '../text/normalize';

/** The badge host this extension inserts: never part of what the page says. */
export const BADGE_TAG = 'refund-radar-badge';

const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'svg', 'iframe', 'canvas', BADGE_TAG]);
const INLINE_FORMATTING = new Set(['b', 'i', 'em', 'strong', 'small', 'big', 'sup', 'sub', 'u', 's', 'strike', 'font', 'mark', 'abbr', 'code', 'tt', 'wbr']);
const FORM_CONTROLS = new Set(['button', 'input', 'select', 'textarea', 'option']);
// Action words of the seller center (§1): a link saying one of these is a button in disguise, e.g. a decoy
// "申请介入" inside the status cell that would otherwise classify the row as intervening.
const ACTION_WORDS = new Set([
  '申请介入', '申请客服介入', '申请淘宝介入', '查看详情', '详情', '同意退款', '拒绝退款', '同意退货', '拒绝退货',
  '确认收货,同意退款', '确认收货', '备注', '修改备注', '拦截快递', '复制', '联系买家', '旺旺联系', '批量同意退款',
  '批量审核', '上传凭证', '查看物流', '更多',
]);

/**
 * Text read during one reading of an unchanging DOM, memoised per node (see withTextMemo). Null outside a reading:
 * every call then reads the DOM again.
 */
interface TextMemo {
  skipped: WeakMap<Element, boolean>;
  text: WeakMap<Node, string>;
  raw: WeakMap<Node, string>;
  control: WeakMap<Element, boolean>;
  nodes: WeakMap<Element, Text[]>;
}
let memo: TextMemo | null = null;

/**
 * Runs `fn` with readText / contentTextNodes / isControl memoised per node. Only for code that does not change the
 * page's text while it runs (inserting our own badge hosts is fine: they are never page text). Nests.
 */
export function withTextMemo<T>(fn: () => T): T {
  if (memo) return fn();
  memo = { skipped: new WeakMap(), text: new WeakMap(), raw: new WeakMap(), control: new WeakMap(), nodes: new WeakMap() };
  try {
    return fn();
  } finally {
    memo = null;
  }
}

/** normalizeText (domain.md §4.1), remembered for short texts (they repeat from row to row). Same result. */
export function normText(text: string): string {
  if (text.length > 64) return normalizeText(text);
  let out = normalized.get(text);
  if (out === undefined) {
    if (normalized.size >= 4096) normalized.clear();
    out = normalizeText(text);
    normalized.set(text, out);
  }
  return out;
}
const normalized = new Map<string, string>();

/** Elements whose text is never page content (scripts, our own badge, hidden nodes). */
export function isSkipped(el: Element): boolean {
  if (SKIPPED.has(el.localName)) return true;
  // Asked many times per element during one reading (every text and cell walk): remembered then.
  const known = memo?.skipped.get(el);
  if (known !== undefined) return known;
  const skipped = hiddenByAttribute(el);
  memo?.skipped.set(el, skipped);
  return skipped;
}

function hiddenByAttribute(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Buttons, form fields and links that only name an action: they say what one can do, not what the refund is. */
export function isControl(el: Element): boolean {
  if (FORM_CONTROLS.has(el.localName)) return true;
  const role = el.getAttribute('role');
  if (role === 'button' || role === 'menuitem' || role === 'checkbox' || role === 'switch') return true;
  if (el.localName !== 'a') return false;
  const known = memo?.control.get(el);
  if (known !== undefined) return known;
  const control = ACTION_WORDS.has(normText(el.textContent ?? '').replace(/ /g, ''));
  memo?.control.set(el, control);
  return control;
}

/** Is the element (or an ancestor up to `stop`) skipped or a control? */
export function isInsideIgnored(node: Node, stop: Element | null = null, withControls = true): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el && el !== stop; el = el.parentElement) {
    if (isSkipped(el) || (withControls && isControl(el))) return true;
  }
  return false;
}

/** The node's text before normalisation: element boundaries as spaces (inline formatting excepted). */
function rawText(node: Node, withControls: boolean): string {
  const cache = withControls ? undefined : memo?.raw;
  const known = cache?.get(node);
  if (known !== undefined) return known;
  let out = '';
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      out += (child as Text).data;
    } else if (child.nodeType === 1) {
      const el = child as Element;
      if (isSkipped(el) || (!withControls && isControl(el))) continue;
      if (el.localName === 'br') out += ' ';
      else if (INLINE_FORMATTING.has(el.localName)) out += rawText(el, withControls);
      else out += ` ${rawText(el, withControls)} `;
    }
  }
  cache?.set(node, out);
  return out;
}

/**
 * The normalised text of a node, element boundaries as spaces. Buttons and action links are left out unless
 * `withControls` (the status cell must not say 申请介入 because of its button).
 */
export function readText(node: Node, withControls = false): string {
  if (node.nodeType === 3) return normText((node as Text).data);
  const cache = withControls ? undefined : memo?.text;
  const known = cache?.get(node);
  if (known !== undefined) return known;
  const text = normText(rawText(node, withControls));
  cache?.set(node, text);
  return text;
}

/** Does the element carry any visible text (controls excluded)? */
export function hasText(el: Element): boolean {
  return readText(el) !== '';
}

/** Text nodes under `root` that are page content (not in scripts, the badge, hidden nodes or controls). */
export function contentTextNodes(root: Element): Text[] {
  const known = memo?.nodes.get(root);
  if (known) return known;
  const out: Text[] = [];
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        if ((child as Text).data.trim() !== '') out.push(child as Text);
      } else if (child.nodeType === 1) {
        const el = child as Element;
        if (isSkipped(el) || isControl(el)) continue;
        walk(el);
      }
    }
  };
  walk(root);
  memo?.nodes.set(root, out);
  return out;
}

/**
 * contentTextNodes(root).filter((n) => accept(n.data)), faster: the browser's tree walker lists the text nodes, and
 * only the accepted ones are checked for a skipped or control ancestor (each element checked once).
 */
export function contentTextNodesWhere(root: Element, accept: (data: string) => boolean): Text[] {
  const out: Text[] = [];
  const ignored = new Map<Element, boolean>();
  const isIgnored = (el: Element | null): boolean => {
    if (!el || el === root) return false;
    let v = ignored.get(el);
    if (v === undefined) {
      v = isSkipped(el) || isControl(el) || isIgnored(el.parentElement);
      ignored.set(el, v);
    }
    return v;
  };
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    if (accept(data) && data.trim() !== '' && !isIgnored(node.parentElement)) out.push(node as Text);
  }
  return out;
}

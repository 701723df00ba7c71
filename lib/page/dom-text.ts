// Reading text from page markup without layout: happy-dom (and a detached DOM) has no innerText, and textContent runs
// "退款金额<div>¥128</div>" together. Element boundaries become spaces, except inline formatting tags, whose parts
// belong to one word ("还剩<em>1</em>天"); the result is normalised (domain.md §4.1).
import { compactText, normalizeText } from '../text/normalize';

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

/** Elements whose text is never page content (scripts, our own badge, hidden nodes). */
export function isSkipped(el: Element): boolean {
  if (SKIPPED.has(el.localName)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Buttons, form fields and links that only name an action: they say what one can do, not what the refund is. */
export function isControl(el: Element): boolean {
  if (FORM_CONTROLS.has(el.localName)) return true;
  const role = el.getAttribute('role');
  if (role === 'button' || role === 'menuitem' || role === 'checkbox' || role === 'switch') return true;
  if (el.localName === 'a') return ACTION_WORDS.has(compactText(el.textContent ?? ''));
  return false;
}

/** Is the element (or an ancestor up to `stop`) skipped or a control? */
export function isInsideIgnored(node: Node, stop: Element | null = null, withControls = true): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el && el !== stop; el = el.parentElement) {
    if (isSkipped(el) || (withControls && isControl(el))) return true;
  }
  return false;
}

function collect(node: Node, out: string[], withControls: boolean): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      out.push((child as Text).data);
    } else if (child.nodeType === 1) {
      const el = child as Element;
      if (isSkipped(el) || (!withControls && isControl(el))) continue;
      if (el.localName === 'br') {
        out.push(' ');
        continue;
      }
      const separate = !INLINE_FORMATTING.has(el.localName);
      if (separate) out.push(' ');
      collect(el, out, withControls);
      if (separate) out.push(' ');
    }
  }
}

/**
 * The normalised text of a node, element boundaries as spaces. Buttons and action links are left out unless
 * `withControls` (the status cell must not say 申请介入 because of its button).
 */
export function readText(node: Node, withControls = false): string {
  if (node.nodeType === 3) return normalizeText((node as Text).data);
  const out: string[] = [];
  collect(node, out, withControls);
  return normalizeText(out.join(''));
}

/** Does the element carry any visible text (controls excluded)? */
export function hasText(el: Element): boolean {
  return readText(el) !== '';
}

/** Text nodes under `root` that are page content (not in scripts, the badge, hidden nodes or controls). */
export function contentTextNodes(root: Element): Text[] {
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
  return out;
}

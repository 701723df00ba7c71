// The light-DOM host <refund-radar-badge> of the observable contract (domain.md §8) and the badge in its shadow root.
// Plain DOM, no framework: a page holds hundreds of badges and the clock moves them every minute, so each badge is
// built once from a template and afterwards only the text nodes and attributes that changed are written.
import type { RefundBadgeInfo } from '@/lib/deadline/describe';
import { BADGE_TAG } from '@/lib/page/dom-text';
import { applyBadgeCss } from './badge-css';
import type { BadgeView } from './badge-view';

export { BADGE_TAG };

/** The parts of a badge in display order; each is a <span class="…"> hidden while its text is empty. */
const PARTS = ['cue', 'left', 'est', 'actor'] as const;

export interface MountedBadge {
  readonly host: HTMLElement;
  /** Writes the contract attributes (data-*) of `info`. */
  writeContract(info: RefundBadgeInfo): void;
  /** Shows `view`, writing only what differs from the last view shown. */
  paint(view: BadgeView): void;
  dispose(): void;
}

let template: HTMLElement | undefined;

/** <span class="badge" role="note" tabindex="0"><span class="cue" hidden>…</span>…</span>, built once per page. */
function badgeTemplate(doc: Document): HTMLElement {
  if (template?.ownerDocument === doc) return template;
  const box = doc.createElement('span');
  box.setAttribute('role', 'note');
  box.tabIndex = 0; // keyboard-focusable: the tooltip is also its accessible name
  for (const part of PARTS) {
    const span = doc.createElement('span');
    span.className = part;
    span.hidden = true;
    span.append(doc.createTextNode(''));
    box.append(span);
  }
  return (template = box);
}

function setAttr(el: Element, name: string, value: string | undefined): void {
  if (value === undefined) el.removeAttribute(name);
  else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

export function mountBadge(doc: Document = document): MountedBadge {
  const host = doc.createElement(BADGE_TAG);
  const root = host.attachShadow({ mode: 'open' });
  applyBadgeCss(root);
  const box = badgeTemplate(doc).cloneNode(true) as HTMLElement;
  root.append(box);
  const spans = [...box.children] as HTMLElement[];
  let last: BadgeView | undefined;
  return {
    host,
    writeContract(info) {
      setAttr(host, 'data-refund-id', info.refundId);
      setAttr(host, 'data-order-id', info.orderId);
      setAttr(host, 'data-status', info.status);
      setAttr(host, 'data-actor', info.actor);
      setAttr(host, 'data-deadline', info.deadline === undefined ? undefined : new Date(info.deadline).toISOString());
      setAttr(host, 'data-deadline-source', info.deadline === undefined ? undefined : info.deadlineSource);
      setAttr(host, 'data-state', info.state);
    },
    paint(view) {
      if (view.cls !== last?.cls) box.className = view.cls;
      if (view.title !== last?.title) box.title = view.title;
      if (view.label !== last?.label) box.setAttribute('aria-label', view.label);
      PARTS.forEach((part, i) => {
        const text = view[part];
        if (text === last?.[part]) return;
        const span = spans[i]!;
        (span.firstChild as Text).data = text;
        span.hidden = text === '';
      });
      last = view;
    },
    dispose() {
      host.remove();
    },
  };
}

// Creates the light-DOM host <refund-radar-badge> of the observable contract (domain.md §8), keeps its data-*
// attributes in sync with the refund, and renders the Preact badge in its shadow root.
import { computed, effect, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import { h, render } from 'preact';
import type { DescribeContext, RefundBadgeInfo } from '@/lib/deadline/describe';
import { describeRefund } from '@/lib/deadline/describe';
import type { ImpactNumbers } from '@/lib/format/impact';
import type { Lang } from '@/lib/format/time-left';
import type { RefundRow } from '@/lib/model';
import { applyBadgeCss } from './badge-css';
import { DeadlineBadge } from './DeadlineBadge';

export const BADGE_TAG = 'refund-radar-badge';

/** What is known about a refund beyond the page: first seen in its status, an earlier page deadline, its impact. */
export type BadgeExtras = Partial<DescribeContext> & { impact?: ImpactNumbers };

export interface MountedBadge {
  readonly host: HTMLElement;
  readonly row: Signal<RefundRow>;
  /** What is known about this refund beyond the page (first seen in its status, a stored page deadline). */
  readonly known: Signal<BadgeExtras>;
  readonly info: ReadonlySignal<RefundBadgeInfo>;
  dispose(): void;
}

function setAttr(host: HTMLElement, name: string, value: string | undefined): void {
  if (value === undefined) host.removeAttribute(name);
  else if (host.getAttribute(name) !== value) host.setAttribute(name, value);
}

/** Writes the contract attributes; a deadline is an ISO-8601 UTC instant. */
function writeContract(host: HTMLElement, info: RefundBadgeInfo): void {
  setAttr(host, 'data-refund-id', info.refundId);
  setAttr(host, 'data-order-id', info.orderId);
  setAttr(host, 'data-status', info.status);
  setAttr(host, 'data-actor', info.actor);
  setAttr(host, 'data-deadline', info.deadline === undefined ? undefined : new Date(info.deadline).toISOString());
  setAttr(host, 'data-deadline-source', info.deadline === undefined ? undefined : info.deadlineSource);
  setAttr(host, 'data-state', info.state);
}

function sameInfo(a: RefundBadgeInfo, b: RefundBadgeInfo): boolean {
  for (const key of Object.keys(b) as Array<keyof RefundBadgeInfo>) if (a[key] !== b[key]) return false;
  return Object.keys(a).length === Object.keys(b).length;
}

export function mountBadge(
  initial: RefundRow,
  now: ReadonlySignal<number>,
  context: ReadonlySignal<DescribeContext>,
  lang: Lang,
): MountedBadge {
  const host = document.createElement(BADGE_TAG);
  const root = host.attachShadow({ mode: 'open' });
  applyBadgeCss(root);
  const row = signal(initial);
  const known = signal<BadgeExtras>({});
  // The same answer keeps the same object, so a tick that changes nothing re-renders nothing but the time text.
  let last: RefundBadgeInfo | undefined;
  const info = computed(() => {
    const { impact: _impact, ...extra } = known.value;
    const next = describeRefund(row.value, now.value, { ...context.value, ...extra });
    if (last && sameInfo(last, next)) return last;
    return (last = next);
  });
  const impact = computed(() => (info.value.state === 'done' ? undefined : known.value.impact));
  const stopContract = effect(() => writeContract(host, info.value));
  render(h(DeadlineBadge, { info, now, lang, impact }), root);
  return {
    host,
    row,
    known,
    info,
    dispose() {
      stopContract();
      render(null, root);
      host.remove();
    },
  };
}

// All badges of one page, keyed by row element: attach on a new row, update in place when a row's content changes
// (the page reuses row elements across pages and sorts), remove when a row is gone or no longer readable.
// Never two hosts in one row, never a host on a row that is gone.
import type { ReadonlySignal } from '@preact/signals';
import type { DescribeContext } from '@/lib/deadline/describe';
import type { Lang } from '@/lib/format/time-left';
import type { BadgeState, RefundRow, RowProblem } from '@/lib/model';
import type { KnownRefundMessage } from '@/lib/messages';
import type { ReadContext } from '@/lib/page/read-page';
import { BADGE_TAG, mountBadge, type BadgeExtras, type MountedBadge } from './mount-badge';

export type RowReading = { ok: true; row: RefundRow } | { ok: false; problem: RowProblem };

export interface BadgeBoardOptions {
  now: ReadonlySignal<number>;
  context: ReadonlySignal<DescribeContext>;
  lang: Lang;
  read(rowEl: Element, readAt: number, ctx: ReadContext): RowReading;
  anchor(rowEl: Element, ctx: ReadContext): { parent: Element; before: Node | null };
}

export interface BoardSnapshot {
  rows: RefundRow[];
  problems: RowProblem[];
  states: Partial<Record<BadgeState, number>>;
}

export class BadgeBoard {
  private readonly badges = new Map<Element, MountedBadge>();
  private readonly problems = new Map<Element, RowProblem>();
  /** First time this tab saw a refund in a status: the fallback start of a rule deadline (§3). */
  private readonly firstSeen = new Map<string, number>();
  /** What the background's history knows per refund id (replaces the tab's own first-seen when present). */
  private readonly remote = new Map<string, KnownRefundMessage>();

  constructor(private readonly options: BadgeBoardOptions) {}

  get size(): number {
    return this.badges.size;
  }

  /** The known row element that contains `node`, if any (walks up; rows are shallow). */
  rowOf(node: Node | null): Element | undefined {
    for (let n: Node | null = node; n; n = n.parentNode) {
      if (n instanceof Element && (this.badges.has(n) || this.problems.has(n))) return n;
    }
    return undefined;
  }

  isOwnHost(node: Node): boolean {
    return node instanceof Element && node.localName === BADGE_TAG;
  }

  /** Reads each row again and brings its badge in line. `ctx` is the page reading context of this batch. */
  refresh(rowEls: Iterable<Element>, ctx: ReadContext, readAt = Date.now()): void {
    for (const el of rowEls) {
      const reading = this.read(el, ctx, readAt);
      if (reading) this.apply(el, reading, ctx, readAt);
    }
  }

  /** Reads one row (no change to the page); a row that has left the document is dropped (null). */
  read(el: Element, ctx: ReadContext, readAt = Date.now()): RowReading | null {
    if (!el.isConnected) {
      this.drop(el);
      return null;
    }
    return this.options.read(el, readAt, ctx);
  }

  /** Brings the row's badge in line with a reading of it (from read). */
  apply(el: Element, reading: RowReading, ctx: ReadContext, readAt: number): void {
    if (!el.isConnected) {
      this.drop(el);
    } else if (reading.ok) {
      this.problems.delete(el);
      this.show(el, reading.row, readAt, ctx);
    } else {
      this.drop(el);
      this.problems.set(el, reading.problem);
    }
  }

  /** Forgets rows that have left the document (their hosts left with them). */
  prune(): void {
    for (const el of [...this.badges.keys(), ...this.problems.keys()]) {
      if (!el.isConnected) this.drop(el);
    }
  }

  /** Takes in what the local history knows and updates the badges it concerns. */
  applyKnown(known: Record<string, KnownRefundMessage>): void {
    for (const [id, extras] of Object.entries(known)) this.remote.set(id, extras);
    for (const badge of this.badges.values()) {
      const row = badge.row.peek();
      if (known[row.refundId]) badge.known.value = this.extrasFor(row);
    }
  }

  removeAll(): void {
    for (const el of [...this.badges.keys()]) this.drop(el);
    this.problems.clear();
  }

  snapshot(): BoardSnapshot {
    const rows: RefundRow[] = [];
    const states: Partial<Record<BadgeState, number>> = {};
    for (const badge of this.badges.values()) {
      rows.push(badge.row.peek());
      const state = badge.info.peek().state;
      states[state] = (states[state] ?? 0) + 1;
    }
    return { rows, problems: [...this.problems.values()], states };
  }

  private show(el: Element, row: RefundRow, readAt: number, ctx: ReadContext): void {
    const key = `${row.refundId}|${row.status}`;
    if (!this.firstSeen.has(key)) this.firstSeen.set(key, readAt);
    let badge = this.badges.get(el);
    if (!badge) {
      badge = mountBadge(row, this.options.now, this.options.context, this.options.lang);
      this.badges.set(el, badge);
    } else if (!sameRow(badge.row.peek(), row)) {
      badge.row.value = row;
    }
    const extras = this.extrasFor(row);
    if (!sameExtras(badge.known.peek(), extras)) badge.known.value = extras;
    this.place(el, badge.host, ctx);
  }

  private extrasFor(row: RefundRow): BadgeExtras {
    const local = this.firstSeen.get(`${row.refundId}|${row.status}`);
    const { status, firstSeenInStatus: stored, ...remote } = this.remote.get(row.refundId) ?? {};
    // The history's first-seen time counts only for the status it was seen in (the page may already be newer).
    const firstSeenInStatus = status === row.status && stored !== undefined && (local === undefined || stored < local) ? stored : local;
    return { ...remote, ...(firstSeenInStatus !== undefined ? { firstSeenInStatus } : {}) };
  }

  /** Puts the host at the row's anchor unless it is already inside the row; removes any stray host. */
  private place(el: Element, host: HTMLElement, ctx: ReadContext): void {
    for (const other of el.querySelectorAll(BADGE_TAG)) {
      if (other !== host) other.remove();
    }
    if (host.parentNode && el.contains(host)) return;
    const { parent, before } = this.options.anchor(el, ctx);
    parent.insertBefore(host, before);
  }

  private drop(el: Element): void {
    this.badges.get(el)?.dispose();
    this.badges.delete(el);
    this.problems.delete(el);
  }
}

function sameExtras(a: BadgeExtras, b: BadgeExtras): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameRow(a: RefundRow, b: RefundRow): boolean {
  // readAt changes on every read; a countdown's deadline moves by the read delay, so compare what the page says.
  const { readAt: _a, pageDeadline: pa, ...restA } = a;
  const { readAt: _b, pageDeadline: pb, ...restB } = b;
  if (JSON.stringify(restA) !== JSON.stringify(restB)) return false;
  if (pa?.kind !== pb?.kind) return false;
  if (pa?.kind === 'at' && pb?.kind === 'at') return Math.abs(pa.at - pb.at) < 60_000;
  return true;
}

// All badges of one page, keyed by row element: attach on a new row, update in place when a row's content changes
// (the page reuses row elements across pages and sorts), remove when a row is gone or no longer readable.
// Never two hosts in one row, never a host on a row that is gone. The clock (tick) and the background's answers
// (setContext, applyKnown) touch only the badges whose contract or text changes.
import type { DescribeContext, RefundBadgeInfo } from '@/lib/deadline/describe';
import { describeRefund } from '@/lib/deadline/describe';
import { historyContext } from '@/lib/deadline/history-context';
import type { ImpactNumbers } from '@/lib/format/impact';
import { nextStateChange } from '@/lib/deadline/state';
import { nextTimeLeftChange, type Lang } from '@/lib/format/time-left';
import type { BadgeState, RowProblem } from '@/lib/model/vocabulary';
import type { RefundRow } from '@/lib/model/refund-row';
import type { KnownRefundMessage } from '@/lib/protocol/page-report-reply';
import type { ReadContext } from '@/lib/page/read-page';
import { badgeView, tooltipLines } from './badge-view';
import { HostBackoff } from './host-backoff';
import { BADGE_TAG, mountBadge, type MountedBadge } from './mount-badge';

type RowReading = { ok: true; row: RefundRow } | { ok: false; problem: RowProblem };

/** What is known about a refund beyond the page: first seen in its status, an earlier page deadline, its impact. */
type BadgeExtras = Partial<DescribeContext> & { impact?: ImpactNumbers };

interface BadgeBoardOptions {
  lang: Lang;
  read(rowEl: Element, readAt: number, ctx: ReadContext): RowReading;
  anchor(rowEl: Element, ctx: ReadContext): { parent: Element; before: Node | null };
  /** The user's rules and thresholds (from the background); the defaults until then. */
  context?: DescribeContext;
}

interface BoardSnapshot {
  rows: RefundRow[];
  problems: RowProblem[];
  states: Partial<Record<BadgeState, number>>;
  /** Rows whose host the page kept taking out: no badge shown until the row is rendered again after a calm spell. */
  givenUp: number;
}

interface Badge {
  readonly dom: MountedBadge;
  row: RefundRow;
  extras: BadgeExtras;
  info: RefundBadgeInfo;
  /** Tooltip lines of `info` and the impact (they do not move with the clock). */
  lines: string[];
  /** Until when the clock changes nothing on this badge (neither its time text nor its state). */
  until: number;
  readonly backoff: HostBackoff;
}

export class BadgeBoard {
  private readonly badges = new Map<Element, Badge>();
  private readonly problems = new Map<Element, RowProblem>();
  /** First time this tab saw a refund in a status: the fallback start of a rule deadline (§3). */
  private readonly firstSeen = new Map<string, number>();
  /** What the background's history knows per refund id (replaces the tab's own first-seen when present). */
  private readonly remote = new Map<string, KnownRefundMessage>();
  private context: DescribeContext;
  /** The time of the latest reading or tick: what the badges show. */
  private now = Date.now();
  /** Rows whose host is held back for a while (the page kept taking it out); read them again at `nextPlacementAt`. */
  private readonly held = new Set<Element>();

  constructor(private readonly options: BadgeBoardOptions) {
    this.context = options.context ?? {};
  }

  get size(): number {
    return this.badges.size;
  }

  /** The known row element that contains `node`, if any (walks up; rows are shallow). */
  rowOf(node: Node | null): Element | undefined {
    for (let n: Node | null = node; n; n = n.parentNode) {
      if (n.nodeType === 1 && (this.badges.has(n as Element) || this.problems.has(n as Element))) return n as Element;
    }
    return undefined;
  }

  /** Is `el` a row this board has read (with a badge or as a problem)? */
  knows(el: Element): boolean {
    return this.badges.has(el) || this.problems.has(el);
  }

  /** The refund id of a row with a badge. */
  refundIdOf(el: Element): string | undefined {
    return this.badges.get(el)?.row.refundId;
  }

  /** Rows with a badge. */
  rows(): IterableIterator<Element> {
    return this.badges.keys();
  }

  isOwnHost(node: Node): boolean {
    return node.nodeType === 1 && (node as Element).localName === BADGE_TAG;
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
    for (const el of this.badges.keys()) if (!el.isConnected) this.drop(el);
    for (const el of this.problems.keys()) if (!el.isConnected) this.problems.delete(el);
  }

  /** The clock moved: only the badges whose state or time text changes by now are worked out again. */
  tick(now: number): void {
    this.now = now;
    for (const badge of this.badges.values()) if (now >= badge.until) this.update(badge, false);
  }

  /** The user's rules and thresholds changed (the background's answer): every badge is worked out again. */
  setContext(context: DescribeContext): void {
    if (JSON.stringify(context) === JSON.stringify(this.context)) return;
    this.context = context;
    for (const badge of this.badges.values()) this.update(badge, false);
  }

  /** Takes in what the local history knows and updates the badges it concerns. */
  applyKnown(known: Record<string, KnownRefundMessage>): void {
    for (const [id, extras] of Object.entries(known)) this.remote.set(id, extras);
    for (const badge of this.badges.values()) {
      if (!known[badge.row.refundId]) continue;
      const extras = this.extrasFor(badge.row);
      if (sameExtras(badge.extras, extras)) continue;
      badge.extras = extras;
      this.update(badge, true);
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
      rows.push(badge.row);
      const state = badge.info.state;
      states[state] = (states[state] ?? 0) + 1;
    }
    let givenUp = 0;
    for (const [el, badge] of this.badges) if (badge.backoff.givenUp && !el.contains(badge.dom.host)) givenUp++;
    return { rows, problems: [...this.problems.values()], states, givenUp };
  }

  /** When the first held-back host may go back in, if any. */
  nextPlacementAt(): number | undefined {
    let next: number | undefined;
    for (const el of this.held) {
      const at = this.badges.get(el)?.backoff.until;
      if (at !== undefined && (next === undefined || at < next)) next = at;
    }
    return next;
  }

  /** The rows whose held-back host may go back in by `now` (each given once): read them again to place it. */
  takeDuePlacements(now: number): Element[] {
    const due: Element[] = [];
    for (const el of this.held) {
      const badge = this.badges.get(el);
      if (badge && badge.backoff.until > now) continue;
      this.held.delete(el);
      if (badge) due.push(el);
    }
    return due;
  }

  private describe(badge: Pick<Badge, 'row' | 'extras'>): RefundBadgeInfo {
    const { impact: _impact, ...extra } = badge.extras;
    return describeRefund(badge.row, this.now, { ...this.context, ...extra });
  }

  /**
   * Works the badge out again at `this.now` and writes what changed: the contract and tooltip when the description
   * changed (or `linesChanged`), the time text when it moved on.
   */
  private update(badge: Badge, linesChanged: boolean): void {
    const info = this.describe(badge);
    const changed = !sameInfo(badge.info, info);
    if (!changed && !linesChanged && this.now < badge.until) return;
    if (changed) {
      badge.info = info;
      badge.dom.writeContract(info);
    }
    if (changed || linesChanged) badge.lines = tooltipLines(info, this.options.lang, badge.extras.impact);
    this.paint(badge);
  }

  private paint(badge: Badge): void {
    const { info } = badge;
    badge.dom.paint(badgeView(info, this.now, this.options.lang, badge.lines));
    badge.until = Math.min(info.deadline === undefined ? Infinity : nextTimeLeftChange(info.deadline, this.now), this.describedUntil(info));
  }

  /** Until when describeRefund gives the same answer whatever the clock says (see describe.ts). */
  private describedUntil(info: RefundBadgeInfo): number {
    if (info.state === 'done') return Infinity;
    // The page said 已超时 without a deadline: the rule deadline shows once it has passed, at an instant not kept here.
    if (info.overdueUnknownAmount) return -Infinity;
    if (info.deadline === undefined) return Infinity;
    return nextStateChange(info.deadline, info.actor, this.now, this.context.thresholds);
  }

  private show(el: Element, row: RefundRow, readAt: number, ctx: ReadContext): void {
    this.now = readAt;
    const key = `${row.refundId}|${row.status}`;
    if (!this.firstSeen.has(key)) this.firstSeen.set(key, readAt);
    const extras = this.extrasFor(row);
    let badge = this.badges.get(el);
    if (!badge) {
      const fresh = { row, extras };
      const info = this.describe(fresh);
      badge = {
        ...fresh,
        dom: mountBadge(el.ownerDocument),
        info,
        lines: tooltipLines(info, this.options.lang, extras.impact),
        until: 0,
        backoff: new HostBackoff(),
      };
      badge.dom.writeContract(info);
      this.paint(badge);
      this.badges.set(el, badge);
    } else {
      if (!sameRow(badge.row, row)) badge.row = row;
      const extrasChanged = !sameExtras(badge.extras, extras);
      if (extrasChanged) badge.extras = extras;
      this.update(badge, extrasChanged);
    }
    this.place(el, badge, ctx, readAt);
  }

  private extrasFor(row: RefundRow): BadgeExtras {
    const known = this.remote.get(row.refundId);
    const extras: BadgeExtras = historyContext(known, row, this.firstSeen.get(`${row.refundId}|${row.status}`));
    if (known?.impact) extras.impact = known.impact;
    return extras;
  }

  /**
   * Puts the host at the row's anchor unless it is already inside the row; removes any stray host. A host the page
   * took out goes back in when its backoff allows: now, at a later reading (held), or after a re-render once calm.
   */
  private place(el: Element, badge: Badge, ctx: ReadContext, now: number): void {
    const host = badge.dom.host;
    const inside = el.getElementsByTagName(BADGE_TAG);
    if (inside.length === 1 && inside[0] === host) return;
    for (const other of [...inside]) if (other !== host) other.remove();
    if (host.parentNode && el.contains(host)) return;
    badge.backoff.removed(now);
    if (now < badge.backoff.until) {
      if (badge.backoff.givenUp) this.held.delete(el);
      else this.held.add(el);
      return;
    }
    this.held.delete(el);
    const { parent, before } = this.options.anchor(el, ctx);
    parent.insertBefore(host, before);
    badge.backoff.placed(now);
  }

  private drop(el: Element): void {
    this.badges.get(el)?.dom.dispose();
    this.badges.delete(el);
    this.problems.delete(el);
    this.held.delete(el);
  }
}

function sameInfo(a: RefundBadgeInfo, b: RefundBadgeInfo): boolean {
  for (const key of Object.keys(b) as Array<keyof RefundBadgeInfo>) if (a[key] !== b[key]) return false;
  return Object.keys(a).length === Object.keys(b).length;
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

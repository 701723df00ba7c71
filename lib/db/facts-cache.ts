// The background's in-memory copy of the facts the indicators need (open refunds and those completed or intervened
// within the window), read from IndexedDB once and then kept current from each upsert's own refunds. Reading 40,000
// records on every page report cost seconds; a report now touches only the refunds it carries.
import type { RefundFacts } from '../indicators';
import { addDays, beijingDate } from '../time/beijing';
import { refundFactsWithSkipped, toRefundFacts, type RefundFactsResult } from './queries';
import type { RefundRadarDb, StoredRefund } from './schema';

/** Read for the longer of the two allowed windows (28/30 days) plus a day, so a window change needs no reload. */
const LOAD_DAYS = 31;

export class FactsCache {
  private byId = new Map<string, RefundFacts>();
  private skipped = new Map<string, 'no_type' | 'no_applied_at'>();
  private sorted: RefundFacts[] | null = null;
  private since: string | null = null;
  private loading: Promise<void> | null = null;

  constructor(private readonly db: RefundRadarDb) {}

  /** Forget everything (another page imported a file): the next read loads again. */
  invalidate(): void {
    this.since = null;
    this.loading = null;
  }

  /** The facts sorted by refundId (the indicators' fast path), loading them first when needed. */
  async get(now: number): Promise<RefundFactsResult> {
    const since = addDays(beijingDate(now), -LOAD_DAYS);
    if (this.since !== since) {
      // A new Beijing day moves the window: a fresh read drops what has aged out.
      this.loading ??= this.load(since);
      await this.loading;
    }
    this.sorted ??= [...this.byId.values()].sort((a, b) => (a.refundId < b.refundId ? -1 : a.refundId > b.refundId ? 1 : 0));
    let skippedNoType = 0;
    let skippedNoAppliedAt = 0;
    for (const reason of this.skipped.values()) {
      if (reason === 'no_type') skippedNoType++;
      else skippedNoAppliedAt++;
    }
    return { facts: this.sorted, skippedNoType, skippedNoAppliedAt, phaseAssumed: 0 };
  }

  /** Takes the stored state of these refunds (just upserted) into the copy. */
  async refresh(refundIds: readonly string[]): Promise<void> {
    if (this.since === null) return; // not loaded yet: the load will read them
    this.take(await this.db.refunds.bulkGet([...new Set(refundIds)]));
  }

  /** Takes these stored snapshots into the copy (an upsert's own, given in commit order: no read needed). */
  take(records: ReadonlyArray<StoredRefund | undefined>): void {
    if (this.since === null) return; // not loaded yet: the load will read them
    for (const r of records) {
      if (!r) continue;
      const f = toRefundFacts(r);
      if (typeof f === 'string') {
        this.skipped.set(r.refundId, f);
        if (this.byId.delete(r.refundId)) this.sorted = null;
        continue;
      }
      this.skipped.delete(r.refundId);
      if (!this.byId.has(r.refundId)) this.sorted = null;
      else if (this.sorted) {
        const i = indexById(this.sorted, r.refundId);
        if (i >= 0) this.sorted[i] = f;
      }
      this.byId.set(r.refundId, f);
    }
  }

  private async load(since: string): Promise<void> {
    const result = await refundFactsWithSkipped(this.db, since);
    this.byId = new Map(result.facts.map((f) => [f.refundId, f]));
    this.sorted = result.facts;
    this.skipped = new Map();
    // Only the counts of skipped records are known from the bulk read; keep them as anonymous entries.
    for (let i = 0; i < result.skippedNoType; i++) this.skipped.set(`?type${i}`, 'no_type');
    for (let i = 0; i < result.skippedNoAppliedAt; i++) this.skipped.set(`?applied${i}`, 'no_applied_at');
    this.since = since;
    this.loading = null;
  }
}

/** Index of `refundId` in facts sorted by refundId (binary search: a report updates up to thousands of them), or −1. */
function indexById(sorted: readonly RefundFacts[], refundId: string): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const id = sorted[mid]!.refundId;
    if (id === refundId) return mid;
    if (id < refundId) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

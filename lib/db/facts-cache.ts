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

  /**
   * Takes these stored snapshots into the copy (an upsert's own, given in commit order: no read needed). The sorted
   * list is patched in place (binary search), not sorted again: most reports bring a few new refunds.
   */
  take(records: ReadonlyArray<StoredRefund | undefined>): void {
    if (this.since === null) return; // not loaded yet: the load will read them
    for (const r of records) {
      if (!r) continue;
      const id = r.refundId;
      const f = toRefundFacts(r);
      const at = this.sorted ? lowerBound(this.sorted, id) : -1;
      const listed = this.sorted !== null && this.sorted[at]?.refundId === id;
      if (typeof f === 'string') {
        this.skipped.set(id, f);
        this.byId.delete(id);
        if (listed) this.sorted!.splice(at, 1);
        continue;
      }
      this.skipped.delete(id);
      this.byId.set(id, f);
      if (listed) this.sorted![at] = f;
      else this.sorted?.splice(at, 0, f);
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

/** The first index of facts sorted by refundId whose refundId is not below `refundId` (binary search). */
function lowerBound(sorted: readonly RefundFacts[], refundId: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.refundId < refundId) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Timings only (printed, not asserted): fake-indexeddb is much slower than Chromium's IndexedDB, so the budget
// (200 rows ≤ 30 ms into 100,000 refunds) is checked in the browser, not here.
import { afterAll, describe, expect, it } from 'vitest';
import { mergeObservation } from '@/lib/db/merge';
import type { StoredRefund } from '@/lib/db/schema';
import { upsertObservedRows } from '@/lib/db/upsert';
import type { RefundRow } from '@/lib/model';
import { HOUR, T0, newDb, row } from '../unit/db/helpers';

// RR_DB_PERF_PREFILL lowers the prefill for a quick run (the 100,000 prefill alone takes ~20 s in fake-indexeddb).
const PREFILL = Number(process.env.RR_DB_PERF_PREFILL ?? 100_000);
const id = (n: number) => String(700000000000000000n + BigInt(n));
const db = newDb();
afterAll(() => db.close());

function pageRow(n: number, readAt: number, changed: boolean): RefundRow {
  return row({
    refundId: id(n),
    orderId: String(800000000000000000n + BigInt(n)),
    type: n % 2 ? 'refund_only' : 'return_refund',
    amountFen: 100 + (n % 5000),
    appliedAt: T0 - (n % 500) * HOUR,
    status: changed ? 'wait_buyer_return' : 'wait_seller_agree',
    statusText: changed ? '待买家发货' : '待商家处理',
    pageDeadline: { kind: 'at', at: T0 + (n % 97) * HOUR },
    readAt,
  });
}

describe('upsert timings (fake-indexeddb)', () => {
  it('upserts 20 / 200 / 2000 rows into a database of 100,000 refunds', { timeout: 600_000 }, async () => {
    let t = performance.now();
    const CHUNK = Math.min(10_000, PREFILL);
    for (let start = 0; start < PREFILL; start += CHUNK) {
      const records: StoredRefund[] = [];
      for (let n = start; n < start + CHUNK; n++) records.push(mergeObservation(undefined, pageRow(n, T0 - HOUR, false), T0 - HOUR).next);
      await db.refunds.bulkAdd(records);
    }
    console.log(`prefill ${PREFILL} refunds: ${(performance.now() - t).toFixed(0)} ms`);
    expect(await db.refunds.count()).toBe(PREFILL);

    let offset = 0;
    for (const size of [20, 200, 2000]) {
      // A list page: 90 % known refunds (a quarter of them changed status), 10 % new ones.
      const rows = Array.from({ length: size }, (_, i) => {
        const known = i % 10 !== 0;
        const n = known ? offset + i : PREFILL + offset + i;
        return pageRow(n, T0, known && i % 4 === 0);
      });
      offset += size;
      t = performance.now();
      const first = await upsertObservedRows(db, rows, T0);
      const firstMs = performance.now() - t;
      t = performance.now();
      const again = await upsertObservedRows(db, rows, T0 + 1000);
      const againMs = performance.now() - t;
      console.log(
        `upsert ${size} rows: ${firstMs.toFixed(1)} ms (${JSON.stringify(first)}); same rows again: ${againMs.toFixed(1)} ms (${JSON.stringify(again)})`,
      );
      expect(again.unchanged).toBe(size);
    }
  });
});

// Many refunds (100,000 on request, see N) through the CSV and JSON paths in fake-indexeddb. Times are printed for the issue note, not
// asserted (fake-indexeddb is far slower than Chromium's IndexedDB); the counts are.
import { afterAll, describe, expect, it } from 'vitest';
import { importJson } from '@/lib/db/import';
import type { RefundEvent, RefundRadarDb } from '@/lib/db/schema';
import type { CsvProgress } from '@/lib/export/csv-stream';
import { csvBlob, exportJson } from './fixtures';
import { newDb } from '../db/helpers';
import { makeRefund } from './fixtures';

// 5,000 in the normal run (fake-indexeddb fills ≈ 3,000 refunds/s); the 100,000:
//   EXPORT_TIMING_N=100000 npx vitest run tests/unit/export/timing.test.ts
const N = Number(process.env.EXPORT_TIMING_N ?? 5_000);
const dbs: RefundRadarDb[] = [];
afterAll(() => dbs.forEach((d) => d.close()));

describe(`${N} refunds (timings printed)`, () => {
  it('CSV export, JSON export, JSON import into an empty database, re-import', async () => {
    const db = newDb();
    dbs.push(db);
    const refunds = Array.from({ length: N }, (_, i) => makeRefund(i));
    const events: RefundEvent[] = refunds.map((r) => ({ refundId: r.refundId, status: r.status, at: r.statusSince, precision: 'first_seen', statusText: r.statusText }));
    for (let i = 0; i < N; i += 10_000) {
      await db.refunds.bulkPut(refunds.slice(i, i + 10_000));
      await db.events.bulkAdd(events.slice(i, i + 10_000));
    }

    let last: CsvProgress | undefined;
    let t = performance.now();
    const blob = await csvBlob(db, 'zh', { onProgress: (p) => (last = p) });
    const csvMs = performance.now() - t;
    expect(last?.rows).toBe(N);

    t = performance.now();
    const text = await exportJson(db);
    const exportMs = performance.now() - t;

    const target = newDb();
    dbs.push(target);
    t = performance.now();
    const report = await importJson(target, text);
    const importMs = performance.now() - t;
    expect(report).toMatchObject({ ok: true, added: N, events: { added: N, duplicate: 0 } });

    t = performance.now();
    const again = await importJson(target, text);
    const reimportMs = performance.now() - t;
    expect(again).toMatchObject({ ok: true, added: 0, unchanged: N, events: { added: 0, duplicate: N } });

    console.log(
      [
        `[timing] ${N} refunds (+${N} events) in fake-indexeddb, Node ${process.version}:`,
        `  CSV export (chunks of 2000): ${csvMs.toFixed(0)} ms, ${(blob.size / 1e6).toFixed(1)} MB, ${last?.chunks} chunks`,
        `  JSON export: ${exportMs.toFixed(0)} ms, ${(text.length / 1e6).toFixed(1)} M chars`,
        `  JSON import into an empty database: ${importMs.toFixed(0)} ms`,
        `  JSON re-import (all unchanged): ${reimportMs.toFixed(0)} ms`,
      ].join('\n'),
    );
  }, 600_000);
});

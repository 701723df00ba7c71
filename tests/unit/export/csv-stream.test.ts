import { afterEach, describe, expect, it } from 'vitest';
import type { RefundRadarDb, StoredRefund } from '@/lib/db/schema';
import { BOM, csvHeaderLine } from '@/lib/export/csv';
import { csvChunks, refundPages, type CsvProgress } from '@/lib/export/csv-stream';
import { newDb } from '../db/helpers';
import { csvBlob, makeRefund, refundsToCsv } from './fixtures';

// Generous: fake-indexeddb is slow, more so when other test files share the CPU.
const DB_TIMEOUT = 60_000;
let db: RefundRadarDb | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

async function fill(d: RefundRadarDb, n: number): Promise<StoredRefund[]> {
  const all = Array.from({ length: n }, (_, i) => makeRefund(i));
  for (let i = 0; i < n; i += 10_000) await d.refunds.bulkPut(all.slice(i, i + 10_000));
  return all;
}

async function collect(gen: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const c of gen) out.push(c);
  return out;
}

describe('csvChunks', () => {
  it('streams 10,000 refunds in several chunks with the right rows and progress', async () => {
    db = newDb();
    const all = await fill(db, 10_000);
    const progress: CsvProgress[] = [];
    const chunks = await collect(csvChunks(refundPages(db, { chunkSize: 1500 }), 'zh', (p) => progress.push(p)));
    expect(chunks[0]).toBe(BOM + csvHeaderLine('zh'));
    expect(chunks.length).toBe(1 + Math.ceil(10_000 / 1500));
    const text = chunks.join('');
    // Each generated status text has one quoted comma but no line break, so lines = rows.
    expect(text.split('\r\n').length - 2).toBe(10_000);
    expect(progress.map((p) => p.rows)).toEqual([1500, 3000, 4500, 6000, 7500, 9000, 10_000]);
    expect(progress.at(-1)!.chunks).toBe(chunks.length);
    // Same bytes as the in-memory writer over the table in primary-key order.
    all.sort((a, b) => (a.refundId < b.refundId ? -1 : 1));
    expect(text).toBe(refundsToCsv(all, 'zh'));
  }, DB_TIMEOUT);

  it('accepts a plain iterable of pages, an empty source gives the header only', async () => {
    expect(await collect(csvChunks([], 'en'))).toEqual([BOM + csvHeaderLine('en')]);
    const chunks = await collect(csvChunks([[makeRefund(1)], [], [makeRefund(2)]], 'en'));
    expect(chunks).toHaveLength(3);
  });
});

describe('refundPages', () => {
  it('pages by primary key and applies the filter (empty pages skipped)', async () => {
    db = newDb();
    await fill(db, 5000);
    const pages: StoredRefund[][] = [];
    for await (const p of refundPages(db, { chunkSize: 1000, where: (r) => r.status === 'success' })) pages.push(p);
    const rows = pages.flat();
    expect(rows.length).toBe(625);
    expect(rows.every((r) => r.status === 'success')).toBe(true);
    expect(new Set(rows.map((r) => r.refundId)).size).toBe(625);
  }, DB_TIMEOUT);

  it('pages through a Collection factory (an indexed filter)', async () => {
    db = newDb();
    await fill(db, 3000);
    const pages: StoredRefund[][] = [];
    for await (const p of refundPages(db, { chunkSize: 100, collection: (d) => d.refunds.where('status').equals('closed') })) pages.push(p);
    expect(pages.length).toBe(4); // 375 closed
    expect(pages.flat().length).toBe(375);
    expect(new Set(pages.flat().map((r) => r.refundId)).size).toBe(375);
  }, DB_TIMEOUT);

  it('an exact multiple of the chunk size ends without an empty page; an empty table yields nothing', async () => {
    db = newDb();
    const none: StoredRefund[][] = [];
    for await (const p of refundPages(db)) none.push(p);
    expect(none).toEqual([]);
    await fill(db, 400);
    const sizes: number[] = [];
    for await (const p of refundPages(db, { chunkSize: 200 })) sizes.push(p.length);
    expect(sizes).toEqual([200, 200]);
  }, DB_TIMEOUT);

  it('lets other tasks run between pages', async () => {
    db = newDb();
    await fill(db, 2000);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    try {
      for await (const _ of refundPages(db, { chunkSize: 100 })) void _;
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(0);
  }, DB_TIMEOUT);
});

describe('csvBlob', () => {
  it('builds a UTF-8 Blob with the BOM bytes', async () => {
    db = newDb();
    await fill(db, 50);
    const blob = await csvBlob(db, 'en', { chunkSize: 20 });
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3)).split('\r\n')[0]).toBe('refund_id,order_id,status,status_text,type,phase,goods_status,amount_yuan,applied_at,deadline_at,deadline_source,completed_at,intervened_at,first_seen_at,last_seen_at,buyer_nick');
  }, DB_TIMEOUT);
});

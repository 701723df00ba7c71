// Streaming CSV export: 100,000 refunds without freezing the log page. The refunds are read in pages (one short read
// transaction each, never the whole table in memory as objects), each page becomes one string chunk, and the event
// loop gets a turn between pages so clicks, scrolling and the progress bar keep working. The log page collects the
// chunks into a Blob: `new Blob(chunks, { type: CSV_MIME })`.
import type { Collection, InsertType } from 'dexie';
import type { RefundRadarDb, StoredRefund } from '../db/schema';
import { BOM, csvHeaderLine, refundToCsvLine, type Lang } from './csv';

const DEFAULT_CHUNK_SIZE = 2000;

/** Gives the event loop a turn (a macrotask, so rendering and input run): scheduler.yield() where there is one. */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface CsvProgress {
  /** Data rows written so far (the header not counted). */
  rows: number;
  /** Chunks yielded so far, the header chunk included. */
  chunks: number;
}

/**
 * CSV text in chunks: the first is the BOM + header line, then one chunk per non-empty page of refunds. Calls
 * onProgress after each page.
 */
export async function* csvChunks(
  source: AsyncIterable<readonly StoredRefund[]> | Iterable<readonly StoredRefund[]>,
  lang: Lang = 'zh',
  onProgress?: (progress: CsvProgress) => void,
): AsyncGenerator<string, void, undefined> {
  let rows = 0;
  let chunks = 1;
  yield BOM + csvHeaderLine(lang);
  for await (const page of source) {
    if (page.length === 0) continue;
    let text = '';
    for (const r of page) text += refundToCsvLine(r, lang);
    rows += page.length;
    chunks++;
    yield text;
    onProgress?.({ rows, chunks });
  }
}

export interface RefundPagesOptions {
  /**
   * The log page's current filter as a predicate, applied to each page after reading (a page may then be shorter
   * than chunkSize; empty pages are skipped).
   */
  where?: (r: StoredRefund) => boolean;
  /**
   * Instead of the whole table by primary key: a fresh Dexie Collection for an indexed filter, e.g.
   * `(db) => db.refunds.where('appliedAt').between(from, to)`. Called once per page (a Collection is consumed by
   * offset/limit) and paged with offset/limit, so it must return the same ordered range each time.
   */
  collection?: (db: RefundRadarDb) => Collection<StoredRefund, string, InsertType<StoredRefund, 'refundId'>>;
  /** Refunds read per page (default 2000). */
  chunkSize?: number;
}

/**
 * Pages of refunds, one short read per page. Without `collection` it walks the table by primary key (refundId)
 * with `above(lastKey)`, so a refund written during the export is neither repeated nor skipped before the cursor.
 * Yields to the event loop after each read.
 */
export async function* refundPages(db: RefundRadarDb, options: RefundPagesOptions = {}): AsyncGenerator<StoredRefund[], void, undefined> {
  const size = Math.max(1, Math.floor(options.chunkSize ?? DEFAULT_CHUNK_SIZE));
  const keep = options.where;
  let offset = 0;
  let lastKey: string | undefined;
  for (;;) {
    let page: StoredRefund[];
    if (options.collection) {
      page = await options.collection(db).offset(offset).limit(size).toArray();
      offset += page.length;
    } else {
      const range = lastKey === undefined ? db.refunds.orderBy(':id') : db.refunds.where(':id').above(lastKey);
      page = await range.limit(size).toArray();
      if (page.length > 0) lastKey = page[page.length - 1]!.refundId;
    }
    const done = page.length < size;
    const out = keep ? page.filter(keep) : page;
    if (out.length > 0) yield out;
    if (done) return;
    await yieldToEventLoop();
  }
}


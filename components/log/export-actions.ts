// The log page's three file buttons, over the export/import library (lib/export/*, lib/db/import.ts):
// 导出 CSV (the current filter, streamed in chunks, cancellable), 导出 JSON (everything), 导入 (a JSON export).
// Downloads go through an object URL and <a download>: no `downloads` permission.
import type { RefundRadarDb, StoredRefund } from '@/lib/db/schema';
import { importJson, type ImportReport } from '@/lib/db/import';
import { csvChunks, yieldToEventLoop } from '@/lib/export/csv-stream';
import { CSV_MIME, csvFileName } from '@/lib/export/csv';
import { exportJsonParts, JSON_MIME, jsonFileName } from '@/lib/export/json';
import type { Lang } from '@/lib/format/time-left';
import type { LogQuery } from '@/lib/log/query';
import { toBackground } from '@/components/to-background';
import { HistoryChangedReplySchema } from '@/lib/protocol/history-changed';
import { sender } from '@/lib/protocol/send';

const tellBackground = sender(toBackground, { 'history-changed': HistoryChangedReplySchema });

export type { ImportReport };

const CSV_CHUNK = 2000;

/** Saves a Blob as a file through a temporary object URL. */
function downloadBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled (Chrome reads the URL asynchronously).
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** The rows of a log query in display order, `size` at a time (each page resumes from the previous one's cursor). */
async function* queryPages(query: LogQuery, size: number, signal?: AbortSignal): AsyncGenerator<StoredRefund[]> {
  let offset = 0;
  for (;;) {
    if (signal?.aborted) return;
    const rows = await query.page(offset, size);
    if (rows.length === 0) return;
    offset += rows.length;
    yield rows;
    if (rows.length < size) return;
    await yieldToEventLoop();
  }
}

interface CsvExportResult {
  cancelled: boolean;
  rows: number;
  fileName?: string;
}

/**
 * Streams the query's rows (the current filter) to a CSV file. `onProgress(done, total)` after each chunk; aborting
 * `signal` stops before the next chunk and downloads nothing.
 */
export async function exportFilteredCsv(
  query: LogQuery,
  lang: Lang,
  options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void; now?: number; save?: (blob: Blob, name: string) => void } = {},
): Promise<CsvExportResult> {
  const total = await query.count();
  options.onProgress?.(0, total);
  const parts: string[] = [];
  let rows = 0;
  for await (const chunk of csvChunks(queryPages(query, CSV_CHUNK, options.signal), lang, (p) => {
    rows = p.rows;
    options.onProgress?.(p.rows, Math.max(total, p.rows));
  })) {
    if (options.signal?.aborted) return { cancelled: true, rows };
    parts.push(chunk);
  }
  if (options.signal?.aborted) return { cancelled: true, rows };
  const fileName = csvFileName(options.now ?? Date.now(), lang);
  (options.save ?? downloadBlob)(new Blob(parts, { type: CSV_MIME }), fileName);
  return { cancelled: false, rows, fileName };
}

/** Everything (refunds, events, paid orders, settings) as the JSON backup file. */
export async function exportAllJson(
  db: RefundRadarDb,
  lang: Lang,
  options: { now?: number; save?: (blob: Blob, name: string) => void } = {},
): Promise<string> {
  const now = options.now ?? Date.now();
  const parts = await exportJsonParts(db, now);
  const fileName = jsonFileName(now, lang);
  (options.save ?? downloadBlob)(new Blob(parts, { type: JSON_MIME }), fileName);
  return fileName;
}

/** Reads a picked file and merges it into the database; a read failure becomes an `ok: false` report. */
export async function importFile(db: RefundRadarDb, file: Blob): Promise<ImportReport> {
  let text: string;
  try {
    text = await file.text();
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  try {
    const report = await importJson(db, text);
    // The background keeps the indicators' facts in memory: tell it the history changed under it.
    if (report.ok) void tellBackground('history-changed', {}).catch(() => undefined);
    return report;
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

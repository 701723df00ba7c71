// The log page (log.html): every locally known refund, filtered and ordered by index walks (lib/log/query.ts), in a
// virtualized table; the filter lives in the URL hash so a filtered view can be bookmarked. Buttons: 导出 CSV (the
// current filter, streamed with progress and cancel), 导出 JSON (everything), 导入 (a JSON export, with a report).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t, uiLang } from '@/components/i18n';
import type { RefundRadarDb } from '@/lib/db/schema';
import { DEFAULT_THRESHOLDS, type BadgeThresholds } from '@/lib/deadline/state';
import type { Lang } from '@/lib/format/time-left';
import { filterFromHash, filterToHash, isEmptyFilter, type LogFilter } from '@/lib/log/filter';
import { createLogQuery } from '@/lib/log/query';
import { loadSettings } from '@/lib/options/store';
import { EmptyState } from './EmptyState';
import { exportAllJson, exportFilteredCsv, importFile, type ImportReport } from './export-actions';
import { ExportProgress, type ExportJob } from './ExportProgress';
import { FilterBar } from './FilterBar';
import { ImportDialog } from './ImportDialog';
import { formatCount } from './labels';
import { LogTable } from './LogTable';

interface LogPageProps {
  db: RefundRadarDb;
  /** Tests: a fixed clock. */
  clock?: () => number;
  /** Tests: the table's viewport height before layout. */
  initialTableHeight?: number;
}

const TICK_MS = 60_000;

function readHash(): LogFilter {
  return typeof location === 'undefined' ? {} : filterFromHash(location.hash);
}

export function LogPage({ db, clock = Date.now, initialTableHeight }: LogPageProps) {
  const lang: Lang = uiLang();
  const [filter, setFilterState] = useState<LogFilter>(readHash);
  const [thresholds, setThresholds] = useState<BadgeThresholds>(DEFAULT_THRESHOLDS);
  const [refresh, setRefresh] = useState(0);
  const [now, setNow] = useState(clock);
  const [total, setTotal] = useState<number | null>(null);
  const [stored, setStored] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [job, setJob] = useState<ExportJob | null>(null);
  const [notice, setNotice] = useState('');
  const [importing, setImporting] = useState<{ fileName: string; report: ImportReport | null } | null>(null);
  const abort = useRef<AbortController | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const importButton = useRef<HTMLButtonElement>(null);

  const setFilter = (next: LogFilter) => {
    setFilterState(next);
    if (typeof history !== 'undefined' && typeof location !== 'undefined') {
      const hash = filterToHash(next);
      history.replaceState(null, '', hash || location.pathname + location.search);
    }
  };

  useEffect(() => {
    const onHash = () => setFilterState(readHash());
    addEventListener('hashchange', onHash);
    const tick = setInterval(() => setNow(clock()), TICK_MS);
    loadSettings(db).then((s) => setThresholds(s.thresholds), () => {});
    return () => {
      removeEventListener('hashchange', onHash);
      clearInterval(tick);
    };
  }, [db, clock]);

  // A new query (fresh counts and cursors) per filter, thresholds or data refresh; its clock is the state filter's.
  const query = useMemo(() => createLogQuery(db, filter, { now: clock(), thresholds }), [db, filter, thresholds, refresh, clock]);

  useEffect(() => {
    let live = true;
    setTotal(null);
    setError(null);
    query.count().then(
      (n) => live && setTotal(n),
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [query]);

  useEffect(() => {
    db.refunds.count().then(setStored, () => setStored(null));
  }, [db, refresh]);

  const filtered = !isEmptyFilter({ ...filter, sort: undefined });

  const onExportCsv = async () => {
    if (job) return;
    const controller = new AbortController();
    abort.current = controller;
    setNotice('');
    setJob({ kind: 'csv', done: 0, total: null });
    try {
      const exportQuery = createLogQuery(db, filter, { now: query.now, thresholds });
      const result = await exportFilteredCsv(exportQuery, lang, {
        signal: controller.signal,
        onProgress: (done, all) => setJob({ kind: 'csv', done, total: all }),
      });
      setNotice(result.cancelled ? t('log_exportCancelled') : t('log_exportDone', result.fileName ?? '', formatCount(result.rows, lang)));
    } catch (err) {
      setNotice(t('log_exportFailed', err instanceof Error ? err.message : String(err)));
    } finally {
      abort.current = null;
      setJob(null);
    }
  };

  const onExportJson = async () => {
    if (job) return;
    setNotice('');
    setJob({ kind: 'json', done: 0, total: null });
    try {
      const name = await exportAllJson(db, lang);
      setNotice(t('log_exportDone', name, formatCount(stored ?? 0, lang)));
    } catch (err) {
      setNotice(t('log_exportFailed', err instanceof Error ? err.message : String(err)));
    } finally {
      setJob(null);
    }
  };

  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setImporting({ fileName: file.name, report: null });
    const report = await importFile(db, file);
    setImporting({ fileName: file.name, report });
    if (report.ok) setRefresh((r) => r + 1);
  };

  const closeImport = () => {
    setImporting(null);
    importButton.current?.focus();
  };

  const summary =
    total === null
      ? t('log_counting')
      : filtered
        ? t('log_countFiltered', formatCount(total, lang), formatCount(stored ?? total, lang))
        : t('log_countAll', formatCount(total, lang));

  const showEmpty = total === 0;

  return (
    <div class="page">
      <header class="top">
        <h1>
          <img src="/icon/32.png" alt="" />
          {t('log_title')}
        </h1>
        <div class="toolbar" role="toolbar" aria-label={t('log_fileActions')}>
          <button type="button" onClick={onExportCsv} disabled={job !== null || total === 0} data-testid="export-csv">
            {t('log_exportCsv')}
          </button>
          <button type="button" onClick={onExportJson} disabled={job !== null} data-testid="export-json">
            {t('log_exportJson')}
          </button>
          <button type="button" ref={importButton} onClick={() => fileInput.current?.click()} disabled={importing !== null} data-testid="import">
            {t('log_import')}
          </button>
          <input ref={fileInput} type="file" accept=".json,application/json" class="visually-hidden" tabIndex={-1} aria-hidden="true" onChange={onFile} data-testid="import-file" />
        </div>
      </header>
      <FilterBar filter={filter} onChange={setFilter} lang={lang} />
      <div class="statusbar">
        <p class="summary" role="status" aria-live="polite" data-testid="summary">
          {summary}
        </p>
        {job && <ExportProgress job={job} lang={lang} onCancel={job.kind === 'csv' ? () => abort.current?.abort() : undefined} />}
        {!job && notice && (
          <p class="notice" role="status" aria-live="polite" data-testid="notice">
            {notice}
          </p>
        )}
      </div>
      {error && (
        <p class="bad" role="alert">
          {t('log_loadError', error)}
        </p>
      )}
      {showEmpty ? (
        <EmptyState filtered={filtered || (stored ?? 0) > 0} onClear={() => setFilter({})} />
      ) : (
        <LogTable
          key={`${refresh}:${filterToHash(filter)}:${thresholds.seller.urgentHours}:${thresholds.seller.soonHours}:${thresholds.buyer.urgentHours}:${thresholds.buyer.soonHours}`}
          db={db}
          query={query}
          total={total}
          now={now}
          lang={lang}
          thresholds={thresholds}
          initialHeight={initialTableHeight}
          onFirstRows={() => {
            if (typeof document !== 'undefined' && !document.body.dataset.firstRowsMs) document.body.dataset.firstRowsMs = performance.now().toFixed(1);
          }}
        />
      )}
      {importing && <ImportDialog fileName={importing.fileName} report={importing.report} lang={lang} onClose={closeImport} />}
    </div>
  );
}

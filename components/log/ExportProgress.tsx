// Progress of a running export: a progress bar, "n / total" in words for screen readers (aria-live), and Cancel.
import { t } from '@/components/i18n';
import type { Lang } from '@/lib/format/time-left';
import { formatCount } from './labels';

export interface ExportJob {
  kind: 'csv' | 'json';
  done: number;
  /** null = unknown (JSON: one snapshot read). */
  total: number | null;
}

export function ExportProgress({ job, lang, onCancel }: { job: ExportJob; lang: Lang; onCancel?: () => void }) {
  const label = job.kind === 'csv' ? t('log_exportingCsv') : t('log_exportingJson');
  return (
    <div class="progress" data-testid="export-progress">
      <span id="export-progress-label">{label}</span>
      {job.total !== null ? (
        <progress aria-labelledby="export-progress-label" max={Math.max(1, job.total)} value={job.done} />
      ) : (
        <progress aria-labelledby="export-progress-label" />
      )}
      <span role="status" aria-live="polite" class="num">
        {job.total !== null ? t('log_progressCount', formatCount(job.done, lang), formatCount(job.total, lang)) : ''}
      </span>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {t('log_cancel')}
        </button>
      )}
    </div>
  );
}

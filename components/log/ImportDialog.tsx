// The result of an import, in a modal dialog: added / updated / unchanged / rejected with reasons, or the error.
import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/components/i18n';
import type { Lang } from '@/lib/format/time-left';
import type { ImportReport } from './export-actions';
import { formatCount } from './labels';

interface ImportDialogProps {
  fileName: string;
  /** null while the file is being read and merged. */
  report: ImportReport | null;
  lang: Lang;
  onClose: () => void;
}

const MAX_REJECTIONS_SHOWN = 50;

export function ImportDialog({ fileName, report, lang, onClose }: ImportDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (typeof d.showModal === 'function' && !d.open) {
      try {
        d.showModal();
      } catch {
        d.setAttribute('open', '');
      }
    } else d.setAttribute('open', '');
    return () => {
      if (typeof d.close === 'function' && d.open) d.close();
    };
  }, []);
  useEffect(() => {
    if (report) ref.current?.querySelector<HTMLButtonElement>('button.primary')?.focus();
  }, [report]);
  const n = (x: number) => formatCount(x, lang);

  return (
    <dialog
      ref={ref}
      class="import-dialog"
      aria-labelledby="import-title"
      aria-describedby="import-body"
      data-testid="import-dialog"
      onCancel={(e) => {
        e.preventDefault();
        if (report) onClose();
      }}
    >
      <h2 id="import-title">{t('log_importTitle')}</h2>
      <div id="import-body" aria-live="polite">
        <p class="muted file">{fileName}</p>
        {report === null && <p>{t('log_importBusy')}</p>}
        {report?.ok === false && (
          <p class="bad" role="alert" data-testid="import-error">
            {t('log_importFailed', report.error)}
          </p>
        )}
        {report?.ok === true && (
          <>
            <table class="report">
              <tbody>
                <tr><th scope="row">{t('log_importAdded')}</th><td data-testid="import-added">{n(report.added)}</td></tr>
                <tr><th scope="row">{t('log_importUpdated')}</th><td data-testid="import-updated">{n(report.updated)}</td></tr>
                <tr><th scope="row">{t('log_importUnchanged')}</th><td data-testid="import-unchanged">{n(report.unchanged)}</td></tr>
                <tr><th scope="row">{t('log_importRejected')}</th><td data-testid="import-rejected">{n(report.rejected.length)}</td></tr>
                <tr>
                  <th scope="row">{t('log_importEvents')}</th>
                  <td>{t('log_importEventsValue', n(report.events.added), n(report.events.duplicate))}</td>
                </tr>
                <tr>
                  <th scope="row">{t('log_importPaidOrders')}</th>
                  <td>{t('log_importPaidOrdersValue', n(report.paidOrders.added), n(report.paidOrders.updated), n(report.paidOrders.conflicts.length))}</td>
                </tr>
                <tr>
                  <th scope="row">{t('log_importSettings')}</th>
                  <td>{report.settings === 'imported' ? t('log_importSettingsImported') : t('log_importSettingsKept')}</td>
                </tr>
              </tbody>
            </table>
            {report.rejected.length > 0 && (
              <details open={report.rejected.length <= 10}>
                <summary>{t('log_importRejectedReasons')}</summary>
                <ul class="rejections">
                  {report.rejected.slice(0, MAX_REJECTIONS_SHOWN).map((r, i) => (
                    <li key={i}>
                      {r.refundId ? <span class="mono">{r.refundId}</span> : null}
                      {r.refundId ? '：' : ''}
                      {r.reason}
                    </li>
                  ))}
                  {report.rejected.length > MAX_REJECTIONS_SHOWN && (
                    <li class="muted">{t('log_importMoreRejected', n(report.rejected.length - MAX_REJECTIONS_SHOWN))}</li>
                  )}
                </ul>
              </details>
            )}
          </>
        )}
      </div>
      <div class="dialog-actions">
        <button type="button" class="primary" disabled={report === null} onClick={onClose}>
          {t('log_close')}
        </button>
      </div>
    </dialog>
  );
}

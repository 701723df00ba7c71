// What the extension understood on the active tab: rows with a badge, rows not understood (with a sample), states.
// The sample's page text is shown here, on the agent's screen; it never goes into what "copy diagnostics" copies.
import { t, tOfData, uiLang } from '@/components/i18n';
import { formatStateLabel } from '@/lib/format/time-left';
import { BADGE_STATES } from '@/lib/model/vocabulary';
import { formatBeijing } from '@/lib/time/beijing';
import type { StoredTabReport } from '@/lib/protocol/tab-report';
import type { TabReportLoad } from './tab-report';

/**
 * What support needs to see why rows were not understood: the page kind, counts and the fields that failed, and no
 * page text at all (a sample's text can hold a nickname, a refund number or an amount: it is shown on screen only).
 * The address without its query or fragment, which can carry ids.
 */
function diagnostic(report: StoredTabReport): string {
  const failed = new Map<string, number>();
  for (const p of report.problems) failed.set(p.field, (failed.get(p.field) ?? 0) + 1);
  return JSON.stringify(
    {
      extension: browser.runtime.getManifest().version,
      page: pageAddress(report.url),
      pageKind: report.pageKind,
      rowsRead: report.rowCount,
      rowsNotUnderstood: report.problemCount,
      failedFields: [...failed].map(([field, samples]) => ({ field, name: fieldName(field), samples })),
      states: report.states,
      badgesGivenUp: report.givenUp ?? 0,
      storageError: report.storageError ?? null,
      at: new Date(report.at).toISOString(),
    },
    null,
    2,
  );
}

/** Host and path of the page; nothing of an address that does not parse. */
function pageAddress(href: string): string | null {
  try {
    const url = new URL(href);
    return `${url.host}${url.pathname}`;
  } catch {
    return null;
  }
}

/** The field's name in the UI language ("退款编号"), else its key as the reader named it. */
function fieldName(field: string): string {
  return tOfData('popup_field_', field) ?? field;
}

export function PagePanel({ load }: { load: TabReportLoad }) {
  const lang = uiLang();
  return (
    <section class="card page-panel" aria-labelledby="page-h">
      <h2 id="page-h">{t('popup_pageHeading')}</h2>
      {load.kind === 'loading' && <p class="muted">{t('popup_loading')}</p>}
      {load.kind === 'none' && <p class="muted">{t('popupNoPage')}</p>}
      {load.kind === 'report' && (
        <div aria-live="polite">
          {load.report.storageError && (
            <p class="cue bad" role="alert" data-testid="storage-error">
              {/* Dexie names the error QuotaExceededError, or an AbortError whose message carries it. */}
              {/QuotaExceeded/i.test(load.report.storageError) ? t('popup_storageQuota') : t('popup_storageError', load.report.storageError)}
            </p>
          )}
          <p class="count" data-testid="rows-read">{t('popupRowsRead', String(load.report.rowCount))}</p>
          {load.report.problemCount > 0 ? (
            <p class="count bad" data-testid="rows-not-understood">{t('popupRowsNotUnderstood', String(load.report.problemCount))}</p>
          ) : (
            <p class="count good">{t('popupAllUnderstood')}</p>
          )}
          {(load.report.givenUp ?? 0) > 0 && (
            <p class="count bad" data-testid="badges-given-up">{t('popup_badgesGivenUp', String(load.report.givenUp))}</p>
          )}
          {load.report.problems.length > 0 && (
            <>
              <h3>{t('popupProblemSample')}</h3>
              <ul class="problems">
                {load.report.problems.slice(0, 5).map((p, i) => (
                  <li key={i}>
                    {p.refundId ? `${p.refundId} · ` : ''}
                    {t('popupProblemField', fieldName(p.field))}
                    {p.text ? ` · “${p.text.slice(0, 40)}”` : ''}
                  </li>
                ))}
              </ul>
              <button type="button" class="link-button" data-testid="copy-diagnostic" onClick={() => void navigator.clipboard.writeText(diagnostic(load.report))}>
                {t('popup_copyDiagnostic')}
              </button>
            </>
          )}
          <h3>{t('popupStates')}</h3>
          <ul class="states">
            {BADGE_STATES.filter((s) => load.report.states[s]).map((s) => (
              <li key={s} data-state={s}>
                {formatStateLabel(s, lang)} {load.report.states[s]}
              </li>
            ))}
          </ul>
          <p class="muted">{t('popupUpdated', formatBeijing(load.report.at, true))}</p>
        </div>
      )}
    </section>
  );
}

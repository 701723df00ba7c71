// What the extension understood on the active tab: rows with a badge, rows not understood (with a sample), states.
import { useEffect, useState } from 'preact/hooks';
import { t, uiLang } from '@/components/i18n';
import { formatStateLabel } from '@/lib/format/time-left';
import { BADGE_STATES } from '@/lib/model';
import { StoredTabReportSchema, type StoredTabReport } from '@/lib/messages';
import { formatBeijing } from '@/lib/time/beijing';

type Load = { kind: 'loading' } | { kind: 'none' } | { kind: 'report'; report: StoredTabReport };

/** The tab to describe: the active one, or `?tabId=` when the popup is opened as a page (tests, "open in tab"). */
async function targetTabId(): Promise<number | undefined> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function loadActiveTabReport(): Promise<Load> {
  const tabId = await targetTabId();
  if (tabId === undefined) return { kind: 'none' };
  const answer: unknown = await browser.runtime.sendMessage({ type: 'tab-report', tabId });
  const report = (answer as { report?: unknown } | undefined)?.report;
  const parsed = StoredTabReportSchema.safeParse(report);
  return parsed.success ? { kind: 'report', report: parsed.data } : { kind: 'none' };
}

export function PagePanel() {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  useEffect(() => {
    loadActiveTabReport().then(setLoad, () => setLoad({ kind: 'none' }));
  }, []);
  const lang = uiLang();
  return (
    <main>
      <h1>
        <img src="/icon/32.png" alt="" />
        {t('popupTitle')}
      </h1>
      {load.kind === 'none' && <p>{t('popupNoPage')}</p>}
      {load.kind === 'report' && (
        <section aria-live="polite">
          <p class="count" data-testid="rows-read">{t('popupRowsRead', String(load.report.rowCount))}</p>
          {load.report.problemCount > 0 ? (
            <p class="count warn" data-testid="rows-not-understood">{t('popupRowsNotUnderstood', String(load.report.problemCount))}</p>
          ) : (
            <p class="count ok">{t('popupAllUnderstood')}</p>
          )}
          {load.report.problems.length > 0 && (
            <>
              <h2>{t('popupProblemSample')}</h2>
              <ul>
                {load.report.problems.slice(0, 5).map((p, i) => (
                  <li key={i}>
                    {p.refundId ? `${p.refundId} · ` : ''}
                    {t('popupProblemField', p.field)}
                    {p.text ? ` · “${p.text.slice(0, 40)}”` : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h2>{t('popupStates')}</h2>
          <ul class="states">
            {BADGE_STATES.filter((s) => load.report.states[s]).map((s) => (
              <li key={s} data-state={s}>
                {formatStateLabel(s, lang)} {load.report.states[s]}
              </li>
            ))}
          </ul>
          <p class="muted">{t('popupUpdated', formatBeijing(load.report.at, true))}</p>
        </section>
      )}
      <p class="muted">{t('popupLocalOnly')}</p>
    </main>
  );
}

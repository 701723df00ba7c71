// The popup: header, the dashboard (skeleton until it comes, see use-dashboard.ts) and the active tab's page panel.
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import { openLog, openOptions } from './actions';
import { DashboardView } from './DashboardView';
import type { EarlyRequests } from './sources';
import { PagePanel } from './PagePanel';
import { Skeleton } from './Skeleton';
import { pageProblemCount, type TabReportLoad } from './tab-report';
import { useDashboard } from './use-dashboard';

export function App({ early }: { early: EarlyRequests }) {
  const [tab, setTab] = useState<TabReportLoad>({ kind: 'loading' });
  const { dash, onScenario } = useDashboard(early);
  const [chartReady, setChartReady] = useState(false);
  useEffect(() => {
    early.tab.then(setTab, () => setTab({ kind: 'none' }));
  }, []);
  useEffect(() => {
    // The chart renders once the indicators are on screen: after the next frame, not in it.
    if (dash.kind !== 'ready' || chartReady) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setChartReady(true), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [dash.kind, chartReady]);
  useEffect(() => {
    // For measurements (the popup's own time to a rendered dashboard, ms since navigation start).
    if (dash.kind === 'ready' && !document.body.dataset.readyMs) document.body.dataset.readyMs = performance.now().toFixed(1);
  }, [dash.kind]);
  return (
    <>
      <header class="top">
        <h1>
          <img src="/icon/32.png" alt="" />
          {t('popupTitle')}
        </h1>
        <span class="top-links">
          <button type="button" class="link-button" onClick={openLog} data-testid="open-log">
            {t('popup_openLog')}
          </button>
          <button type="button" class="link-button" onClick={openOptions}>
            {t('popup_openOptions')}
          </button>
        </span>
      </header>
      <main>
        {dash.kind === 'loading' && <Skeleton />}
        {dash.kind === 'error' && <p class="cue bad" role="alert">{t('popup_loadError', dash.message)}</p>}
        {dash.kind === 'ready' && (
          <DashboardView dashboard={dash.dashboard} pageProblems={pageProblemCount(tab)} onScenario={onScenario} showChart={chartReady} updating={dash.updating} />
        )}
        <PagePanel load={tab} />
      </main>
      <footer>
        <p class="muted small">{t('popupLocalOnly')}</p>
      </footer>
    </>
  );
}

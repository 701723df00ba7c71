// The popup: header, the dashboard (skeleton until the local history is read) and the active tab's page panel.
// The page panel and the skeleton render at once; the database is read once, and a scenario switch only recomputes
// the projection from the facts already in memory.
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import { buildProjection, type Dashboard, type ProjectionScenario } from '@/lib/dashboard';
import { RefundRadarDb } from '@/lib/db/schema';
import { openLog, openOptions } from './actions';
import { DashboardView } from './DashboardView';
import { loadDashboard, type LoadedDashboard } from './load-dashboard';
import { PagePanel } from './PagePanel';
import { Skeleton } from './Skeleton';
import { loadActiveTabReport, pageProblemCount, type TabReportLoad } from './tab-report';

type DashLoad = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; loaded: LoadedDashboard; dashboard: Dashboard };

export function App() {
  const [tab, setTab] = useState<TabReportLoad>({ kind: 'loading' });
  const [dash, setDash] = useState<DashLoad>({ kind: 'loading' });

  useEffect(() => {
    loadActiveTabReport().then(setTab, () => setTab({ kind: 'none' }));
    const db = new RefundRadarDb();
    loadDashboard(db)
      .then((loaded) => {
        setDash({ kind: 'ready', loaded, dashboard: loaded.dashboard });
        document.body.dataset.loadMs = (loaded.timing.readMs + loaded.timing.buildMs).toFixed(1);
        document.body.dataset.buildMs = loaded.timing.buildMs.toFixed(1);
      })
      .catch((err: unknown) => setDash({ kind: 'error', message: err instanceof Error ? err.message : String(err) }))
      .finally(() => db.close());
  }, []);

  useEffect(() => {
    // For measurements (the popup's own time to a rendered dashboard, ms since navigation start).
    if (dash.kind === 'ready' && !document.body.dataset.readyMs) document.body.dataset.readyMs = performance.now().toFixed(1);
  }, [dash.kind]);

  const onScenario = (scenario: ProjectionScenario) => {
    if (dash.kind !== 'ready') return;
    const { facts, paidOrdersByDay, settings, asOf } = dash.loaded;
    const projection = buildProjection(facts, paidOrdersByDay, settings, asOf, scenario, dash.dashboard.windowEvents);
    setDash({ ...dash, dashboard: { ...dash.dashboard, projection } });
  };

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
        {dash.kind === 'ready' && <DashboardView dashboard={dash.dashboard} pageProblems={pageProblemCount(tab)} onScenario={onScenario} />}
        <PagePanel load={tab} />
      </main>
      <footer>
        <p class="muted small">{t('popupLocalOnly')}</p>
      </footer>
    </>
  );
}

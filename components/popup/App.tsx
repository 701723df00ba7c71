// The popup: header, the dashboard (skeleton until the local history is read) and the active tab's page panel.
// The page panel and the skeleton render at once; the database is read once, and a scenario switch only recomputes
// the projection from the facts already in memory.
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import type { Dashboard } from '@/lib/dashboard';
import type { LoadedDashboard } from '@/lib/db/load-dashboard';
import type { ProjectionScenario } from '@/lib/projection';
import { DEFAULT_SCENARIO } from '@/lib/scenarios';
import { openLog, openOptions } from './actions';
import { DashboardView } from './DashboardView';
import { PagePanel } from './PagePanel';
import { Skeleton } from './Skeleton';
import { loadActiveTabReport, pageProblemCount, type TabReportLoad } from './tab-report';

type DashLoad =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  /** `loaded` is set when the popup read the database itself (fallback); else the background computes. */
  | { kind: 'ready'; loaded?: LoadedDashboard; dashboard: Dashboard };

/** The dashboard from the background, which keeps the facts in memory (fast); null when it cannot answer. */
export async function dashboardFromBackground(scenario: ProjectionScenario): Promise<Dashboard | null> {
  try {
    const answer = (await browser.runtime.sendMessage({ type: 'dashboard', scenario })) as { ok?: boolean; dashboard?: Dashboard } | undefined;
    return answer?.ok && answer.dashboard ? answer.dashboard : null;
  } catch {
    return null;
  }
}

// The fallback reads the database in the popup itself. Loaded on demand: Dexie and the indicator engine would
// otherwise weigh on every popup's first paint, while the background answers almost always.
async function loadLocally(): Promise<LoadedDashboard> {
  const [{ RefundRadarDb }, { loadDashboard }] = await Promise.all([import('@/lib/db/schema'), import('@/lib/db/load-dashboard')]);
  const db = new RefundRadarDb();
  try {
    return await loadDashboard(db);
  } finally {
    db.close();
  }
}

/** What the popup asks for as soon as its script runs, before the first render (main.tsx). */
export interface EarlyRequests {
  dashboard: Promise<Dashboard | null>;
  tab: Promise<TabReportLoad>;
}

export function startRequests(): EarlyRequests {
  performance.mark('rr:dashboard-asked'); // marks for the benchmark's breakdown of the popup's first paint
  return { dashboard: dashboardFromBackground(DEFAULT_SCENARIO), tab: loadActiveTabReport() };
}

export function App({ early }: { early: EarlyRequests }) {
  const [tab, setTab] = useState<TabReportLoad>({ kind: 'loading' });
  const [dash, setDash] = useState<DashLoad>({ kind: 'loading' });
  const [chartReady, setChartReady] = useState(false);
  useEffect(() => {
    early.tab.then(setTab, () => setTab({ kind: 'none' }));
    early.dashboard
      .then(async (dashboard): Promise<DashLoad> => {
        performance.mark('rr:dashboard-answered');
        if (dashboard) return { kind: 'ready', dashboard };
        const loaded = await loadLocally();
        return { kind: 'ready', loaded, dashboard: loaded.dashboard };
      })
      .then(setDash)
      .catch((err: unknown) => setDash({ kind: 'error', message: err instanceof Error ? err.message : String(err) }));
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
  const onScenario = (scenario: ProjectionScenario) => {
    if (dash.kind !== 'ready') return;
    if (dash.loaded) {
      const { facts, paidOrdersByDay, settings, asOf } = dash.loaded;
      void import('@/lib/dashboard').then(({ buildProjection }) => {
        const projection = buildProjection(facts, paidOrdersByDay, settings, asOf, scenario, dash.dashboard.windowEvents);
        setDash({ ...dash, dashboard: { ...dash.dashboard, projection } });
      });
      return;
    }
    void dashboardFromBackground(scenario).then((dashboard) => {
      if (dashboard) setDash({ kind: 'ready', dashboard: { ...dash.dashboard, projection: dashboard.projection } });
    });
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
        {dash.kind === 'ready' && <DashboardView dashboard={dash.dashboard} pageProblems={pageProblemCount(tab)} onScenario={onScenario} showChart={chartReady} />}
        <PagePanel load={tab} />
      </main>
      <footer>
        <p class="muted small">{t('popupLocalOnly')}</p>
      </footer>
    </>
  );
}

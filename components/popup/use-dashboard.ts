// The popup's dashboard state: the background's answer; meanwhile, if it is slow, the last snapshot (marked as being
// updated); without an answer, the popup's own reading of the database. A scenario switch recomputes only the
// projection: from the facts in memory (own reading) or by asking the background again.
import { useEffect, useState } from 'preact/hooks';
import type { LoadedDashboard } from '@/lib/db/load-dashboard';
import type { ProjectionScenario } from '@/lib/projection-scenarios';
import type { ShownDashboard } from '@/lib/dashboard/shown-dashboard';
import { dashboardFromBackground, loadLocally, type EarlyRequests } from './sources';

type DashLoad =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  /** `loaded`: the popup read the database itself. `updating`: a snapshot shown until the fresh dashboard comes. */
  | { kind: 'ready'; dashboard: ShownDashboard; loaded?: LoadedDashboard; updating?: boolean };

/**
 * How long the background may take before the snapshot is shown. A warm background answers within a few
 * milliseconds, and painting the snapshot first would then only cost a second render.
 */
export const SNAPSHOT_AFTER_MS = 120;

export function useDashboard(early: EarlyRequests): { dash: DashLoad; onScenario: (s: ProjectionScenario) => void } {
  const [dash, setDash] = useState<DashLoad>({ kind: 'loading' });
  useEffect(() => {
    let done = false;
    const timer = setTimeout(() => {
      void early.snapshot().then((dashboard) => {
        if (dashboard && !done) setDash((cur) => (cur.kind === 'loading' ? { kind: 'ready', dashboard, updating: true } : cur));
      });
    }, SNAPSHOT_AFTER_MS);
    early.dashboard
      .then(async (dashboard): Promise<DashLoad> => {
        performance.mark('rr:dashboard-answered');
        if (dashboard) return { kind: 'ready', dashboard };
        const loaded = await loadLocally();
        return { kind: 'ready', loaded, dashboard: loaded.dashboard };
      })
      .catch((err: unknown): DashLoad => ({ kind: 'error', message: err instanceof Error ? err.message : String(err) }))
      .then((next) => {
        done = true;
        clearTimeout(timer);
        setDash(next);
      });
    return () => clearTimeout(timer);
  }, []);

  const onScenario = (scenario: ProjectionScenario) => {
    if (dash.kind !== 'ready') return;
    const { loaded } = dash;
    if (loaded) {
      void import('@/lib/dashboard/dashboard').then(({ buildProjection }) => {
        const { facts, paidOrdersByDay, settings, asOf } = loaded;
        const projection = buildProjection(facts, paidOrdersByDay, settings, asOf, scenario, loaded.dashboard.windowEvents);
        setDash({ ...dash, dashboard: { ...dash.dashboard, projection } });
      });
      return;
    }
    void dashboardFromBackground(scenario).then((dashboard) => {
      if (dashboard) setDash((cur) => (cur.kind === 'ready' ? { ...cur, dashboard: { ...cur.dashboard, projection: dashboard.projection } } : cur));
    });
  };
  return { dash, onScenario };
}

// The popup's dashboard for one computed Dashboard: composite, urgent refunds, sub-indicators, projection, coverage.
// Presentational only (App reads the database and the tab report).
import { t } from '@/components/i18n';
import type { SubIndicator } from '@/lib/composite';
import type { ProjectionScenario } from '@/lib/projection-scenarios';
import type { ShownDashboard } from '@/lib/dashboard/shown-dashboard';
import { formatBeijing } from '@/lib/time/beijing';
import { CompositeCard } from './CompositeCard';
import { CoverageLine } from './CoverageLine';
import { EmptyState } from './EmptyState';
import { ProjectionChart } from './ProjectionChart';
import { SubIndicatorList } from './SubIndicatorList';
import { UrgentList } from './UrgentList';

interface DashboardViewProps {
  dashboard: ShownDashboard;
  pageProblems: number;
  onScenario: (s: ProjectionScenario) => void;
  /**
   * False for the popup's first frame: the chart is four fifths of the popup's elements, so the indicators paint
   * first and the chart follows a frame later (in its place meanwhile, an empty card of the same height).
   */
  showChart?: boolean;
  /** The dashboard is the last snapshot, shown while the fresh one is computed. */
  updating?: boolean;
}

const subName = (key: SubIndicator) => t(`popup_sub_${key}`);

export function DashboardView({ dashboard, pageProblems, onScenario, showChart = true, updating = false }: DashboardViewProps) {
  const d = dashboard;
  if (d.empty) {
    return (
      <>
        <EmptyState />
        <CoverageLine coverage={d.coverage} pageProblems={pageProblems} compact />
      </>
    );
  }
  const averages = {
    disputeRate: d.subIndicators[0]!.industryAverage,
    completionDays: d.subIndicators[1]!.industryAverage,
    selfCompletionRate: d.subIndicators[2]!.industryAverage,
  };
  return (
    <>
      <p class="muted small as-of" data-testid="as-of" aria-live="polite">
        {t('popup_asOf', formatBeijing(d.asOf))}
        {updating && ` · ${t('popup_updating')}`}
      </p>
      <CompositeCard composite={d.composite} subName={subName} />
      <UrgentList urgent={d.urgent} total={d.sellerOpenCount} now={d.asOf} />
      <SubIndicatorList dashboard={d} />
      {showChart ? (
        <ProjectionChart projection={d.projection} windowDays={d.coverage.windowDays} averages={averages} onScenario={onScenario} />
      ) : (
        <section class="card projection chart-pending" aria-labelledby="proj-h" aria-busy="true" data-testid="chart-pending">
          <h2 id="proj-h">{t('popup_projectionHeading', String(d.coverage.windowDays))}</h2>
        </section>
      )}
      <CoverageLine coverage={d.coverage} pageProblems={pageProblems} />
    </>
  );
}

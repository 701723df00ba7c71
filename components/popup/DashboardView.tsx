// The popup's dashboard for one computed Dashboard: composite, urgent refunds, sub-indicators, projection, coverage.
// Presentational only (App reads the database and the tab report).
import { t } from '@/components/i18n';
import type { Dashboard, ProjectionScenario } from '@/lib/dashboard';
import { formatBeijing } from '@/lib/time/beijing';
import { CompositeCard } from './CompositeCard';
import { CoverageLine } from './CoverageLine';
import { EmptyState } from './EmptyState';
import { ProjectionChart } from './ProjectionChart';
import { SubIndicatorList } from './SubIndicatorList';
import { UrgentList } from './UrgentList';

export interface DashboardViewProps {
  dashboard: Dashboard;
  pageProblems: number;
  onScenario: (s: ProjectionScenario) => void;
}

const subName = (key: string) => t(`popup_sub_${key}`);

export function DashboardView({ dashboard, pageProblems, onScenario }: DashboardViewProps) {
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
      <p class="muted small as-of">{t('popup_asOf', formatBeijing(d.asOf))}</p>
      <CompositeCard composite={d.composite} subName={subName} />
      <UrgentList urgent={d.urgent} total={d.sellerOpenCount} now={d.asOf} />
      <SubIndicatorList dashboard={d} />
      <ProjectionChart projection={d.projection} windowDays={d.coverage.windowDays} averages={averages} onScenario={onScenario} />
      <CoverageLine coverage={d.coverage} pageProblems={pageProblems} />
    </>
  );
}

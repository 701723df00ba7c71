// The three sub-indicators and the 白金售后服务 status (all three reach platinum, [T14]).
import { t } from '@/components/i18n';
import type { ShownDashboard } from '@/lib/dashboard/shown-dashboard';
import { SubIndicatorRow } from './SubIndicatorRow';

export function SubIndicatorList({ dashboard }: { dashboard: ShownDashboard }) {
  const { platinumAll } = dashboard;
  return (
    <section class="card" aria-labelledby="subs-h">
      <h2 id="subs-h">{t('popup_subHeading', String(dashboard.coverage.windowDays))}</h2>
      <ul class="subs">
        {dashboard.subIndicators.map((s) => (
          <SubIndicatorRow key={s.key} sub={s} />
        ))}
      </ul>
      <p class={platinumAll === true ? 'cue platinum' : 'muted small'} data-testid="platinum-all">
        {platinumAll === true ? t('popup_platinumAll') : platinumAll === false ? t('popup_platinumSome') : t('popup_platinumUnknown')}
      </p>
    </section>
  );
}

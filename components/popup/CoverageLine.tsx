// §11 coverage: 已记录 N 天 · 缺成交笔数 M 天 · 未识别 K 行, and the way to the settings.
// K = rows the active tab's readers could not understand + stored records the indicators could not use.
import { t } from '@/components/i18n';
import type { CoverageView } from '@/lib/dashboard/dashboard';
import { shortDate } from '@/lib/dashboard/format';
import { openOptions } from './actions';

const MAX_DATES = 8;

export function CoverageLine({ coverage, pageProblems, compact = false }: { coverage: CoverageView; pageProblems: number; compact?: boolean }) {
  const missing = coverage.missingPaidOrderDates;
  const rows = coverage.recordsNotUnderstood + pageProblems;
  const text = t('popup_coverage', String(coverage.daysRecorded), String(missing.length), String(rows));
  // The three parts (both locales join them with " · "); each is highlighted when it signals a gap.
  const parts = text.split(' · ');
  const flags = [coverage.daysRecorded < coverage.windowDays, missing.length > 0, rows > 0];
  const dates = missing.slice(0, MAX_DATES).map(shortDate).join(t('popup_listSeparator')) + (missing.length > MAX_DATES ? ' …' : '');
  return (
    <section class="coverage" aria-labelledby="coverage-h">
      <h2 id="coverage-h" class="visually-hidden">{t('popup_coverageHeading')}</h2>
      <p data-testid="coverage">
        {parts.length === 3
          ? parts.map((part, i) => (
              <>
                {i > 0 && ' · '}
                <span class={flags[i] ? 'warn-text' : undefined}>{part}</span>
              </>
            ))
          : text}
      </p>
      {missing.length > 0 && !compact && <p class="muted small">{t('popup_missingDates', dates)}</p>}
      <button type="button" class="link-button" onClick={openOptions}>
        {t('popup_openOptions')}
      </button>
      <span class="muted small"> {t('popup_openOptionsHint')}</span>
    </section>
  );
}

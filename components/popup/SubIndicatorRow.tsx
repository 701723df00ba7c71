// One sub-indicator: own value (estimate from the local history), better/worse than 行业均值 in text and colour,
// 白金标准 status, and the official 子指标值 side by side when entered (domain.md §6.1 Display, §6.6, §6.7).
import { t, uiLang, type MessageKey } from '@/components/i18n';
import type { Comparison, SubIndicatorView } from '@/lib/dashboard/dashboard';
import { formatIndicator, formatIndicatorDiff, formatShare } from '@/lib/dashboard/format';

const CUE: Record<Comparison, { key: MessageKey; cls: string }> = {
  better: { key: 'popup_better', cls: 'good' },
  equal: { key: 'popup_equal', cls: 'neutral' },
  worse: { key: 'popup_worse', cls: 'bad' },
};

export function SubIndicatorRow({ sub }: { sub: SubIndicatorView }) {
  const lang = uiLang();
  const fmt = (x: number | null) => (x === null ? null : formatIndicator(sub.key, x, lang));
  const headingId = `sub-${sub.key}`;
  const cue = sub.vsAverage ? CUE[sub.vsAverage] : null;
  const basis =
    sub.key === 'disputeRate'
      ? t('popup_basisDispute', String(sub.numerator), String(sub.denominator))
      : sub.key === 'completionDays'
        ? t('popup_basisCompleted', String(sub.denominator))
        : t('popup_basisSelf', String(sub.numerator), String(sub.denominator));
  return (
    <li class="sub" aria-labelledby={headingId} data-testid={`sub-${sub.key}`}>
      <div class="sub-head">
        <h3 id={headingId}>{t(`popup_sub_${sub.key}`)}</h3>
        <span class={sub.value === null ? 'value muted' : 'value num'} data-testid="value">
          {fmt(sub.value) ?? t('popup_noData')}
        </span>
      </div>
      <p class={`cue ${cue ? cue.cls : 'neutral'}`} data-testid="vs-average">
        {cue ? t(cue.key) : t('popup_noCompare')}
        {sub.platinumReached === true && <span class="cue platinum"> · {t('popup_platinumReached')}</span>}
        {sub.platinumReached === false && <span class="muted"> · {t('popup_platinumNotReached')}</span>}
      </p>
      <dl class="refs">
        <div>
          <dt>{t('popup_industryAvg')}</dt>
          <dd class="num">{fmt(sub.industryAverage) ?? t('popup_notSet')}</dd>
        </div>
        <div>
          <dt>{t('popup_platinum')}</dt>
          <dd class="num">{fmt(sub.platinum) ?? t('popup_notSet')}</dd>
        </div>
        {sub.official !== null && (
          <div data-testid="official">
            <dt>{t('popup_officialValue')}</dt>
            <dd class="num">
              {fmt(sub.official)}
              {sub.officialDiff !== null && (
                <span class="muted small">{t('popup_officialGap', formatIndicatorDiff(sub.key, sub.officialDiff, lang))}</span>
              )}
            </dd>
          </div>
        )}
      </dl>
      {sub.platinumIgnored && <p class="cue warn small">{t('popup_platinumIgnored')}</p>}
      <p class="muted small">
        {basis}
        {sub.lead !== null && ` · ${t('popup_partLead', formatShare(sub.lead))}`}
      </p>
    </li>
  );
}

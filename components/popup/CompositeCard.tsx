// 售后服务综合指标（估算）: rank share (lower is better, campaign line 90 %), lead %, partial / attention flags and the
// official figures beside the estimate (domain.md §6.6, §6.7, §11). Always labelled as an estimate.
import { t } from '@/components/i18n';
import { CAMPAIGN_MAX_RANK_SHARE, type SubIndicator } from '@/lib/composite';
import type { CompositeView } from '@/lib/dashboard/dashboard';
import { formatShare } from '@/lib/dashboard/format';

/** Horizontal 0–100 % bar with the rank share and the 90 % campaign line; the text beside it carries the meaning. */
function RankBar({ rankShare }: { rankShare: number }) {
  const x = Math.max(0, Math.min(100, rankShare));
  const ok = rankShare <= CAMPAIGN_MAX_RANK_SHARE;
  return (
    <svg class="rank-bar" viewBox="0 0 200 14" preserveAspectRatio="none" role="img" aria-label={t('popup_rankBarLabel', formatShare(rankShare))}>
      <rect x="0" y="3" width="200" height="8" rx="4" class="rank-track" />
      <rect x="0" y="3" width={2 * x} height="8" rx="4" class={ok ? 'rank-fill good-fill' : 'rank-fill bad-fill'} />
      <line x1={2 * CAMPAIGN_MAX_RANK_SHARE} x2={2 * CAMPAIGN_MAX_RANK_SHARE} y1="0" y2="14" class="campaign-line" />
    </svg>
  );
}

export function CompositeCard({ composite, subName }: { composite: CompositeView; subName: (key: SubIndicator) => string }) {
  const { rankShare, lead, eligible, attention, partial, official } = composite;
  return (
    <section class="card composite" aria-labelledby="composite-h" data-testid="composite">
      <div class="card-head">
        <h2 id="composite-h">{t('popup_compositeHeading')}</h2>
        <span class="tag">{t('popup_estimateBadge')}</span>
      </div>
      {rankShare === null || lead === null ? (
        <p>{t('popup_noEstimate')}</p>
      ) : (
        <>
          <p class="rank-line">
            <span class="rank-label">{t('popup_rankShare')}</span>
            <strong class="big num" data-testid="rank-share">{formatShare(rankShare)}</strong>
            <span class="muted small">{t('popup_rankShareHint')}</span>
          </p>
          <RankBar rankShare={rankShare} />
          <p class={eligible ? 'cue good' : 'cue bad'} data-testid="campaign">
            {eligible ? t('popup_eligible') : t('popup_notEligible')}
          </p>
          <p class="lead-line">
            <span data-testid="lead">{t('popup_lead', formatShare(lead))}</span>
            {attention && <span class="cue bad attention"> {t('popup_attention')}</span>}
          </p>
        </>
      )}
      {partial && composite.missing.length > 0 && rankShare !== null && (
        <p class="cue warn" data-testid="partial">
          {t('popup_partial', composite.missing.map(subName).join(t('popup_listSeparator')))}
        </p>
      )}
      {official && (
        <table class="cmp" data-testid="official-lead">
          <caption class="visually-hidden">{t('popup_cmpCaption')}</caption>
          <thead>
            <tr>
              <td />
              <th scope="col">{t('popup_colEstimate')}</th>
              <th scope="col">
                {t('popup_colOfficial')}
                {official.date && <span class="muted small"> {official.date}</span>}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('popup_rankShare')}</th>
              <td class="num">{rankShare === null ? t('popup_noData') : formatShare(rankShare)}</td>
              <td class="num">{formatShare(official.rankShare)}</td>
            </tr>
            <tr>
              <th scope="row">{t('popup_leadShort')}</th>
              <td class="num">{lead === null ? t('popup_noData') : formatShare(lead)}</td>
              <td class="num">{formatShare(official.leadPct)}</td>
            </tr>
          </tbody>
        </table>
      )}
      <p class="muted small">
        {t('popup_estimateNote')} · {t('popup_weights', composite.weights.join(':'))}
      </p>
    </section>
  );
}

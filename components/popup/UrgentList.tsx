// The most urgent refunds the seller must act on, by time left (deadline as last seen on the refund pages), each
// linking to its seller-center detail page. State in text and colour (§9: never colour alone).
import { t, uiLang } from '@/components/i18n';
import type { UrgentRefundView } from '@/lib/dashboard/dashboard';
import { formatStateLabel, formatTimeLeft } from '@/lib/format/time-left';
import { openLinkInTab } from './actions';

export function UrgentList({ urgent, total, now }: { urgent: UrgentRefundView[]; total: number; now: number }) {
  const lang = uiLang();
  const more = total - urgent.length;
  return (
    <section class="card" aria-labelledby="urgent-h">
      <h2 id="urgent-h">{t('popup_urgentHeading')}</h2>
      {urgent.length === 0 ? (
        <p class="muted">{t('popup_urgentNone')}</p>
      ) : (
        <ol class="urgent" data-testid="urgent-list">
          {urgent.map((u) => (
            <li key={u.refundId} data-state={u.state}>
              <a href={u.detailUrl} onClick={openLinkInTab} class="refund-link num" aria-label={t('popup_openDetail', u.refundId)} target="_blank" rel="noreferrer">
                {u.refundId}
              </a>
              <span class={`time-left state-${u.state}`}>
                <span class="state-tag">{formatStateLabel(u.state, lang)}</span> {formatTimeLeft(u.deadlineAt, now, lang)}
              </span>
            </li>
          ))}
        </ol>
      )}
      {more > 0 && <p class="muted small">{t('popup_urgentMore', String(more))}</p>}
      {urgent.length > 0 && <p class="muted small">{t('popup_urgentAsOf')}</p>}
    </section>
  );
}

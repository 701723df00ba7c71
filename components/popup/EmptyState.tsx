// First run: nothing recorded yet. Says what to do, in order, with the two ways forward.
import { t } from '@/components/i18n';
import { REFUND_LIST_URL } from '@/lib/seller-center/urls';
import { openOptions, openTab } from './actions';

export function EmptyState() {
  return (
    <section class="card empty" aria-labelledby="empty-h" data-testid="empty-state">
      <h2 id="empty-h">{t('popup_emptyHeading')}</h2>
      <p>{t('popup_emptyIntro')}</p>
      <ol>
        <li>{t('popup_emptyStep1')}</li>
        <li>{t('popup_emptyStep2')}</li>
        <li>{t('popup_emptyStep3')}</li>
      </ol>
      <div class="actions">
        <button type="button" class="primary" onClick={() => openTab(REFUND_LIST_URL)}>
          {t('popup_openRefundList')}
        </button>
        <button type="button" onClick={openOptions}>
          {t('popup_openOptions')}
        </button>
      </div>
    </section>
  );
}

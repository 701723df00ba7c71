// Nothing stored yet, or nothing matches the filter.
import { t } from '@/components/i18n';

export function EmptyState({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  if (filtered) {
    return (
      <div class="empty" data-testid="empty-filtered">
        <p>{t('log_noMatch')}</p>
        <button type="button" onClick={onClear}>
          {t('log_clearFilters')}
        </button>
      </div>
    );
  }
  return (
    <div class="empty" data-testid="empty">
      <p class="empty-title">{t('log_emptyTitle')}</p>
      <p class="muted">{t('log_emptyHint')}</p>
    </div>
  );
}

// Placeholder while the local history is read (the page panel renders beside it at once).
import { t } from '@/components/i18n';

export function Skeleton() {
  return (
    <div class="skeleton" role="status" aria-live="polite" data-testid="skeleton">
      <span class="visually-hidden">{t('popup_loading')}</span>
      <div class="sk sk-title" aria-hidden="true" />
      <div class="sk sk-big" aria-hidden="true" />
      <div class="sk sk-line" aria-hidden="true" />
      <div class="sk sk-line short" aria-hidden="true" />
      <div class="sk sk-block" aria-hidden="true" />
    </div>
  );
}

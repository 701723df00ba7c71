// A row whose page is still being read: same height and position, no content but a busy cue.
import { t } from '@/components/i18n';
import { COLUMNS } from './columns';

export function PlaceholderRow({ index, top }: { index: number; top: number }) {
  return (
    <div role="row" class="row placeholder" aria-rowindex={index + 2} aria-busy="true" data-index={index} style={{ transform: `translateY(${top}px)` }}>
      <div role="gridcell" class="muted">{t('log_rowLoading')}</div>
      {COLUMNS.slice(1).map((c) => (
        <div role="gridcell" key={c.key} />
      ))}
    </div>
  );
}

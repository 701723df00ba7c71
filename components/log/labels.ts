// Labels of the log page's enums (status, type, phase, sort, date field), from the log_ locale keys.
import { t } from '@/components/i18n';
import type { DateField, LogSort } from '@/lib/log/filter';
import type { Phase, RefundStatus, RefundType } from '@/lib/model/vocabulary';

export const statusLabel = (s: RefundStatus): string => t(`log_status_${s}`);
export const typeLabel = (s: RefundType): string => t(`log_type_${s}`);
export const phaseLabel = (s: Phase): string => t(`log_phase_${s}`);
export const sortLabel = (s: LogSort): string => t(`log_sort_${s}`);
export const dateFieldLabel = (s: DateField): string => t(`log_date_${s}`);

/** "1,234" (zh and en both group by thousands). */
export function formatCount(n: number, lang: 'zh' | 'en'): string {
  return n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
}

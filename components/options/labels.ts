// Labels shared by several sections (sub-indicator names and their units).
import { t } from '@/components/i18n';
import type { SubIndicator } from '@/lib/composite';

export function subIndicatorName(key: SubIndicator): string {
  return t(`options_sub_${key}`);
}

export function subIndicatorUnit(key: SubIndicator): string {
  return key === 'completionDays' ? t('options_unitDays') : '%';
}

// The options page (issue 3 §5): one card per section, each validated with the settings schema and saved with its
// own 保存 button. Loads the stored settings first; a database that cannot be opened is reported, never hidden.
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import type { RefundRadarDb } from '@/lib/db';
import { describeWriteError, loadSettings } from '@/lib/options/store';
import { BenchmarksSection } from './BenchmarksSection';
import { OfficialSection } from './OfficialSection';
import { PaidOrdersSection } from './PaidOrdersSection';
import { PrivacySection } from './PrivacySection';
import { RemindersSection } from './RemindersSection';
import { RulesSection } from './RulesSection';
import { createOptionsStore, type OptionsStore } from './store';
import { ThresholdsSection } from './ThresholdsSection';
import { WeightsSection } from './WeightsSection';

const SECTIONS = [
  ['benchmarks', 'options_navBenchmarks'],
  ['weights', 'options_navWeights'],
  ['thresholds', 'options_navThresholds'],
  ['rules', 'options_navRules'],
  ['paid-orders', 'options_navPaid'],
  ['official', 'options_navOfficial'],
  ['reminders', 'options_navReminders'],
  ['privacy', 'options_navPrivacy'],
] as const;

export function OptionsApp({ db, now }: { db: RefundRadarDb; now?: () => number }) {
  const [store, setStore] = useState<OptionsStore | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    loadSettings(db).then(
      (settings) => setStore(createOptionsStore(db, settings, now)),
      (err: unknown) => setFailure(describeWriteError(err).detail),
    );
  }, [db]);
  return (
    <>
      <a class="skip" href="#main">
        {t('options_skip')}
      </a>
      <header class="page-header">
        <h1>
          <img src="/icon/32.png" alt="" width={28} height={28} />
          {t('options_title')}
        </h1>
        <p>{t('options_subtitle')}</p>
        <nav aria-label={t('options_navLabel')}>
          <ul>
            {SECTIONS.map(([id, key]) => (
              <li key={id}>
                <a href={`#${id}`}>{t(key)}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {failure !== null && (
          <p class="status bad" role="alert">
            {t('options_loadFailed', failure)}
          </p>
        )}
        {store === null && failure === null && <p role="status">{t('options_loading')}</p>}
        {store !== null && (
          <>
            <BenchmarksSection store={store} />
            <WeightsSection store={store} />
            <ThresholdsSection store={store} />
            <RulesSection store={store} />
            <PaidOrdersSection store={store} />
            <OfficialSection store={store} />
            <RemindersSection store={store} />
            <PrivacySection store={store} />
          </>
        )}
      </main>
      <footer class="page-footer">{t('options_footer')}</footer>
    </>
  );
}

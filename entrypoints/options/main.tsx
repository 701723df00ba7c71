import { render } from 'preact';
import { t, uiLang } from '@/components/i18n';
import { OptionsApp } from '@/components/options/OptionsApp';
import { RefundRadarDb } from '@/lib/db';
import './options.css';

document.documentElement.lang = uiLang() === 'en' ? 'en' : 'zh-CN';
document.title = t('options_pageTitle');
render(<OptionsApp db={new RefundRadarDb()} />, document.getElementById('app')!);

// log.html: the refund log (an unlisted extension page, opened from the popup: chrome-extension://<id>/log.html).
import { render } from 'preact';
import { t, uiLang } from '@/components/i18n';
import { LogPage } from '@/components/log/LogPage';
import { RefundRadarDb } from '@/lib/db';
import './log.css';

document.documentElement.lang = uiLang() === 'en' ? 'en' : 'zh-CN';
document.title = t('log_title');
render(<LogPage db={new RefundRadarDb()} />, document.getElementById('app')!);

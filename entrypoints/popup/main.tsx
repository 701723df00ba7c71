import { render } from 'preact';
import { PagePanel } from '@/components/popup/PagePanel';
import { t, uiLang } from '@/components/i18n';
import './popup.css';

document.documentElement.lang = uiLang() === 'en' ? 'en' : 'zh-CN';
document.title = t('popupTitle');
render(<PagePanel />, document.getElementById('app')!);

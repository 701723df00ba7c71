import { render } from 'preact';
import { App } from '@/components/popup/App';
import { t, uiLang } from '@/components/i18n';
import './popup.css';

document.documentElement.lang = uiLang() === 'en' ? 'en' : 'zh-CN';
document.title = t('popupTitle');
render(<App />, document.getElementById('app')!);

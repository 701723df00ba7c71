import { render } from 'preact';
import { App } from '@/components/popup/App';
import { startRequests } from '@/components/popup/sources';
import { t, uiLang } from '@/components/i18n';
import './popup.css';

// Asked before anything renders: the background computes while the popup lays out its shell.
const early = startRequests();
document.documentElement.lang = uiLang() === 'en' ? 'en' : 'zh-CN';
document.title = t('popupTitle');
render(<App early={early} />, document.getElementById('app')!);

import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The seller-center refund pages (domain.md §5). Nothing wider: no <all_urls>, no other host.
export const REFUND_PAGE_MATCHES = [
  'https://myseller.taobao.com/home.htm/trade-platform/*',
  'https://qn.taobao.com/home.htm/trade-platform/*',
  'https://refund2.taobao.com/dispute/*',
  'https://refund2.tmall.com/dispute/*',
];

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage'],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; connect-src 'none'",
    },
  },
});

// The built manifest asks for the minimum: an allow-list of permissions and host matches, no host_permissions,
// and a strict CSP for the extension's own pages (issue 6.5).
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const manifest = JSON.parse(readFileSync('.output/chrome-mv3/manifest.json', 'utf8'));

test('permissions are exactly the allow-list', () => {
  expect([...manifest.permissions].sort()).toEqual(['alarms', 'notifications', 'storage', 'unlimitedStorage']);
  expect(manifest.host_permissions).toBeUndefined();
  expect(manifest.optional_permissions).toBeUndefined();
  expect(manifest.externally_connectable).toBeUndefined();
  expect(manifest.web_accessible_resources).toBeUndefined();
});

test('content scripts run only on the seller-center refund pages', () => {
  const matches = manifest.content_scripts.flatMap((c: { matches: string[] }) => c.matches).sort();
  expect(matches).toEqual([
    'https://myseller.taobao.com/home.htm/trade-platform/refund-list*',
    'https://myseller.taobao.com/home.htm/trade-platform/tp/refund-list*',
    'https://qn.taobao.com/home.htm/trade-platform/refund-list*',
    'https://qn.taobao.com/home.htm/trade-platform/tp/refund-list*',
    'https://refund2.taobao.com/dispute/*',
    'https://refund2.tmall.com/dispute/*',
  ]);
  expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
});

test('extension pages have a strict CSP: own scripts only, no network', () => {
  const csp: string = manifest.content_security_policy.extension_pages;
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("connect-src 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain('unsafe-eval');
});

// Which seller-center refund page a URL is (domain.md §5.1–§5.3). Pure: the content script passes location.href.
// Hosts are compared exactly (not "contains"), so evil.com/?x=myseller.taobao.com or myseller.taobao.com.evil.com fail.
import {
  LEGACY_DETAIL_PATH,
  LEGACY_HOSTS,
  LEGACY_LIST_PATH,
  QIANNIU_HOSTS,
  QN_DETAIL_PATH,
  QN_EXPORT_PATH,
  QN_LIST_PATH,
  QN_TP_LIST_PATH,
} from './urls';

/** What a page report says the page is; 'other' for a page of a matched host that is none of the refund pages. */
export const PAGE_KINDS = ['qianniu-list', 'qianniu-detail', 'legacy-list', 'legacy-detail', 'other'] as const;
type PageKind = (typeof PAGE_KINDS)[number];
type RefundPageKind = Exclude<PageKind, 'other'>;

export function detectRefundPage(url: string): RefundPageKind | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  // A port or credentials never appear on the real pages; treat them as look-alikes.
  if (u.port !== '' || u.username !== '' || u.password !== '') return null;
  const host = u.hostname.toLowerCase();
  const path = u.pathname.replace(/\/+$/, '');
  const under = (base: string) => path === base || path.startsWith(`${base}/`);

  if (QIANNIU_HOSTS.has(host)) {
    if (path === QN_DETAIL_PATH) return /^\d+$/.test(u.searchParams.get('disputeId') ?? '') ? 'qianniu-detail' : null;
    if (under(QN_EXPORT_PATH)) return null;
    if (under(QN_LIST_PATH) || under(QN_TP_LIST_PATH)) return 'qianniu-list';
    return null;
  }
  if (LEGACY_HOSTS.has(host)) {
    if (path === LEGACY_LIST_PATH) return 'legacy-list';
    // Taobao links the detail by disputeId, Tmall by bizOrderId (§5.3): no parameter is required.
    if (path === LEGACY_DETAIL_PATH) return 'legacy-detail';
  }
  return null;
}

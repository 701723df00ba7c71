// Which seller-center refund page a URL is (domain.md §5.1–§5.3). Pure: the content script passes location.href.
// Hosts are compared exactly (not "contains"), so evil.com/?x=myseller.taobao.com or myseller.taobao.com.evil.com fail.

export type RefundPageKind = 'qianniu-list' | 'qianniu-detail' | 'legacy-list' | 'legacy-detail';

const QIANNIU_HOSTS = new Set(['myseller.taobao.com', 'qn.taobao.com']);
const LEGACY_HOSTS = new Set(['refund2.taobao.com', 'refund2.tmall.com']);

const QN_LIST = '/home.htm/trade-platform/refund-list';
const QN_TP_LIST = '/home.htm/trade-platform/tp/refund-list';
const QN_DETAIL = '/home.htm/trade-platform/refund-list/detail';
// The export page lives under refund-list but holds export jobs, not refund rows.
const QN_EXPORT = '/home.htm/trade-platform/refund-list/export-list';

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

  if (QIANNIU_HOSTS.has(host)) {
    if (path === QN_DETAIL) return /^\d+$/.test(u.searchParams.get('disputeId') ?? '') ? 'qianniu-detail' : null;
    if (path === QN_EXPORT || path.startsWith(`${QN_EXPORT}/`)) return null;
    if (path === QN_LIST || path.startsWith(`${QN_LIST}/`)) return 'qianniu-list';
    if (path === QN_TP_LIST || path.startsWith(`${QN_TP_LIST}/`)) return 'qianniu-list';
    return null;
  }
  if (LEGACY_HOSTS.has(host)) {
    if (path === '/dispute/sellerDisputeList.htm') return 'legacy-list';
    // Taobao links the detail by disputeId, Tmall by bizOrderId (§5.3): no parameter is required.
    if (path === '/dispute/detail.htm') return 'legacy-detail';
  }
  return null;
}

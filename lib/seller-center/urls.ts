// Every seller-center address Refund Radar knows (domain.md §5.1–§5.3): the hosts, the refund pages' paths, the
// content script's manifest matches (nothing wider: no <all_urls>) and the links it opens (detail page, list).
export const QIANNIU_HOSTS: ReadonlySet<string> = new Set(['myseller.taobao.com', 'qn.taobao.com']);
export const LEGACY_HOSTS: ReadonlySet<string> = new Set(['refund2.taobao.com', 'refund2.tmall.com']);

/** The new Qianniu list (also under the tp/ shell, which may render it in an iframe) and its detail page. */
export const QN_LIST_PATH = '/home.htm/trade-platform/refund-list';
export const QN_TP_LIST_PATH = '/home.htm/trade-platform/tp/refund-list';
export const QN_DETAIL_PATH = '/home.htm/trade-platform/refund-list/detail';
/** Under refund-list, but it holds export jobs, not refund rows. */
export const QN_EXPORT_PATH = '/home.htm/trade-platform/refund-list/export-list';
export const LEGACY_LIST_PATH = '/dispute/sellerDisputeList.htm';
export const LEGACY_DETAIL_PATH = '/dispute/detail.htm';

/** Where the content script runs (the manifest's content_scripts matches). */
export const REFUND_PAGE_MATCHES: string[] = [
  ...[...QIANNIU_HOSTS].flatMap((host) => [`https://${host}${QN_LIST_PATH}*`, `https://${host}${QN_TP_LIST_PATH}*`]),
  ...[...LEGACY_HOSTS].map((host) => `https://${host}/dispute/*`),
];

/** The refund list the popup and grouped reminders open. */
export const REFUND_LIST_URL = `https://myseller.taobao.com${QN_LIST_PATH}`;

/** The seller-center detail page of a refund. */
export function refundDetailUrl(refundId: string): string {
  return `https://myseller.taobao.com${QN_DETAIL_PATH}?disputeId=${encodeURIComponent(refundId)}&type=1`;
}

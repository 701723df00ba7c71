// Where the content script runs: the seller-center refund pages of domain.md §5, nothing wider (no <all_urls>).
// The new Qianniu list and its detail page live under refund-list (also the tp/ shell); the legacy pages under /dispute/.
export const REFUND_PAGE_MATCHES = [
  'https://myseller.taobao.com/home.htm/trade-platform/refund-list*',
  'https://myseller.taobao.com/home.htm/trade-platform/tp/refund-list*',
  'https://qn.taobao.com/home.htm/trade-platform/refund-list*',
  'https://qn.taobao.com/home.htm/trade-platform/tp/refund-list*',
  'https://refund2.taobao.com/dispute/*',
  'https://refund2.tmall.com/dispute/*',
];

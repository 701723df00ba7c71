// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectRefundPage } from '@/lib/seller-center/page-kind';

describe('detectRefundPage', () => {
  const cases: Array<[string, ReturnType<typeof detectRefundPage>]> = [
    ['https://myseller.taobao.com/home.htm/trade-platform/refund-list', 'qianniu-list'],
    ['https://qn.taobao.com/home.htm/trade-platform/refund-list', 'qianniu-list'],
    ['https://myseller.taobao.com/home.htm/trade-platform/refund-list?tab=wait_seller', 'qianniu-list'],
    ['https://myseller.taobao.com/home.htm/trade-platform/refund-list/', 'qianniu-list'],
    ['https://myseller.taobao.com/home.htm/trade-platform/refund-list#top', 'qianniu-list'],
    ['https://myseller.taobao.com/home.htm/trade-platform/tp/refund-list', 'qianniu-list'],
    ['https://qn.taobao.com/home.htm/trade-platform/tp/refund-list?spm=a1z', 'qianniu-list'],
    ['http://myseller.taobao.com/home.htm/trade-platform/refund-list', 'qianniu-list'],
    ['https://MySeller.Taobao.com/home.htm/trade-platform/refund-list', 'qianniu-list'],
    ['https://qn.taobao.com/home.htm/trade-platform/refund-list/detail?disputeId=200123456789012345&type=1', 'qianniu-detail'],
    ['https://myseller.taobao.com/home.htm/trade-platform/refund-list/detail?type=1&disputeId=200123456789012345', 'qianniu-detail'],
    ['https://refund2.taobao.com/dispute/sellerDisputeList.htm?type=1&showFrame=false', 'legacy-list'],
    ['https://refund2.tmall.com/dispute/sellerDisputeList.htm?type=1', 'legacy-list'],
    ['https://refund2.taobao.com/dispute/detail.htm?disputeId=200123456789012345', 'legacy-detail'],
    ['https://refund2.tmall.com/dispute/detail.htm?bizOrderId=3890123456789012345&disputeType=1', 'legacy-detail'],
    // Look-alikes and neighbours.
    ['https://qn.taobao.com/home.htm/trade-platform/refund-list/detail', null],
    ['https://qn.taobao.com/home.htm/trade-platform/refund-list/detail?disputeId=abc', null],
    ['https://myseller.taobao.com/home.htm/trade-platform/refund-list/export-list', null],
    ['https://myseller.taobao.com/home.htm/trade-platform/refund-listing', null],
    ['https://myseller.taobao.com/home.htm/trade-platform/tp/detail?bizOrderId=3890123456789012345', null],
    ['https://myseller.taobao.com/home.htm/QnworkbenchHome/', null],
    ['https://evil.com/?x=myseller.taobao.com/home.htm/trade-platform/refund-list', null],
    ['https://evil.com/home.htm/trade-platform/refund-list', null],
    ['https://myseller.taobao.com.evil.com/home.htm/trade-platform/refund-list', null],
    ['https://evilmyseller.taobao.com/home.htm/trade-platform/refund-list', null],
    ['https://myseller.taobao.com@evil.com/home.htm/trade-platform/refund-list', null],
    ['https://myseller.taobao.com:8443/home.htm/trade-platform/refund-list', null],
    ['https://evil.com/home.htm/trade-platform/refund-list?u=https://qn.taobao.com/', null],
    ['https://refund2.taobao.com.evil.com/dispute/sellerDisputeList.htm', null],
    ['https://refund2.jd.com/dispute/sellerDisputeList.htm', null],
    ['https://refund2.taobao.com/dispute/other.htm', null],
    ['https://refund2.taobao.com/x/dispute/detail.htm', null],
    ['https://trade.taobao.com/dispute/detail.htm?disputeId=1', null],
    ['file:///home.htm/trade-platform/refund-list', null],
    ['javascript:alert("myseller.taobao.com")', null],
    ['not a url', null],
    ['', null],
  ];
  it.each(cases)('%s → %s', (url, kind) => {
    expect(detectRefundPage(url)).toBe(kind);
  });
});

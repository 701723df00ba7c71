// The request → reply map: every request and reply schema accepts a real message of its type and refuses junk.
import { describe, expect, it } from 'vitest';
import { buildDashboard } from '@/lib/dashboard/dashboard';
import { handlePageReport } from '@/lib/db/handle-page-report';
import { ErrorReplySchema } from '@/lib/protocol/error-reply';
import type { PageReport } from '@/lib/protocol/page-report';
import { PROTOCOL, type MessageOf, type MessageType, type ReplyOf } from '@/lib/protocol/protocol';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { NOW, PAID_ORDERS, REFUNDS } from '../indicators/worked-example';
import { newDb, row, T0 } from '../db/helpers';

const REPORT: PageReport = {
  type: 'page-report',
  url: 'https://qn.taobao.com/x',
  pageKind: 'qianniu-list',
  rows: [row({ refundId: '202611200000000001' }), row({ refundId: '202611200000000002', statusText: '退款成功', status: 'success' })],
  problems: [{ field: 'refundId' }],
  problemCount: 1,
  states: { done: 1, ok: 1 },
};

/** A real message and a real reply of each type (the replies as the background's code makes them), JSON-copied as by messaging. */
async function realMessages(): Promise<{ [K in MessageType]: { message: MessageOf<K>; reply: ReplyOf<K> } }> {
  const db = newDb();
  try {
    const pageReply = await handlePageReport(db, REPORT, DEFAULT_SETTINGS, T0);
    const dashboard = buildDashboard([...REFUNDS], PAID_ORDERS, DEFAULT_SETTINGS, NOW);
    const stored = { url: REPORT.url, pageKind: REPORT.pageKind, rowCount: 2, problemCount: 1, problems: REPORT.problems, states: REPORT.states, at: T0 };
    return JSON.parse(
      JSON.stringify({
        'page-report': { message: REPORT, reply: pageReply },
        'tab-report': { message: { type: 'tab-report', tabId: 7 }, reply: { ok: true, report: stored } },
        dashboard: { message: { type: 'dashboard', scenario: 'median' }, reply: { ok: true, dashboard } },
        'history-changed': { message: { type: 'history-changed' }, reply: { ok: true } },
      }),
    );
  } finally {
    db.close();
  }
}

const TYPES = Object.keys(PROTOCOL) as MessageType[];
const JUNK: unknown[] = [undefined, null, 'hello', 42, [], {}, { ok: 'true' }, { type: 'drop-database' }];

describe('the protocol map', () => {
  it('has the four messages', () => {
    expect(TYPES.sort()).toEqual(['dashboard', 'history-changed', 'page-report', 'tab-report']);
  });

  it('each request schema accepts a real message of its type and no other type', async () => {
    const real = await realMessages();
    for (const type of TYPES) {
      expect(PROTOCOL[type].request.safeParse(real[type].message).success, type).toBe(true);
      for (const other of TYPES.filter((t) => t !== type)) {
        expect(PROTOCOL[type].request.safeParse(real[other].message).success, `${type} ← ${other}`).toBe(false);
      }
    }
  });

  it('each reply schema accepts a real reply of its type', async () => {
    const real = await realMessages();
    for (const type of TYPES) expect(PROTOCOL[type].reply.safeParse(real[type].reply).success, type).toBe(true);
    expect(real['page-report'].reply.known['202611200000000001']).toBeDefined(); // the reply carries what it should
  });

  it('request and reply schemas refuse junk, and no reply schema takes the error reply', () => {
    const error = { ok: false, error: 'invalid message' };
    expect(ErrorReplySchema.safeParse(error).success).toBe(true);
    for (const type of TYPES) {
      for (const junk of [...JUNK, error]) {
        expect(PROTOCOL[type].request.safeParse(junk).success, `${type} request ${JSON.stringify(junk)}`).toBe(false);
        expect(PROTOCOL[type].reply.safeParse(junk).success, `${type} reply ${JSON.stringify(junk)}`).toBe(false);
      }
    }
  });

  it('refuses what a hostile or older sender could send', async () => {
    const real = await realMessages();
    const numericId = { ...REPORT, rows: [{ ...REPORT.rows[0], refundId: 202611200000000001 }] }; // precision would be lost
    expect(PROTOCOL['page-report'].request.safeParse(numericId).success).toBe(false);
    expect(PROTOCOL.dashboard.request.safeParse({ type: 'dashboard', scenario: 'someday' }).success).toBe(false);
    expect(PROTOCOL['tab-report'].request.safeParse({ type: 'tab-report', tabId: 1.5 }).success).toBe(false);
    const { subIndicators: _gone, ...olderDashboard } = real.dashboard.reply.dashboard;
    expect(PROTOCOL.dashboard.reply.safeParse({ ok: true, dashboard: olderDashboard }).success).toBe(false);
    expect(PROTOCOL['tab-report'].reply.safeParse({ ok: true, report: { url: 'x' } }).success).toBe(false);
    expect(PROTOCOL['tab-report'].reply.safeParse({ ok: true, report: null }).success).toBe(true);
    const { context: _c, ...noContext } = real['page-report'].reply;
    expect(PROTOCOL['page-report'].reply.safeParse(noContext).success).toBe(false);
  });

  it('the dashboard reply is the same object, not a copy (validated by its shape, not rebuilt)', async () => {
    const real = await realMessages();
    const parsed = PROTOCOL.dashboard.reply.parse(real.dashboard.reply);
    expect(parsed.dashboard).toBe(real.dashboard.reply.dashboard);
  });
});

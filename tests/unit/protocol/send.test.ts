// The typed send: the reply is validated with the map's schema, an error or malformed reply rejects; over askAgain,
// a question lost while the service worker starts is asked again and the first answer wins.
import { describe, expect, it, vi } from 'vitest';
import { askAgain } from '@/lib/protocol/ask-again';
import { HistoryChangedReplySchema } from '@/lib/protocol/history-changed';
import { sender, type Transport } from '@/lib/protocol/send';
import { TabReportReplySchema } from '@/lib/protocol/tab-report';

const STORED = { url: 'https://qn.taobao.com/x', pageKind: 'qianniu-list', rowCount: 3, problemCount: 1, problems: [{ field: 'refundId' }], states: { ok: 3 }, at: 1 };

/** A transport answering attempt n with `plan[n]` (the last step repeats): a value, 'hang' (never settles) or 'refuse'. */
function scripted(plan: unknown[]): Transport & { sent: unknown[] } {
  const sent: unknown[] = [];
  const transport = (message: unknown) => {
    const step = plan[Math.min(sent.length, plan.length - 1)];
    sent.push(message);
    if (step === 'hang') return new Promise<never>(() => {});
    if (step === 'refuse') return Promise.reject(new Error('Receiving end does not exist.'));
    return Promise.resolve(step);
  };
  return Object.assign(transport, { sent });
}

describe('send', () => {
  it('sends the type with the request and resolves with the validated reply', async () => {
    const transport = scripted([{ ok: true, report: STORED, extra: 'dropped' }]);
    const send = sender(transport, { 'tab-report': TabReportReplySchema });
    expect(await send('tab-report', { tabId: 7 })).toEqual({ ok: true, report: STORED });
    expect(transport.sent).toEqual([{ type: 'tab-report', tabId: 7 }]);
  });

  it('rejects a malformed reply, no reply, and the error reply with its error', async () => {
    const send = (answer: unknown) => sender(scripted([answer]), { 'tab-report': TabReportReplySchema })('tab-report', { tabId: 7 });
    await expect(send({ ok: true, report: { ...STORED, rowCount: 'three' } })).rejects.toThrow('tab-report: malformed reply');
    await expect(send({ ok: true })).rejects.toThrow('malformed reply');
    await expect(send(undefined)).rejects.toThrow('tab-report: no reply');
    await expect(send({ ok: false, error: 'invalid tab-report message' })).rejects.toThrow('tab-report: invalid tab-report message');
  });

  it('rejects when the transport does', async () => {
    const send = sender(scripted(['refuse']), { 'history-changed': HistoryChangedReplySchema });
    await expect(send('history-changed', {})).rejects.toThrow('Receiving end');
  });
});

describe('send over askAgain', () => {
  it('answers at once when the background does', async () => {
    const transport = scripted([{ ok: true }]);
    const send = sender(askAgain(transport, { firstEveryMs: 10 }), { 'history-changed': HistoryChangedReplySchema });
    expect(await send('history-changed', {})).toEqual({ ok: true });
    expect(transport.sent).toHaveLength(1);
  });

  it('asks again while unanswered, takes the first answer and validates it', async () => {
    const transport = scripted(['hang', 'hang', { ok: true, report: null }]);
    const send = sender(askAgain(transport, { firstEveryMs: 10 }), { 'tab-report': TabReportReplySchema });
    expect(await send('tab-report', { tabId: 3 })).toEqual({ ok: true, report: null });
    expect(transport.sent).toEqual([1, 2, 3].map(() => ({ type: 'tab-report', tabId: 3 })));
    const malformed = sender(askAgain(scripted(['hang', { ok: 'yes' }]), { firstEveryMs: 10 }), { 'tab-report': TabReportReplySchema });
    await expect(malformed('tab-report', { tabId: 3 })).rejects.toThrow('malformed reply');
  });

  it('repeats soon, then at growing gaps up to the longest', async () => {
    vi.useFakeTimers();
    try {
      const silent = scripted(['hang']);
      void askAgain(silent, { firstEveryMs: 100, maxEveryMs: 400, tries: 6, giveUpMs: 10_000 })({ type: 'history-changed' }).catch(() => undefined);
      const sentBy = async (ms: number) => {
        await vi.advanceTimersByTimeAsync(ms);
        return silent.sent.length;
      };
      // Attempts at 0, 100, 300 (100 + 200), 700 (+ 400), 1100 (+ 400, the longest gap), 1500.
      expect(await sentBy(0)).toBe(1);
      expect(await sentBy(100)).toBe(2);
      expect(await sentBy(199)).toBe(2);
      expect(await sentBy(1)).toBe(3);
      expect(await sentBy(400)).toBe(4);
      expect(await sentBy(400)).toBe(5);
      expect(await sentBy(400)).toBe(6);
      expect(await sentBy(5000)).toBe(6);
    } finally {
      vi.useRealTimers();
    }
  });

  it('rejects when every attempt is refused; after the last attempt goes unanswered, gives up: no reply', async () => {
    const refused = sender(askAgain(scripted(['refuse']), { firstEveryMs: 5, tries: 3 }), { 'history-changed': HistoryChangedReplySchema });
    await expect(refused('history-changed', {})).rejects.toThrow('Receiving end');
    const silent = scripted(['hang']);
    const send = sender(askAgain(silent, { firstEveryMs: 5, tries: 3, giveUpMs: 60 }), { 'history-changed': HistoryChangedReplySchema });
    await expect(send('history-changed', {})).rejects.toThrow('history-changed: no reply');
    expect(silent.sent).toHaveLength(3);
  });
});

// The background's router: each message reaches its handler validated; an unknown type, an invalid message and a
// handler that throws are answered with the error reply.
import { describe, expect, it } from 'vitest';
import { ErrorReplySchema } from '@/lib/protocol/error-reply';
import { router, type Handlers } from '@/lib/protocol/router';

type Sender = { tabId: number };

function handlers(over: Partial<Handlers<Sender>> = {}): Handlers<Sender> & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  const fail = (name: string) => () => {
    throw new Error(`${name} should not be called`);
  };
  return {
    calls,
    'page-report': fail('page-report'),
    'tab-report': (m, s) => {
      calls.push([m, s]);
      return { ok: true, report: null };
    },
    dashboard: fail('dashboard'),
    'history-changed': async (m, s) => {
      calls.push([m, s]);
      return { ok: true };
    },
    ...over,
  };
}

describe('router', () => {
  it('hands a valid message, parsed, to its handler with the sender, and answers with its reply', async () => {
    const h = handlers();
    const route = router(h);
    expect(await route({ type: 'tab-report', tabId: 4, junk: 'stripped' }, { tabId: 9 })).toEqual({ ok: true, report: null });
    expect(await route({ type: 'history-changed' }, { tabId: 9 })).toEqual({ ok: true });
    expect(h.calls).toEqual([
      [{ type: 'tab-report', tabId: 4 }, { tabId: 9 }],
      [{ type: 'history-changed' }, { tabId: 9 }],
    ]);
  });

  it('answers an unknown type or junk with the error reply, calling no handler', async () => {
    const h = handlers();
    const route = router(h);
    for (const raw of [{ type: 'drop-database' }, { type: 'constructor' }, { type: '__proto__' }, { tabId: 4 }, 'hello', null, undefined]) {
      const reply = await route(raw, { tabId: 1 });
      expect(ErrorReplySchema.safeParse(reply).success, JSON.stringify(raw)).toBe(true);
      expect(reply).toEqual({ ok: false, error: 'unknown message type' });
    }
    expect(h.calls).toEqual([]);
  });

  it('answers a message that fails its schema with the error reply', async () => {
    const h = handlers();
    expect(await router(h)({ type: 'tab-report', tabId: 'seven' }, { tabId: 1 })).toEqual({ ok: false, error: 'invalid tab-report message' });
    expect(await router(h)({ type: 'dashboard', scenario: 'someday' }, { tabId: 1 })).toEqual({ ok: false, error: 'invalid dashboard message' });
    expect(h.calls).toEqual([]);
  });

  it('answers a handler that throws or rejects with the error reply carrying its message', async () => {
    const route = router(
      handlers({
        dashboard: () => {
          throw new Error('QuotaExceededError');
        },
        'history-changed': () => Promise.reject(new Error('database closed')),
      }),
    );
    expect(await route({ type: 'dashboard', scenario: 'now' }, { tabId: 1 })).toEqual({ ok: false, error: 'QuotaExceededError' });
    expect(await route({ type: 'history-changed' }, { tabId: 1 })).toEqual({ ok: false, error: 'database closed' });
  });
});

// askBackground: a question lost while the service worker starts is asked again; the first answer wins.
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { askBackground } from '@/components/popup/ask-background';

afterEach(() => fakeBrowser.reset());

/** runtime.sendMessage answering attempt n with `plan[n]`: a value, 'hang' (never settles) or 'refuse' (rejects). */
function stubSend(plan: Array<unknown>): { calls: () => number } {
  let n = 0;
  (fakeBrowser.runtime as unknown as { sendMessage: (m: unknown) => Promise<unknown> }).sendMessage = () => {
    const step = plan[Math.min(n++, plan.length - 1)];
    if (step === 'hang') return new Promise(() => {});
    if (step === 'refuse') return Promise.reject(new Error('Receiving end does not exist.'));
    return Promise.resolve(step);
  };
  return { calls: () => n };
}

describe('askBackground', () => {
  it('answers at once when the background does', async () => {
    const s = stubSend([{ ok: 1 }]);
    expect(await askBackground({ type: 'x' }, { everyMs: 10 })).toEqual({ ok: 1 });
    expect(s.calls()).toBe(1);
  });

  it('asks again when the first question is lost, and takes the first answer', async () => {
    const s = stubSend(['hang', 'hang', { ok: 2 }]);
    expect(await askBackground({ type: 'x' }, { everyMs: 10 })).toEqual({ ok: 2 });
    expect(s.calls()).toBe(3);
  });

  it('rejects when every attempt is refused, resolves undefined when none is ever answered', async () => {
    stubSend(['refuse']);
    await expect(askBackground({ type: 'x' }, { everyMs: 5, tries: 3 })).rejects.toThrow('Receiving end');
    const s = stubSend(['hang']);
    expect(await askBackground({ type: 'x' }, { everyMs: 5, tries: 3, giveUpMs: 60 })).toBeUndefined();
    expect(s.calls()).toBe(3);
  });
});

// A transport that sends again while unanswered: a message sent while the service worker is being (re)registered is
// lost without an error (seen whenever Chromium registers the worker anew at start-up: the first popup after a
// browser start lost its first question about every other time, and waited a whole second for the next one), and
// the asking page would then wait forever. So the first repeat comes soon and the gaps grow (the background shares
// one computation between repeated questions, so a repeat costs it nothing). The first answer of any attempt wins;
// when every attempt is refused (no background at all) it rejects; after `giveUpMs` without any answer it resolves
// undefined, which `send` reports as no reply.
import type { Transport } from './send';

interface AskAgainOptions {
  /** Time before the first repeat; each gap after it doubles, up to `maxEveryMs`. */
  firstEveryMs?: number;
  maxEveryMs?: number;
  /** Attempts at most. */
  tries?: number;
  /** After this long without any answer, give up. */
  giveUpMs?: number;
}

export function askAgain(transport: Transport, { firstEveryMs = 100, maxEveryMs = 1000, tries = 10, giveUpMs = 30_000 }: AskAgainOptions = {}): Transport {
  return (message) =>
    new Promise((resolve, reject) => {
      let sent = 0;
      let failed = 0;
      let done = false;
      let gap = firstEveryMs;
      let again: ReturnType<typeof setTimeout> | undefined;
      const finish = (settle: () => void) => {
        if (done) return;
        done = true;
        clearTimeout(again);
        clearTimeout(giveUp);
        settle();
      };
      const attempt = () => {
        if (done || sent >= tries) return;
        sent++;
        transport(message).then(
          (answer) => finish(() => resolve(answer)),
          (err: unknown) => {
            if (++failed >= tries) finish(() => reject(err));
          },
        );
        if (sent < tries) {
          again = setTimeout(attempt, gap);
          gap = Math.min(gap * 2, maxEveryMs);
        }
      };
      const giveUp = setTimeout(() => finish(() => resolve(undefined)), giveUpMs);
      attempt();
    });
}

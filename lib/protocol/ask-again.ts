// A transport that sends again while unanswered: a message sent while the service worker is being (re)registered can
// be lost without an error (seen when Chromium registered the worker anew at start-up), and the asking page would
// then wait forever. The first answer of any attempt wins (the background shares one computation between repeated
// questions); when every attempt is refused (no background at all) it rejects; after `giveUpMs` without any answer
// it resolves undefined, which `send` reports as no reply.
import type { Transport } from './send';

interface AskAgainOptions {
  /** Time between attempts. */
  everyMs?: number;
  /** Attempts at most. */
  tries?: number;
  /** After this long without any answer, give up. */
  giveUpMs?: number;
}

export function askAgain(transport: Transport, { everyMs = 1000, tries = 8, giveUpMs = 30_000 }: AskAgainOptions = {}): Transport {
  return (message) =>
    new Promise((resolve, reject) => {
      let sent = 0;
      let failed = 0;
      let done = false;
      const finish = (settle: () => void) => {
        if (done) return;
        done = true;
        clearInterval(again);
        clearTimeout(giveUp);
        settle();
      };
      const attempt = () => {
        if (sent >= tries) return;
        sent++;
        transport(message).then(
          (answer) => finish(() => resolve(answer)),
          (err: unknown) => {
            if (++failed >= tries) finish(() => reject(err));
          },
        );
      };
      const again = setInterval(attempt, everyMs);
      const giveUp = setTimeout(() => finish(() => resolve(undefined)), giveUpMs);
      attempt();
    });
}

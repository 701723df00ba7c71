// runtime.sendMessage for the popup, sent again while unanswered: a message sent while the service worker is being
// (re)registered can be lost without an error (seen when Chromium registered the worker anew at start-up), and the
// popup would then wait forever. The first answer of any attempt wins; the background shares one computation
// between repeated questions.
interface AskOptions {
  /** Time between attempts. */
  everyMs?: number;
  /** Attempts at most. */
  tries?: number;
  /** After this long without any answer, give up (resolves undefined). */
  giveUpMs?: number;
}

export function askBackground(message: unknown, { everyMs = 1000, tries = 8, giveUpMs = 30_000 }: AskOptions = {}): Promise<unknown> {
  return new Promise((resolve, reject) => {
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
    const send = () => {
      if (sent >= tries) return;
      sent++;
      browser.runtime.sendMessage(message).then(
        (answer: unknown) => finish(() => resolve(answer)),
        (err: unknown) => {
          // Every attempt refused (no background at all): say so, the caller falls back.
          if (++failed >= tries) finish(() => reject(err));
        },
      );
    };
    const again = setInterval(send, everyMs);
    const giveUp = setTimeout(() => finish(() => resolve(undefined)), giveUpMs);
    send();
  });
}

// Tells the background what this page shows (rows read, rows not understood): once the page has been quiet for a
// moment (every slice of one render in one report), at most one message a second.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { BadgeBoard } from '@/components/badge/badge-board';
import { toBackground } from '@/components/to-background';
import type { PageReport } from '@/lib/protocol/page-report';
import { detectRefundPage } from '@/lib/seller-center/page-kind';
import { PageReportReplySchema } from '@/lib/protocol/page-report-reply';
import { sender } from '@/lib/protocol/send';

const THROTTLE_MS = 1000;
/** A render's rows are badged in slices; this long without a change, they are all there. */
const QUIET_MS = 100;
const MAX_PROBLEM_SAMPLES = 20;
/** The background refuses a report of more rows (PageReportSchema). */
const MAX_ROWS = 5000;
/** What the history knows is taken in this many refunds per task: a page of 2,000 rows must not make a long task. */
const KNOWN_PER_TASK = 250;
const MAX_RETRIES = 3;
const RETRY_MS = 1500;
/** The only message this script sends, with the only reply schema its bundle carries. */
const sendToBackground = sender(toBackground, { 'page-report': PageReportReplySchema });

/**
 * Returns the function to call after each change. The background's answer (validated) brings the user's rules and
 * thresholds and what the local history knows per refund; the badges take both in.
 */
export function reportPage(ctx: ContentScriptContext, board: BadgeBoard): () => void {
  let timer: number | undefined;
  let lastSent = 0;
  let firstChangeAt = 0;
  let retries = 0;
  const send = () => {
    timer = undefined;
    if (ctx.isInvalid) return;
    const snap = board.snapshot();
    // An empty page (the list still loading) does not hold back the report of the rows that come next.
    if (snap.rows.length > 0 || snap.problems.length > 0) lastSent = Date.now();
    // The page kind of the address now, not of the page load: the Qianniu workbench goes from the list to a detail
    // and back without loading a page (domain.md §5.4).
    const message: PageReport = {
      type: 'page-report',
      url: location.href.slice(0, 2048),
      pageKind: detectRefundPage(location.href) ?? 'other',
      rows: snap.rows.slice(0, MAX_ROWS),
      problems: snap.problems.slice(0, MAX_PROBLEM_SAMPLES),
      problemCount: snap.problems.length,
      states: snap.states,
      ...(snap.givenUp > 0 ? { givenUp: snap.givenUp } : {}),
    };
    // Not parsed again here: every row passed checkRefundRow (RefundRowSchema's verdict) when it was read, and the
    // background validates the whole message; only the reply is validated on this side.
    // A report that got no answer (the worker was stopped or restarting) is sent again, a few times: nothing the
    // agent saw may be lost because the background was not there at that moment.
    const retry = () => {
      if (retries < MAX_RETRIES && timer === undefined && ctx.isValid) {
        retries++;
        timer = ctx.setTimeout(send, RETRY_MS * retries);
      }
    };
    sendToBackground('page-report', message).then(
      (reply) => {
        retries = 0;
        if (ctx.isInvalid) return;
        board.setContext(reply.context);
        const known = Object.entries(reply.known);
        const applyFrom = (i: number) => {
          if (ctx.isInvalid) return;
          board.applyKnown(Object.fromEntries(known.slice(i, i + KNOWN_PER_TASK)));
          if (i + KNOWN_PER_TASK < known.length) ctx.setTimeout(() => applyFrom(i + KNOWN_PER_TASK), 0);
        };
        applyFrom(0);
      },
      retry, // also a refused or malformed reply
    );
  };
  // The agent may leave the page right after it rendered: what is pending goes out before the page does.
  ctx.addEventListener(window, 'pagehide', () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      send();
    }
  });
  return () => {
    if (ctx.isInvalid) return;
    const now = Date.now();
    if (timer === undefined) firstChangeAt = now;
    else clearTimeout(timer);
    // After QUIET_MS without a change, but within a second of the first change while the page keeps changing, and
    // never sooner than a second after the last report.
    const due = Math.max(Math.min(now + QUIET_MS, firstChangeAt + THROTTLE_MS), lastSent + THROTTLE_MS);
    timer = ctx.setTimeout(send, Math.max(0, due - now));
  };
}

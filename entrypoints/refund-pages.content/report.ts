// Tells the background what this page shows (rows read, rows not understood), throttled: at most one message a second.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { BadgeBoard } from '@/components/badge/badge-board';
import type { Signal } from '@preact/signals';
import type { DescribeContext } from '@/lib/deadline/describe';
import { PageReportReplySchema, PageReportSchema, type PageReport, PAGE_KINDS } from '@/lib/messages';

const THROTTLE_MS = 1000;
const MAX_PROBLEM_SAMPLES = 20;

/**
 * Returns the function to call after each change. The background's answer (validated) brings the user's rules and
 * thresholds and what the local history knows per refund; the badges take both in.
 */
export function reportPage(
  ctx: ContentScriptContext,
  board: BadgeBoard,
  context: Signal<DescribeContext>,
  pageKind: (typeof PAGE_KINDS)[number],
): () => void {
  let timer: number | undefined;
  const send = () => {
    timer = undefined;
    if (ctx.isInvalid) return;
    const snap = board.snapshot();
    const message: PageReport = {
      type: 'page-report',
      url: location.href.slice(0, 2048),
      pageKind,
      rows: snap.rows,
      problems: snap.problems.slice(0, MAX_PROBLEM_SAMPLES),
      problemCount: snap.problems.length,
      states: snap.states,
    };
    const checked = PageReportSchema.safeParse(message);
    if (!checked.success) return; // a bug on our side; never send what the background would refuse
    browser.runtime.sendMessage(checked.data).then(
      (raw: unknown) => {
        const reply = PageReportReplySchema.safeParse(raw);
        if (!reply.success || ctx.isInvalid) return;
        context.value = reply.data.context;
        board.applyKnown(reply.data.known);
      },
      () => {
        // The background may be restarting or the extension reloading: the next change reports again.
      },
    );
  };
  return () => {
    if (timer === undefined && ctx.isValid) timer = ctx.setTimeout(send, THROTTLE_MS);
  };
}

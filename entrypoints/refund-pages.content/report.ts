// Tells the background what this page shows (rows read, rows not understood), throttled: at most one message a second.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { BadgeBoard } from '@/components/badge/badge-board';
import { PageReportSchema, type PageReport, PAGE_KINDS } from '@/lib/messages';

const THROTTLE_MS = 1000;
const MAX_PROBLEM_SAMPLES = 20;

export function reportPage(ctx: ContentScriptContext, board: BadgeBoard, pageKind: (typeof PAGE_KINDS)[number]): () => void {
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
    browser.runtime.sendMessage(checked.data).catch(() => {
      // The background may be restarting or the extension reloading: the next change reports again.
    });
  };
  return () => {
    if (timer === undefined && ctx.isValid) timer = ctx.setTimeout(send, THROTTLE_MS);
  };
}

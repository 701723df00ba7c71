// One shared clock for every badge on the page (no timer per row). Badges derive their text and state from it.
// It pauses while the tab is hidden and catches up at once when the agent comes back.
import { signal, type ReadonlySignal } from '@preact/signals';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

// Minute resolution is all the badge shows ("还剩 5时12分"); peers refresh SLA badges about every 60 s (§9).
export const TICK_MS = 60_000;

export function startTicker(ctx: ContentScriptContext, doc: Document = document): ReadonlySignal<number> {
  const now = signal(Date.now());
  const tick = () => {
    if (!doc.hidden) now.value = Date.now();
  };
  ctx.setInterval(tick, TICK_MS);
  ctx.addEventListener(doc, 'visibilitychange', tick);
  return now;
}

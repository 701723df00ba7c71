// One shared clock for every badge on the page (no timer per row): it calls `onTick` with the time, and the badges
// work out what changed. It pauses while the tab is hidden and catches up at once when the agent comes back.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

// Minute resolution is all the badge shows ("还剩 5时12分"); peers refresh SLA badges about every 60 s (§9).
const TICK_MS = 60_000;

export function startTicker(ctx: ContentScriptContext, onTick: (now: number) => void, doc: Document = document): void {
  const tick = () => {
    if (!doc.hidden) onTick(Date.now());
  };
  ctx.setInterval(tick, TICK_MS);
  ctx.addEventListener(doc, 'visibilitychange', tick);
}

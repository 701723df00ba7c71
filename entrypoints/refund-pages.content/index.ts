// Content script of the seller-center refund pages: reads the refund rows and keeps one live deadline badge on each.
// Lifecycle through `ctx`: when the extension is updated or disabled, every badge and observer goes away.
import { BadgeBoard } from '@/components/badge/badge-board';
import { BADGE_TAG } from '@/components/badge/mount-badge';
import { startTicker } from '@/components/badge/ticker';
import { uiLang } from '@/components/i18n';
import { badgeAnchor } from '@/lib/page/anchor';
import { readRefundRow } from '@/lib/page/read-page';
import { REFUND_PAGE_MATCHES } from '@/lib/seller-center/urls';
import { reportPage } from './report';
import { watchRows } from './watch-rows';

export default defineContentScript({
  matches: REFUND_PAGE_MATCHES,
  allFrames: true, // some shops get a shell that renders the list in an iframe (§5.1)
  runAt: 'document_idle',
  main(ctx) {
    // Hosts left by an earlier instance of this script (before an update) would be duplicates.
    for (const stale of document.querySelectorAll(BADGE_TAG)) stale.remove();

    const board = new BadgeBoard({ lang: uiLang(), read: readRefundRow, anchor: badgeAnchor });
    startTicker(ctx, (now) => board.tick(now));
    const report = reportPage(ctx, board);

    watchRows(ctx, document.documentElement, { board, onBatch: report });
    ctx.onInvalidated(() => board.removeAll());
    // WXT notices a disable lazily, when a ctx timer fires (an update it hears of at once, from the new instance):
    // a check every 5 s lets stale badges go soon without waking the page more often than needed.
    ctx.setInterval(() => undefined, 5000);
  },
});

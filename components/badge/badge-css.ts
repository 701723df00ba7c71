// Badge styles, inline (no stylesheet fetch per badge) and scoped by the shadow root: the page's CSS cannot reach
// inside, ours cannot leak out. Colour always comes with a text cue (紧急/临近/…), never alone.
// content-visibility: a badge out of view is not laid out (a list of 2,000 rows would otherwise take a second or more
// of layout for its badges); it keeps a badge-sized placeholder, and its last real size once it has been seen.
const BADGE_CSS = `
:host { all: initial; display: inline-block; vertical-align: middle; margin: 2px 0 2px 6px; max-width: 100%;
  content-visibility: auto; contain-intrinsic-size: auto 160px auto 22px; }
.badge { display: inline-flex; flex-wrap: wrap; align-items: center; gap: 0 4px; padding: 1px 6px 1px 2px; border-radius: 10px;
  font: 12px/18px "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif;
  border: 1px solid transparent; cursor: default; }
.badge > span { white-space: nowrap; }
.overdue.timed { padding-left: 6px; }
.badge:focus-visible { outline: 2px solid #1a66ff; outline-offset: 1px; }
.cue { padding: 0 5px; border-radius: 8px; font-weight: 600; color: #fff; }
.left { font-variant-numeric: tabular-nums; }
.est { padding: 0 3px; border: 1px dashed currentColor; border-radius: 4px; font-size: 11px; line-height: 14px; }
.actor { opacity: 0.8; }
.ok { background: #eaf7ee; color: #146c2e; border-color: #b7e2c3; } .ok .cue { background: #1f8f45; }
.soon { background: #fff6e0; color: #7a4b00; border-color: #f3d48a; } .soon .cue { background: #c77800; }
.urgent { background: #ffece8; color: #a8071a; border-color: #ffb3a7; } .urgent .cue { background: #e0241b; }
.overdue { background: #5c0011; color: #fff; border-color: #5c0011; } .overdue .cue { background: #fff; color: #5c0011; }
.done { background: #f2f3f5; color: #5b6270; border-color: #dcdfe5; } .done .cue { background: #8a919f; }
.unknown { background: #f4f0ff; color: #4b3a8c; border-color: #d6ccf5; } .unknown .cue { background: #7a66c7; }
`;

let shared: CSSStyleSheet | null | undefined;

/** Puts the badge CSS into a shadow root: one constructed stylesheet shared by every badge, or a <style> fallback. */
export function applyBadgeCss(root: ShadowRoot): void {
  if (shared === undefined) {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(BADGE_CSS);
      shared = sheet;
    } catch {
      shared = null;
    }
  }
  if (shared) {
    try {
      root.adoptedStyleSheets = [shared];
      return;
    } catch {
      shared = null;
    }
  }
  const style = document.createElement('style');
  style.textContent = BADGE_CSS;
  root.append(style);
}

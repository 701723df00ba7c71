// Page overhead, re-render and ticker figures: the demo refund list in Chromium with and without the extension.
// Everything is observed from the page's main world by an init script (the content script's <refund-radar-badge>
// hosts are light DOM, their shadow roots open) and from the DevTools protocol (Performance metrics, Profiler).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { attribute, isExtensionUrl, launch, median, sleep } from './common.mjs';

const LIST = 'https://myseller.taobao.com/home.htm/trade-platform/refund-list';
/** Same site as the list (same renderer process), not matched by the content script: a 404 of the demo server. */
const BLANK = 'https://myseller.taobao.com/_bench/blank';
const QUIET_MS = 500;
/** Every load runs under the sampling profiler (both modes alike), 1 sample per ms: small overhead. */
const PROFILE_INTERVAL_US = 1000;
/** A row count gets at least one pair of loads, then more pairs (up to `reps`) while it has used less than this. */
const SIZE_TIME_BUDGET_MS = 25_000;
/** Same for each re-render variant (one page 2 → 3 per repetition). */
const RERENDER_TIME_BUDGET_MS = 12_000;

/**
 * Main-world instrumentation (runs before the page's scripts):
 * - `rendered`: performance.now() at each `demo:rendered` (the list's rows are in the DOM);
 * - `correctAt`: first MutationObserver callback after a render at which every readable row holds exactly one badge
 *   host naming its refund (and there are no other hosts) — for the content script's insertions the callback runs
 *   right after the task that made them;
 * - `lastLight`: last light-DOM mutation, the frame after it (rAF + task), or end of a long task;
 * - `lastShadow`: last mutation inside a badge's shadow root (e.g. after the background's reply);
 * - `lt`: every long task [start, duration] (PerformanceObserver 'longtask').
 */
function pageInit() {
  const B = (window.__bench = { rendered: [], correctAt: [], correctWall: [], lastLight: 0, lastShadow: 0, lt: [], expected: -1, pending: false });
  const hosts = document.getElementsByTagName('refund-radar-badge');
  const touch = (t) => {
    if (t > B.lastLight) B.lastLight = t;
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        B.lt.push([e.startTime, e.duration]);
        touch(e.startTime + e.duration);
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    B.noLongtask = true;
  }
  let frameQueued = false;
  const afterFrame = () => {
    if (frameQueued) return;
    frameQueued = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        frameQueued = false;
        touch(performance.now());
      }, 0),
    );
  };
  const correct = () => {
    if (hosts.length !== B.expected) return false;
    for (const row of document.querySelectorAll('[data-demo-refund-id]')) {
      const hs = row.getElementsByTagName('refund-radar-badge');
      if (hs.length !== 1 || hs[0].getAttribute('data-refund-id') !== row.getAttribute('data-demo-refund-id')) return false;
    }
    return true;
  };
  const check = (t) => {
    if (B.pending && B.expected > 0 && correct()) {
      B.pending = false;
      B.correctAt.push(t);
      B.correctWall.push(Date.now());
    }
  };
  const shadowMo = new MutationObserver(() => {
    B.lastShadow = performance.now();
  });
  new MutationObserver((records) => {
    const t = performance.now();
    touch(t);
    afterFrame();
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.localName === 'refund-radar-badge' && n.shadowRoot) {
          shadowMo.observe(n.shadowRoot, { subtree: true, childList: true, characterData: true, attributes: true });
        }
      }
    }
    check(t);
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener('demo:rendered', () => {
    const t = performance.now();
    B.rendered.push(t);
    B.expected = document.querySelectorAll('[data-demo-refund-id]').length;
    B.pending = true;
    touch(t);
    afterFrame();
    check(t);
  });
}

const readBench = (page) => page.evaluate(() => ({ ...window.__bench, now: performance.now(), wall: Date.now() }));

/**
 * Page reports the background has handled, seen from the service worker: it keeps each tab's latest report in
 * storage.session ({ rowCount, at }), after the upsert and before it answers the content script.
 */
async function handledReports(context) {
  const worker = context.serviceWorkers()[0];
  if (!worker) return [];
  return worker
    .evaluate(() => {
      if (!globalThis.__benchReports) {
        globalThis.__benchReports = [];
        chrome.storage.session.onChanged.addListener((changes) => {
          for (const [key, change] of Object.entries(changes)) {
            if (key.startsWith('tab:') && change.newValue) globalThis.__benchReports.push({ rows: change.newValue.rowCount, at: change.newValue.at });
          }
        });
      }
      return globalThis.__benchReports;
    })
    .catch(() => []);
}

/**
 * Waits until render number `renders` happened and, with the extension, its badges were correct and the background
 * handled a report of exactly those rows sent after that; then until nothing changed for QUIET_MS (light DOM, badge
 * shadow roots, long tasks, and since the background stored the report).
 */
async function settle(page, { renders = 1, ext, timeoutMs = 120_000 }) {
  const start = Date.now();
  for (;;) {
    const b = await readBench(page);
    const rendered = b.rendered.length >= renders;
    const badges = !ext || b.correctAt.length >= renders;
    let reportAt = 0;
    if (ext && badges) {
      const since = b.correctWall[renders - 1];
      const report = (await handledReports(page.context())).find((r) => r.at >= since && r.rows === b.expected);
      reportAt = report ? report.at : NaN;
    }
    const last = Math.max(b.lastLight, b.lastShadow, b.rendered[renders - 1] ?? 0);
    if (rendered && badges && b.now - last >= QUIET_MS && b.wall - reportAt >= QUIET_MS) return b;
    if (Date.now() - start > timeoutMs) throw new Error(`page did not settle: ${JSON.stringify({ ...b, lt: b.lt.length })}`);
    await sleep(100);
  }
}

const metric = (m, name) => (m.metrics.find((x) => x.name === name)?.value ?? NaN) * 1000;

/** One load of the list in a fresh tab: timings from the init script, ScriptDuration/TaskDuration deltas (ms). */
async function loadOnce(context, url, { ext, profile = true }) {
  const page = await context.newPage();
  await page.goto(BLANK);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: PROFILE_INTERVAL_US });
    await cdp.send('Profiler.start');
  }
  const m0 = await cdp.send('Performance.getMetrics');
  await page.goto(url);
  const b = await settle(page, { ext });
  const m1 = await cdp.send('Performance.getMetrics');
  const cpu = profile ? (await cdp.send('Profiler.stop')).profile : null;
  await cdp.detach().catch(() => {});
  await page.close();
  const tRows = b.rendered[0];
  const afterRows = b.lt.filter(([s]) => s >= tRows - 1);
  return {
    tRows,
    tBadges: b.correctAt[0] ?? NaN,
    idle: b.lastLight,
    settled: Math.max(b.lastLight, b.lastShadow),
    longestTask: Math.max(0, ...b.lt.map(([, d]) => d)),
    longestAfterRows: Math.max(0, ...afterRows.map(([, d]) => d)),
    script: metric(m1, 'ScriptDuration') - metric(m0, 'ScriptDuration'),
    task: metric(m1, 'TaskDuration') - metric(m0, 'TaskDuration'),
    cpu,
  };
}

/**
 * Section 1 of issue 5. Returns { figures, notes }. Up to `reps` loads per row count and mode (alternating modes),
 * fewer when a row count has used its time budget (at least one).
 */
export async function pageBench({ extensionPath, port, reps = 3, profileDir, log }) {
  const figures = [];
  const notes = {};
  const withExt = await launch({ extensionPath, port, withExtension: true });
  const without = await launch({ extensionPath, port, withExtension: false });
  for (const b of [withExt, without]) await b.context.addInitScript(pageInit);
  try {
    // Warm both browsers (first navigation, compile caches) outside the timings.
    await loadOnce(withExt.context, `${LIST}?rows=20&pageSize=20`, { ext: true, profile: false });
    await loadOnce(without.context, `${LIST}?rows=20&pageSize=20`, { ext: false, profile: false });

    for (const rows of [20, 200, 2000]) {
      const url = `${LIST}?rows=${rows}&pageSize=${rows}`;
      const on = [];
      const off = [];
      const t0 = Date.now();
      for (let i = 0; i < reps && (i === 0 || Date.now() - t0 < SIZE_TIME_BUDGET_MS); i++) {
        off.push(await loadOnce(without.context, url, { ext: false }));
        on.push(await loadOnce(withExt.context, url, { ext: true }));
      }
      const attributed = on.map((x) => attribute(x.cpu, isExtensionUrl));
      const mid = attributed.indexOf([...attributed].sort((a, b) => a.total - b.total)[(attributed.length - 1) >> 1]);
      const cs = attributed[mid];
      if (profileDir) await writeFile(join(profileDir, `content-script-${rows}-rows.cpuprofile`), JSON.stringify(on[mid].cpu));
      const offExt = Math.max(...off.map((x) => attribute(x.cpu, isExtensionUrl).total));
      if (offExt > 0) throw new Error('extension code ran in the browser without the extension');
      const med = (xs, k) => median(xs.map((x) => x[k]));
      const idleOn = med(on, 'idle');
      const idleOff = med(off, 'idle');
      const badgeDelay = median(on.map((x) => x.tBadges - x.tRows));
      const scriptPerRow = (med(on, 'script') - med(off, 'script')) / rows;
      notes[rows] = {
        idleWith: on.map((x) => Math.round(x.idle)),
        idleWithout: off.map((x) => Math.round(x.idle)),
        rowsAt: on.map((x) => Math.round(x.tRows)),
        badgesAt: on.map((x) => Math.round(x.tBadges)),
        settledWith: on.map((x) => Math.round(x.settled)),
        longestWith: on.map((x) => Math.round(x.longestTask)),
        longestWithout: off.map((x) => Math.round(x.longestTask)),
        scriptDurationDeltaPerRow: scriptPerRow,
        scriptWith: on.map((x) => Math.round(x.script)),
        scriptWithout: off.map((x) => Math.round(x.script)),
        taskWith: on.map((x) => Math.round(x.task)),
        taskWithout: off.map((x) => Math.round(x.task)),
        profiledContentScriptMs: attributed.map((a) => Math.round(a.total)),
        profiledTop: cs.top,
      };
      for (const x of [...on, ...off]) delete x.cpu;
      log(`  ${rows} rows (${on.length} pairs): idle ${idleOn.toFixed(0)} vs ${idleOff.toFixed(0)} ms, badges +${badgeDelay.toFixed(0)} ms, content script ${cs.total.toFixed(0)} ms (profiled)`);
      figures.push(
        { name: `badges present after rows appear, ${rows} rows`, value: badgeDelay, unit: 'ms', budget: rows === 200 ? 100 : null },
        { name: `page idle with/without extension, ${rows} rows`, value: idleOn / idleOff, unit: 'ratio', budget: 1.1 },
        { name: `longest task after rows appear (with ext), ${rows} rows`, value: med(on, 'longestAfterRows'), unit: 'ms', budget: 50 },
        { name: `longest task after rows appear (no ext), ${rows} rows`, value: med(off, 'longestAfterRows'), unit: 'ms', budget: null },
        { name: `content script scripting per row, ${rows} rows`, value: median(attributed.map((a) => a.total)) / rows, unit: 'ms/row', budget: null },
      );
      for (const f of figures.slice(-5)) f.n = on.length;
    }

    figures.push(...(await rerenderBench(withExt.context, reps, notes, log)));
    figures.push(...(await tickerBench(withExt.context, notes, profileDir, log)));
  } finally {
    await withExt.close();
    await without.close();
  }
  return { figures, notes };
}

/** Page 2 → 3 of a list of 200 rows per page: from the render of page 3 until every badge is correct again. */
async function rerenderBench(context, reps, notes, log) {
  const figures = [];
  for (const dom of ['replace', 'reuse']) {
    const page = await context.newPage();
    await page.goto(`${LIST}?rows=1000&pageSize=200&dom=${dom}`);
    let renders = 1;
    await settle(page, { renders, ext: true });
    const xs = [];
    const t0 = Date.now();
    for (let i = 0; i < reps && (i === 0 || Date.now() - t0 < RERENDER_TIME_BUDGET_MS); i++) {
      for (const target of [2, 3]) {
        await page.evaluate((p) => document.querySelector(`[data-demo-page="${p}"]`).click(), target);
        renders += 1;
        const b = await settle(page, { renders, ext: true });
        if (target === 3) xs.push(b.correctAt[renders - 1] - b.rendered[renders - 1]);
      }
    }
    await page.close();
    notes[`rerender-${dom}`] = xs.map((x) => Math.round(x * 10) / 10);
    log(`  re-render page 2 → 3 (${dom}): ${xs.map((x) => x.toFixed(1)).join(', ')} ms`);
    figures.push({
      name: `badges correct after page 2 → 3, 200 rows${dom === 'reuse' ? ' (dom=reuse)' : ''}`,
      value: median(xs),
      unit: 'ms',
      budget: 50,
      n: xs.length,
    });
  }
  return figures;
}

/**
 * The shared ticker with 200 badges. A real tick comes every 20 s; instead of waiting, the ticker's own
 * visibilitychange handler is fired (a visible tab: it sets `now` exactly as the interval does) TICKS times under the
 * profiler, plus a profiled quiet window for what runs between ticks (WXT's 2 s invalidation check). Per minute =
 * 3 ticks + 60 s of quiet.
 */
async function tickerBench(context, notes, profileDir, log) {
  const TICKS = 12;
  const QUIET_WINDOW_MS = 4000;
  const page = await context.newPage();
  await page.goto(`${LIST}?rows=200&pageSize=200`);
  await settle(page, { ext: true });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });

  await cdp.send('Profiler.start');
  await sleep(QUIET_WINDOW_MS);
  const quiet = attribute((await cdp.send('Profiler.stop')).profile, isExtensionUrl);

  const hidden = await page.evaluate(() => document.hidden);
  await cdp.send('Profiler.start');
  const t0 = Date.now();
  for (let i = 0; i < TICKS; i++) {
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await sleep(250);
  }
  const tickWindow = Date.now() - t0;
  const tickProfile = (await cdp.send('Profiler.stop')).profile;
  if (profileDir) await writeFile(join(profileDir, 'ticker-200-badges.cpuprofile'), JSON.stringify(tickProfile));
  const ticks = attribute(tickProfile, isExtensionUrl);
  await cdp.detach().catch(() => {});
  await page.close();

  const quietPerMs = quiet.total / QUIET_WINDOW_MS;
  const perTick = Math.max(0, ticks.total - quietPerMs * tickWindow) / TICKS;
  const perMinute = 3 * perTick + 60_000 * quietPerMs;
  notes.ticker = { hidden, perTickMs: perTick, quietMsPerMinute: 60_000 * quietPerMs, top: ticks.top };
  log(`  ticker: ${perTick.toFixed(2)} ms per tick, ${(60_000 * quietPerMs).toFixed(2)} ms/min between ticks (document.hidden=${hidden})`);
  return [
    { name: 'ticker scripting per minute, 200 badges', value: perMinute, unit: 'ms/min', budget: 5, n: TICKS },
    { name: 'ticker scripting per tick, 200 badges', value: perTick, unit: 'ms', budget: null, n: TICKS },
  ];
}

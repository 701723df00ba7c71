// Storage figures, in the real extension with Chromium's IndexedDB: a fresh profile per repetition (a copy of a
// template profile prefilled once per run with 10,000 or 100,000 refunds by raw IndexedDB writes from an extension
// page, into the database the product's Dexie schema created); popup time to first paint of its values; page
// reports of 20 / 200 / 2,000 rows, timed two ways:
// - upsert alone: the product's upsertObservedRows (lib/db/upsert.ts), bundled from source and called in an
//   extension page (same origin and database as the background);
// - round trip: chrome.runtime.sendMessage({ type: 'page-report', … }) from an extension page to the background
//   service worker and back (validation, handler, storage.session, structured clone both ways).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { launch, median } from './common.mjs';
import { pageRows, paidOrderDays, storedRefunds } from './gen-data.mjs';

const SIZES = [20, 200, 2000];
const BATCHES = { 20: 2, 200: 2, 2000: 1 }; // per size, series and profile (disjoint refunds)
const POPUP_LOADS = 3; // per database size and profile: the first after the browser started, then two more
const NEW_FROM = 1_000_000; // refunds of the reports that are not stored yet

/** The helper bundle (tests/bench/db-entry.ts) as one IIFE, built from the sources with the project's alias. */
async function buildDbBundle(root, outDir) {
  await build({
    root,
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    resolve: { alias: { '@': root } },
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      write: true,
      lib: { entry: resolve(root, 'tests/bench/db-entry.ts'), formats: ['iife'], name: 'rrBenchDb', fileName: () => 'db.js' },
    },
  });
  return readFile(resolve(outDir, 'db.js'), 'utf8');
}

const GEN_SOURCE = `globalThis.__gen = { storedRefunds: ${storedRefunds}, pageRows: ${pageRows}, paidOrderDays: ${paidOrderDays} };`;

/** Popup: when the first sub-indicator value or the composite is in the DOM, and the frame after it. */
function popupInit() {
  if (location.protocol !== 'chrome-extension:' || !location.pathname.endsWith('/popup.html')) return;
  const P = (window.__popup = {});
  const values = () => document.querySelector('[data-testid^="sub-"] [data-testid="value"], [data-testid="rank-share"], [data-testid="empty-state"]');
  new MutationObserver(() => {
    if (P.valuesAt || !values()) return;
    P.valuesAt = performance.now();
    P.empty = !!document.querySelector('[data-testid="empty-state"]');
    requestAnimationFrame(() => {
      P.frameAt = performance.now();
      setTimeout(() => (P.paintedAt = performance.now()), 0);
    });
  }).observe(document, { subtree: true, childList: true });
}

async function prefill(page, start, count, now) {
  return page.evaluate(
    async ({ start, count, now }) => {
      const t0 = performance.now();
      const db = await new Promise((res, rej) => {
        const req = indexedDB.open('refund-radar');
        req.onsuccess = () => res(req.result);
        req.onerror = () => rej(req.error);
      });
      const CHUNK = 5000;
      for (let s = start; s < start + count; s += CHUNK) {
        const { refunds, events } = globalThis.__gen.storedRefunds(s, Math.min(CHUNK, start + count - s), now);
        await new Promise((res, rej) => {
          const tx = db.transaction(['refunds', 'events', 'paidOrders'], 'readwrite', { durability: 'relaxed' });
          const r = tx.objectStore('refunds');
          const e = tx.objectStore('events');
          for (const x of refunds) r.put(x);
          for (const x of events) e.add(x);
          if (s === 0) for (const d of globalThis.__gen.paidOrderDays(now, 100_000 / 90)) tx.objectStore('paidOrders').put(d);
          tx.oncomplete = res;
          tx.onerror = () => rej(tx.error);
        });
      }
      const n = await new Promise((res) => {
        const req = db.transaction('refunds').objectStore('refunds').count();
        req.onsuccess = () => res(req.result);
      });
      db.close();
      return { ms: performance.now() - t0, n };
    },
    { start, count, now },
  );
}

async function openPopup(context, extensionId) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.waitForFunction(() => document.body.dataset.readyMs && window.__popup?.paintedAt, null, { timeout: 60_000 });
  const got = await page.evaluate(() => ({ ...window.__popup, loadMs: Number(document.body.dataset.loadMs), buildMs: Number(document.body.dataset.buildMs) }));
  return { page, got };
}

/** One page report's rows, timed in the page: mode 'upsert' | 'roundtrip'. Returns ms. */
async function timeReport(page, mode, first, count, now) {
  return page.evaluate(
    async ({ mode, first, count, now, newFrom }) => {
      const G = globalThis.__gen;
      const R = globalThis.__rrBench;
      const stored = G.storedRefunds(first, count, now).refunds;
      const rows = G.pageRows(first, count, newFrom, now, stored);
      const report = { type: 'page-report', url: 'https://myseller.taobao.com/home.htm/trade-platform/refund-list', pageKind: 'qianniu-list', rows, problems: [], problemCount: 0, states: {} };
      const db = (globalThis.__db ??= new R.RefundRadarDb());
      const settings = (globalThis.__settings ??= await R.loadSettings(db));
      const readAt = Date.now();
      for (const r of rows) r.readAt = readAt;
      const t = performance.now();
      if (mode === 'upsert') {
        await R.upsertObservedRows(db, rows, readAt, { rules: settings.rules, ruleOptions: { platform: settings.platform, virtualGoods: settings.virtualGoods, returnShipping: settings.returnShipping } });
      } else {
        const reply = await chrome.runtime.sendMessage(report);
        if (!reply?.ok) throw new Error(`background answered ${JSON.stringify(reply).slice(0, 300)}`);
        if (Object.keys(reply.known).length !== new Set(rows.map((r) => r.refundId)).size) throw new Error('reply without every refund');
      }
      return performance.now() - t;
    },
    { mode, first, count, now, newFrom: NEW_FROM },
  );
}

/**
 * Launches Chromium with the extension on a copy of `template` (a fresh profile: new browser, cold caches). The copy
 * loses its service worker registration: Chromium would otherwise run the background script stored when the template
 * was made (an earlier build, for a cached template), not the build under test.
 */
async function launchCopy(template, dir, extensionPath, port) {
  await rm(dir, { recursive: true, force: true });
  await cp(template, dir, { recursive: true });
  await rm(join(dir, 'Default', 'Service Worker'), { recursive: true, force: true });
  const b = await launch({ extensionPath, port, withExtension: true, userDataDir: dir });
  await b.context.addInitScript(popupInit);
  return { ...b, close: async () => { await b.close(); await rm(dir, { recursive: true, force: true }); } };
}

/**
 * Two template profiles, prefilled once (raw IndexedDB writes are slow: ~0.1–0.4 ms a record on this machine):
 * 10,000 refunds, then 100,000 refunds. Refunds and paid orders only; the events store starts empty.
 */
async function makeTemplates({ extensionPath, port, dir, now }) {
  const t100 = join(dir, 'template-100k');
  const t10 = join(dir, 'template-10k');
  let b = await launch({ extensionPath, port, withExtension: true, userDataDir: t100 });
  await b.context.addInitScript(popupInit);
  const extensionId = b.extensionId;
  let ms = 0;
  try {
    const { page } = await openPopup(b.context, b.extensionId);
    await page.evaluate(GEN_SOURCE);
    ms += (await prefill(page, 0, 10_000, now)).ms;
  } finally {
    await b.context.close();
  }
  await cp(t100, t10, { recursive: true });
  b = await launch({ extensionPath, port, withExtension: true, userDataDir: t100 });
  try {
    if (b.extensionId !== extensionId) throw new Error('the extension id changed between launches');
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/options.html`);
    await page.evaluate(GEN_SOURCE);
    const p = await prefill(page, 10_000, 90_000, now);
    if (p.n !== 100_000) throw new Error(`prefill stored ${p.n} refunds`);
    ms += p.ms;
  } finally {
    await b.context.close();
  }
  return { t10, t100, prefillMs: ms };
}

/**
 * The templates, cached in the temp dir for the day (the history is generated relative to its creation time) and
 * keyed by the database schema, the generator and the Chromium binary. The storage runs load a copy of the build
 * from a fixed path beside the cache, so the extension (whose id an unpacked extension takes from its path) finds its
 * database in the copied profiles.
 */
async function templates({ root, extensionPath, port, log }) {
  const cacheRoot = join(tmpdir(), 'refund-radar-bench-cache');
  const hash = createHash('sha256');
  for (const f of ['lib/db/schema.ts', 'tests/bench/gen-data.mjs', 'tests/bench/storage.mjs']) hash.update(await readFile(join(root, f)));
  hash.update(String((await stat('/usr/lib/chromium/chromium').catch(() => ({ mtimeMs: 0 }))).mtimeMs));
  hash.update(new Date().toISOString().slice(0, 10));
  const key = hash.digest('hex').slice(0, 16);
  const dir = join(cacheRoot, key);
  const ext = join(cacheRoot, 'chrome-mv3');
  await mkdir(cacheRoot, { recursive: true });
  await rm(ext, { recursive: true, force: true });
  await cp(extensionPath, ext, { recursive: true });
  const meta = join(dir, 'meta.json');
  if (existsSync(meta)) {
    log(`  prefilled templates from the cache (${dir})`);
    return { ...JSON.parse(await readFile(meta, 'utf8')), extensionPath: ext, cached: true };
  }
  for (const old of await readdir(cacheRoot)) if (old !== 'chrome-mv3') await rm(join(cacheRoot, old), { recursive: true, force: true });
  const now = Date.now();
  const made = await makeTemplates({ extensionPath: ext, port, dir, now });
  await writeFile(meta, JSON.stringify({ ...made, now }));
  log(`  templates prefilled in ${(made.prefillMs / 1000).toFixed(1)} s (cached for today in ${dir})`);
  return { ...made, now, extensionPath: ext, cached: false };
}

/** Section 2 (storage) of issue 5: { figures, notes }. Repetitions (fresh profiles) while under `timeBudgetMs`. */
export async function storageBench({ root, extensionPath: built, port, reps = 3, tmp, log, timeBudgetMs = 70_000 }) {
  const dbBundle = await buildDbBundle(root, join(tmp, 'db-bundle'));
  const { t10, t100, prefillMs, now, extensionPath, cached } = await templates({ root, extensionPath: built, port, log });
  const popup = { 10_000: [], 100_000: [] };
  const popupCold = { 10_000: [], 100_000: [] };
  const popupDetail = { 10_000: [], 100_000: [] };
  // The first popup of a fresh browser (cold database) apart; the figure is the median of the later ones.
  const popupLoads = async (b, n) => {
    for (let i = 0; i < POPUP_LOADS; i++) {
      const { page, got } = await openPopup(b.context, b.extensionId);
      if (got.empty) throw new Error('popup shows the empty state: the generated history counts nothing');
      (i === 0 ? popupCold : popup)[n].push(got.paintedAt);
      popupDetail[n].push(got);
      await page.close();
    }
  };
  const series = { upsert: {}, roundtrip: {} };
  for (const m of Object.keys(series)) for (const s of SIZES) series[m][s] = [];
  const profileDir = join(tmp, 'profile');
  const t0 = Date.now();
  let cursor = 0;
  for (let rep = 0; rep < reps && (rep === 0 || Date.now() - t0 < timeBudgetMs); rep++) {
    let b = await launchCopy(t10, profileDir, extensionPath, port);
    try {
      await popupLoads(b, 10_000);
    } finally {
      await b.close();
    }
    b = await launchCopy(t100, profileDir, extensionPath, port);
    try {
      await popupLoads(b, 100_000);
      const { page: setup } = await openPopup(b.context, b.extensionId);
      await setup.evaluate(GEN_SOURCE);
      await setup.evaluate(dbBundle);
      // Warm-up (not timed): the first report opens the database in the page and wakes the background's code paths.
      for (const mode of Object.keys(series)) {
        await timeReport(setup, mode, cursor, 20, now);
        cursor += 20;
      }
      for (const size of SIZES) {
        for (let i = 0; i < BATCHES[size]; i++) {
          for (const mode of Object.keys(series)) {
            series[mode][size].push(await timeReport(setup, mode, cursor, size, now));
            cursor += size;
          }
        }
      }
      await setup.close();
    } finally {
      await b.close();
    }
    log(`  profile ${rep + 1}: popup 100k ${popupDetail[100_000].slice(-POPUP_LOADS).map((g) => g.paintedAt).map((x) => x.toFixed(0)).join('/')} ms, upsert 200 ${series.upsert[200].slice(-BATCHES[200]).map((x) => x.toFixed(1)).join('/')} ms`);
  }
  const round = (xs) => xs.map((x) => Math.round(x * 10) / 10);
  const figures = [];
  for (const size of SIZES) {
    figures.push({ name: `upsert ${size} rows into 100k refunds`, value: median(series.upsert[size]), unit: 'ms', budget: size === 200 ? 30 : null, n: series.upsert[size].length });
  }
  for (const size of SIZES) {
    figures.push({ name: `page-report round trip ${size} rows, 100k refunds`, value: median(series.roundtrip[size]), unit: 'ms', budget: null, n: series.roundtrip[size].length });
  }
  figures.push(
    { name: 'popup first paint, 10k refunds', value: median(popup[10_000]), unit: 'ms', budget: null, n: popup[10_000].length },
    { name: 'popup first paint, 100k refunds', value: median(popup[100_000]), unit: 'ms', budget: 150, n: popup[100_000].length },
    { name: 'popup first paint, 100k refunds, first popup after browser start', value: median(popupCold[100_000]), unit: 'ms', budget: null, n: popupCold[100_000].length },
  );
  const notes = {
    prefillMs: Math.round(prefillMs),
    prefillCached: cached,
    popup: Object.fromEntries(Object.entries(popupDetail).map(([k, v]) => [k, v.map((g) => ({ paintedAt: Math.round(g.paintedAt), valuesAt: Math.round(g.valuesAt), loadMs: g.loadMs, buildMs: g.buildMs }))])),
    series: Object.fromEntries(Object.entries(series).map(([m, bySize]) => [m, Object.fromEntries(Object.entries(bySize).map(([s, xs]) => [s, round(xs)]))])),
  };
  return { figures, notes };
}

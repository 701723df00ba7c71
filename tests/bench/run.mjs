// Issue 5's benchmark: `npm run bench` (= `wxt build && node tests/bench/run.mjs`). Prints every figure with its
// budget and writes tests/bench/results.json ([{ name, value, unit, budget, pass }]). Timings are reported, never
// asserted. Medians over BENCH_REPS repetitions (default 3).
//
//   node tests/bench/run.mjs [sizes] [compute] [page] [storage]   only these sections (results.json is then not
//                                                                 written; the figures go to the temp dir)
//
// The build is copied to a temp dir first (another `wxt build` may replace .output meanwhile). CPU profiles of the
// content script (per row count) and of the ticker are saved in that temp dir (open them in Chrome DevTools).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoServer } from '../fixtures/server.mjs';
import { pageBench } from './page.mjs';
import { sizeBench } from './sizes.mjs';
import { storageBench } from './storage.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SECTIONS = ['sizes', 'compute', 'page', 'storage'];
const wanted = process.argv.slice(2).filter((a) => SECTIONS.includes(a));
const run = wanted.length ? wanted : SECTIONS;
const REPS = Number(process.env.BENCH_REPS ?? 3);
const started = Date.now();
const log = (msg) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${msg}`);

const built = join(ROOT, '.output/chrome-mv3');
if (!existsSync(join(built, 'manifest.json'))) {
  console.error('No build at .output/chrome-mv3: run `npm run bench` (it builds first) or `npx wxt build`.');
  process.exit(1);
}
const tmp = await mkdtemp(join(tmpdir(), 'refund-radar-bench-'));
const extensionPath = join(tmp, 'chrome-mv3');
await cp(built, extensionPath, { recursive: true });
log(`build copied to ${extensionPath}; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);

const figures = [];
const notes = {};
const demo = await startDemoServer({});
try {
  if (run.includes('sizes')) {
    log('sizes');
    const s = await sizeBench(extensionPath);
    figures.push(...s.figures);
    notes.sizes = s.detail;
  }
  if (run.includes('compute')) {
    log('pure computations (vitest, tests/bench/compute.bench-run.ts)');
    const out = join(tmp, 'compute.json');
    const res = spawnSync(join(ROOT, 'node_modules/.bin/vitest'), ['run', '--config', 'tests/bench/vitest.bench.config.ts', '--reporter=dot'], {
      cwd: ROOT,
      env: { ...process.env, BENCH_OUT: out },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (res.status !== 0 || !existsSync(out)) throw new Error('the computation benchmark failed');
    const budgets = { 'indicators + 28-day projection 100k refunds': 50 };
    for (const f of JSON.parse(await readFile(out, 'utf8'))) figures.push({ ...f, budget: budgets[f.name] ?? null });
  }
  if (run.includes('page')) {
    log('page overhead, re-render, ticker');
    const p = await pageBench({ extensionPath, port: demo.port, reps: REPS, profileDir: tmp, log });
    figures.push(...p.figures);
    notes.page = p.notes;
  }
  if (run.includes('storage')) {
    log('storage (fresh profile per repetition, 100,000 refunds)');
    const s = await storageBench({ root: ROOT, extensionPath, port: demo.port, reps: REPS, tmp, log });
    figures.push(...s.figures);
    notes.storage = s.notes;
  }
} finally {
  await demo.close();
}

const samples = figures.map((f) => (f.n === undefined ? '' : String(f.n)));
const results = figures.map((f) => {
  const value = Math.round(f.value * 1000) / 1000;
  return { name: f.name, value, unit: f.unit, budget: f.budget ?? null, pass: f.budget == null ? null : Number.isFinite(value) && value <= f.budget };
});

const rows = results.map((r, i) => [r.name, String(r.value), r.unit, r.budget == null ? '—' : `≤ ${r.budget}`, r.pass == null ? '' : r.pass ? 'pass' : 'MISS', samples[i]]);
const head = ['figure', 'value', 'unit', 'budget', '', 'n'];
const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => (i === 1 ? c.padStart(width[i]) : c.padEnd(width[i]))).join('  ');
console.log(`\n${line(head)}\n${width.map((w) => '-'.repeat(w)).join('  ')}`);
for (const r of rows) console.log(line(r));

const complete = run.length === SECTIONS.length;
const target = complete ? join(ROOT, 'tests/bench/results.json') : join(tmp, 'results.json');
await writeFile(target, `${JSON.stringify(results, null, 2)}\n`);
await writeFile(join(tmp, 'details.json'), `${JSON.stringify(notes, null, 2)}\n`);
await rm(extensionPath, { recursive: true, force: true });
const missed = results.filter((r) => r.pass === false).length;
log(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
log(`${results.length} figures, ${missed} over budget; wrote ${target}; details and CPU profiles in ${tmp}`);

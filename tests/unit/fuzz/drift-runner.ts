// The markup-drift fuzz loop (issue 6 point 1), run in shards (markup-drift-<k>.test.ts) so vitest spreads the 10,000
// mutations over its workers. Each case is a fresh page (./mutate.ts) taking 1–4 mutations; after each one the page
// is read and badged as the content script does it, by the real BadgeBoard (./badge-check.ts). The reading is judged
// by ./oracle.ts, the badges by ./badge-check.ts. Every n-th page is also read by the reference reader with the
// ground-truth attributes on, which must read it as the content script did without them. A failure prints the seed
// and the mutated HTML: `replayHtml(seed, steps)` rebuilds the exact page. FUZZ_MUTATIONS and FUZZ_SEED override the
// totals for a longer or different run.
import { appendFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { readRefundPage } from '../page/reference-reader';
import { judgeBadges, placeBadges } from './badge-check';
import { type Layout, NOW, buildCase, markTruth, replayHtml } from './mutate';
import { judge, sameReading } from './oracle';

export const SHARDS = 4;
export const MUTATIONS = Number(process.env.FUZZ_MUTATIONS ?? 10_000);
const BASE_SEED = Number(process.env.FUZZ_SEED ?? 0x5eed);
/**
 * Every n-th page is also read by the reference reader with the truth attributes on the page: the reading must equal
 * the content script's without them (the reference reader agrees with it, and neither uses the attributes).
 */
const REFERENCE_CHECK_EVERY = 4;

interface Failure {
  seed: number;
  steps: number;
  layout: Layout;
  problems: string[];
}

export interface ShardResult {
  mutations: number;
  pages: number;
  read: number;
  misread: number;
  /** Pages whose badges were wrong (./badge-check.ts). */
  wrongBadges: number;
  notUnderstood: number;
  problems: number;
  kinds: Record<string, number>;
}

export function runDriftShard(shard: number): ShardResult {
  const quota = Math.floor(MUTATIONS / SHARDS) + (shard < MUTATIONS % SHARDS ? 1 : 0);
  const first = BASE_SEED + shard * 1_000_000;
  const r: ShardResult = { mutations: 0, pages: 0, read: 0, misread: 0, wrongBadges: 0, notUnderstood: 0, problems: 0, kinds: {} };
  const failures: Failure[] = [];
  for (let seed = first; r.mutations < quota; seed++) {
    const c = buildCase(seed);
    r.pages++;
    while (r.mutations < quota && c.step()) {
      r.mutations++;
      const kind = c.mutations.at(-1)!.split(' ')[0]!;
      r.kinds[kind] = (r.kinds[kind] ?? 0) + 1;
      const found: string[] = [];
      try {
        const { board, reading } = placeBadges(document, NOW);
        try {
          const wrongBadges = judgeBadges(board, reading, c.truth, document);
          if (wrongBadges.length > 0) r.wrongBadges++;
          found.push(...wrongBadges);
        } finally {
          // The next mutation and the readings below work on the page without our hosts.
          board.removeAll();
        }
        const verdict = judge(reading, c.truth);
        r.read += verdict.read;
        r.notUnderstood += verdict.notUnderstood;
        r.problems += reading.problems.length;
        r.misread += verdict.misreadRows;
        found.push(...verdict.misreads);
        if (r.mutations % REFERENCE_CHECK_EVERY === 0) {
          const unmark = markTruth(c.truth);
          const withAttributes = readRefundPage(document, NOW);
          unmark();
          if (!sameReading(withAttributes, reading)) found.push('the reference reader, with the data-demo-refund-id attributes on, reads the page otherwise than the content script without them');
        }
      } catch (e) {
        r.misread++;
        found.push(`threw: ${(e as Error).stack ?? String(e)}`);
      }
      if (found.length) failures.push({ seed, steps: c.mutations.length, layout: c.layout, problems: found });
    }
  }
  console.log(
    `fuzz [shard ${shard + 1}/${SHARDS}]: ${r.mutations} mutations, ${r.read} rows read, ${r.misread} misread, ${r.wrongBadges} pages with a wrong badge, ${r.notUnderstood} not understood ` +
      `(${r.pages} pages, seeds ${first}…${first + r.pages - 1}, ${r.problems} problems reported)`,
  );
  for (const f of failures.slice(0, 3)) {
    const { html, mutations } = replayHtml(f.seed, f.steps);
    console.log(`fuzz failure: seed ${f.seed} (${f.layout}) after ${JSON.stringify(mutations)}\n  ${f.problems.join('\n  ')}\n  html: ${html}`);
  }
  reportTotal(shard, r);
  expect(failures.map((f) => `seed ${f.seed} step ${f.steps} ${f.layout}: ${f.problems[0]}`)).toEqual([]);
  expect(r.misread).toBe(0);
  expect(r.wrongBadges).toBe(0);
  return r;
}

/** The shards of one vitest run share a file; the last one to finish prints the total line. */
function reportTotal(shard: number, r: ShardResult): void {
  const run = typeof process.send === 'function' ? process.ppid : process.pid;
  const file = join(tmpdir(), `refund-radar-fuzz-${run}.jsonl`);
  appendFileSync(file, `${JSON.stringify({ shard, ...r })}\n`);
  const parts = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ShardResult & { shard: number });
  const done = new Map(parts.map((p) => [p.shard, p]));
  if (done.size < SHARDS) return;
  const sum = (k: 'mutations' | 'read' | 'misread' | 'wrongBadges' | 'notUnderstood' | 'problems' | 'pages') => [...done.values()].reduce((n, p) => n + p[k], 0);
  const kinds: Record<string, number> = {};
  for (const p of done.values()) for (const [k, n] of Object.entries(p.kinds)) kinds[k] = (kinds[k] ?? 0) + n;
  console.log(`fuzz: ${sum('mutations')} mutations, ${sum('read')} rows read, ${sum('misread')} misread, ${sum('wrongBadges')} pages with a wrong badge, ${sum('notUnderstood')} not understood`);
  console.log(`fuzz: ${sum('pages')} pages, ${sum('problems')} problems reported; mutations by kind ${JSON.stringify(Object.fromEntries(Object.entries(kinds).sort()))}`);
}

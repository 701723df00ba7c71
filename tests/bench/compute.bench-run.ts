// Pure computations of the storage figures, timed in Node (V8, like the extension's pages): computeIndicators and
// the 28-day projectIndicators over 10,000 and 100,000 refunds, and the popup's whole buildDashboard. Figures go to
// $BENCH_OUT (JSON) for tests/bench/run.mjs; nothing is asserted on time.
import { writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { buildDashboard } from '@/lib/dashboard/dashboard';
import { toRefundFacts } from '@/lib/db/queries';
import type { StoredRefund } from '@/lib/db/schema';
import { computeIndicators, type RefundFacts } from '@/lib/indicators';
import { projectIndicators } from '@/lib/projection';
import { parseSettings } from '@/lib/settings/parse';
// @ts-expect-error plain ESM helper without types
import { paidOrderDays, storedRefunds } from './gen-data.mjs';

const REPS = 9;
const WARMUP = 3;
const NOW = Date.now();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function time(fn: () => unknown): number {
  for (let i = 0; i < WARMUP; i++) fn();
  const xs: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

function factsFor(n: number): RefundFacts[] {
  const { refunds } = storedRefunds(0, n, NOW) as { refunds: StoredRefund[] };
  return refunds.map(toRefundFacts).filter((f): f is RefundFacts => typeof f === 'object');
}

it('times the indicator computations', () => {
  const paid = Object.fromEntries((paidOrderDays(NOW, 100_000 / 90) as { date: string; count: number }[]).map((d) => [d.date, d.count]));
  const settings = parseSettings(undefined);
  const options = { windowDays: 28 };
  const out: Array<{ name: string; value: number; unit: string; n?: number }> = [];
  for (const n of [10_000, 100_000]) {
    const facts = factsFor(n);
    expect(facts.length).toBe(n);
    const k = n / 1000;
    out.push({ name: `computeIndicators ${k}k refunds`, value: time(() => computeIndicators(facts, paid, NOW, options)), unit: 'ms' });
    out.push({ name: `projectIndicators 28 d ${k}k refunds`, value: time(() => projectIndicators(facts, paid, NOW, { ...options, scenario: 'deadline' })), unit: 'ms' });
    out.push({
      name: `indicators + 28-day projection ${k}k refunds`,
      value: time(() => {
        computeIndicators(facts, paid, NOW, options);
        projectIndicators(facts, paid, NOW, { ...options, scenario: 'deadline' });
      }),
      unit: 'ms',
    });
    out.push({ name: `popup buildDashboard ${k}k refunds`, value: time(() => buildDashboard(facts, paid, settings, NOW)), unit: 'ms' });
  }
  for (const f of out) f.n = REPS;
  const target = process.env.BENCH_OUT;
  if (target) writeFileSync(target, JSON.stringify(out, null, 2));
  else console.table(out);
});

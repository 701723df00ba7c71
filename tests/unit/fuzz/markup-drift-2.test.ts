// @vitest-environment happy-dom
// Issue 6 point 1, markup drift: shard 2 of 4 of the 10,000 seeded mutations (loop and oracle: ./drift-runner.ts).
import { it } from 'vitest';
import { SHARDS, runDriftShard } from './drift-runner';

it(`markup drift shard 2/${SHARDS}: no throw, no wrong refund, no wrong field, no badge on the wrong row`, () => {
  runDriftShard(1);
}, 600_000);

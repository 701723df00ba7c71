// Property tests run the same cases on every run, so a red build can be reproduced and is never a roll of the dice.
// FC_SEED=random explores new cases locally (a failure prints its seed: FC_SEED=<seed> replays it).
import fc from 'fast-check';

if (process.env.FC_SEED !== 'random') fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261125) });

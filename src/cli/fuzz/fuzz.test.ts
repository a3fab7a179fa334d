// The short fuzz run of `npm test`: a few hundred seeded inputs into every reader of user
// input (`npm run fuzz` runs 100,000). Nothing may throw; no input may take over the bound.
import { expect, it } from 'vitest';
import { fuzz, targets } from './targets.ts';

const RUNS = Number(process.env.ROLECRAFT_FUZZ_RUNS ?? 400);

it(`${RUNS} seeded inputs into ${targets.length} readers: nothing throws or hangs`, async () => {
  const seen: string[] = [];
  // A generous bound: the machine is shared, and a 100,000-deep text is in the mix.
  const inputs = await fuzz(RUNS, 16, 10_000, (name) => seen.push(name));
  expect(inputs).toBeGreaterThanOrEqual(RUNS);
  expect(seen).toEqual(targets.map((t) => t.name));
}, 300_000);

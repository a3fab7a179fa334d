/**
 * Engine throughput over the conformance `request` cases: each case compiled once, then
 * evaluated many times without explanation. `npm run bench [-- --seconds N]`.
 * Target: at least 1,000,000 evaluations per second on one core.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  compilePolicies,
  evaluate,
  type PolicyInputs,
  type RequestInput,
} from '../src/engine/index.ts';

const casesDir =
  process.env.ROLECRAFT_CASES ??
  join(
    resolve(dirname(fileURLToPath(import.meta.url)), '..'),
    '..',
    'shared',
    'conformance',
    'cases',
  );
const secondsArg = process.argv.indexOf('--seconds');
const seconds = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : 3;

interface RequestCase {
  id: string;
  kind: string;
  now?: string;
  request: RequestInput;
  policies?: PolicyInputs;
  expect: { decision: string };
}

const cases: RequestCase[] = readdirSync(casesDir)
  .filter((f) => f.endsWith('.json') && f !== 'schema.json')
  .flatMap(
    (f) => (JSON.parse(readFileSync(join(casesDir, f), 'utf8')) as { cases: RequestCase[] }).cases,
  )
  .filter((c) => c.kind === 'request');
if (cases.length === 0) {
  console.log(`no request cases in ${casesDir}`);
  process.exit(0);
}

const prepared = cases.map((c) => ({
  request: { ...c.request, now: c.request.now ?? c.now ?? '2026-01-01T00:00:00Z' },
  set: compilePolicies(c.policies ?? {}),
  expect: c.expect.decision,
}));
for (const p of prepared) {
  const got = evaluate(p.request, p.set).decision;
  if (got !== p.expect) throw new Error(`benchmark case gives ${got}, expected ${p.expect}`);
}

function round(): number {
  let n = 0;
  for (let r = 0; r < 200; r++) {
    for (let i = 0; i < prepared.length; i++) {
      const p = prepared[i]!;
      evaluate(p.request, p.set);
      n++;
    }
  }
  return n;
}

for (let i = 0; i < 20; i++) round();
let evaluations = 0;
const start = performance.now();
while (performance.now() - start < seconds * 1000) evaluations += round();
const elapsed = (performance.now() - start) / 1000;
const rate = Math.round(evaluations / elapsed);
console.log(`${cases.length} request cases, ${evaluations} evaluations in ${elapsed.toFixed(2)} s`);
console.log(`throughput: ${rate.toLocaleString('en-US')} evaluations/s (target 1,000,000)`);
if (rate < 1_000_000) process.exitCode = 1;

/**
 * Engine throughput on realistic requests (bench/realistic.ts): evaluations per second without
 * and with explanations, and compile time per policy set. One thread (one core).
 * `npm run bench [-- --seconds N] [--rounds N] [--seed N]`. Rounds are run one after the
 * other and the median is reported, because the machine is shared.
 * Rates count CPU time (process.cpuUsage), not wall time: the machine is shared, and a
 * process waiting for a core is not the engine being slow. Wall-clock rates and the load
 * average are printed beside them. `taskset -c 0 npm run bench` keeps the process (and its
 * GC and compiler threads, whose CPU time counts too) on one core.
 * Targets: 1,000,000 evaluations/s without explanation, 150,000/s with explanation. An
 * explanation makes its context and policies when they are first read: a second figure reads them.
 * Also runs the conformance `request` cases once as a check, and reports their speed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  compilePolicies,
  evaluate,
  evaluateBatch,
  type CompiledPolicySet,
  type Decision,
  type PolicyInputs,
  type RequestInput,
} from '../src/engine/index.ts';
import { generateRealistic, shapeOf } from './realistic.ts';

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}
const seconds = arg('seconds', 1.5);
const rounds = arg('rounds', 5);
const seed = arg('seed', 20261201);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** Microseconds of CPU this process has used (user + system): the time it actually ran on a core. */
function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

interface Rate {
  /** Evaluations per CPU-second of this process. */
  cpu: number;
  /** Evaluations per second of wall time (lower when other processes hold the cores). */
  wall: number;
}

/**
 * Runs `body` (which does `perCall` evaluations) for about `seconds` of CPU time; evaluations
 * per CPU-second (other processes on the shared machine do not count against it) and per
 * wall-clock second.
 */
function rate(body: () => void, perCall: number): Rate {
  for (let i = 0; i < 5; i++) body();
  let n = 0;
  const wallStart = performance.now();
  const start = cpuMicros();
  let now = start;
  while (now - start < seconds * 1e6) {
    body();
    n += perCall;
    now = cpuMicros();
  }
  return { cpu: n / ((now - start) / 1e6), wall: n / ((performance.now() - wallStart) / 1e3) };
}

/** `median (rounds...)` of CPU rates, then the median wall rate. */
function report(rounds: Rate[]): string {
  const cpu = rounds.map((r) => r.cpu);
  const wall = rounds.map((r) => r.wall);
  return `${fmt(median(cpu))} evaluations per CPU-second (median of ${rounds.length}: ${cpu.map(fmt).join(', ')}); wall ${fmt(median(wall))}/s`;
}

const sets = generateRealistic(seed, 400, 25);
const shape = shapeOf(sets);
const requests = sets.reduce((n, s) => n + s.requests.length, 0);

// Compile time per policy set.
const compileRounds: number[] = [];
let compiled: CompiledPolicySet[] = [];
for (let r = 0; r < rounds; r++) {
  const start = cpuMicros();
  for (let k = 0; k < 5; k++) compiled = sets.map((s) => compilePolicies(s.policies));
  compileRounds.push((cpuMicros() - start) / (5 * sets.length));
}

// Differential check: fast path, batch and explanation agree on every request.
const tally: Record<Decision, number> = { Allow: 0, ExplicitDeny: 0, ImplicitDeny: 0 };
for (let i = 0; i < sets.length; i++) {
  const batch = evaluateBatch(sets[i]!.requests, compiled[i]!);
  sets[i]!.requests.forEach((request, j) => {
    const fast = evaluate(request, compiled[i]!).decision;
    const slow = evaluate(request, compiled[i]!, { explain: true }).explanation!.decision;
    if (fast !== slow || batch[j] !== fast)
      throw new Error(`paths disagree on set ${i} request ${j}: ${fast} / ${slow} / ${batch[j]}`);
    tally[fast]++;
  });
}

const pairs = sets.flatMap((s, i) => s.requests.map((request) => ({ request, set: compiled[i]! })));
const loadBefore = loadavg()[0]!;
const fastRounds: Rate[] = [];
const batchRounds: Rate[] = [];
const explainRounds: Rate[] = [];
const explainReadRounds: Rate[] = [];
let touched = 0;
for (let r = 0; r < rounds; r++) {
  fastRounds.push(
    rate(() => {
      for (let i = 0; i < pairs.length; i++) evaluate(pairs[i]!.request, pairs[i]!.set);
    }, pairs.length),
  );
  batchRounds.push(
    rate(() => {
      for (let i = 0; i < sets.length; i++) evaluateBatch(sets[i]!.requests, compiled[i]!);
    }, pairs.length),
  );
  explainRounds.push(
    rate(
      () => {
        for (let i = 0; i < pairs.length; i += 4)
          evaluate(pairs[i]!.request, pairs[i]!.set, { explain: true });
      },
      Math.ceil(pairs.length / 4),
    ),
  );
  // The same, reading the parts an explanation makes when first read (context, policies).
  explainReadRounds.push(
    rate(
      () => {
        for (let i = 0; i < pairs.length; i += 4) {
          const e = evaluate(pairs[i]!.request, pairs[i]!.set, { explain: true }).explanation!;
          touched += e.policies.length + (e.context === undefined ? 0 : 1);
        }
      },
      Math.ceil(pairs.length / 4),
    ),
  );
}

// The conformance request cases, as a sanity check and a second (small-policy) figure.
const casesDir = [join(dirname(fileURLToPath(import.meta.url)), '..', '..')]
  .flatMap((d) => [join(d, 'shared'), join(d, '..', 'shared')])
  .map((d) => resolve(d, 'conformance', 'cases'))
  .find((d) => existsSync(d));
let conformanceLine = 'conformance cases: not found beside the repository';
if (casesDir) {
  interface RequestCase {
    kind: string;
    now?: string;
    request: RequestInput;
    policies?: PolicyInputs;
    expect: { decision: string };
  }
  const cases = readdirSync(casesDir)
    .filter((f) => f.endsWith('.json') && f !== 'schema.json')
    .flatMap(
      (f) =>
        (JSON.parse(readFileSync(join(casesDir, f), 'utf8')) as { cases: RequestCase[] }).cases,
    )
    .filter((c) => c.kind === 'request')
    .map((c) => ({
      request: { ...c.request, now: c.request.now ?? c.now ?? '2026-01-01T00:00:00Z' },
      set: compilePolicies(c.policies ?? {}),
      expect: c.expect.decision,
    }));
  for (const c of cases) {
    const got = evaluate(c.request, c.set).decision;
    if (got !== c.expect) throw new Error(`conformance case gives ${got}, expected ${c.expect}`);
  }
  const small = rate(() => {
    for (const c of cases) evaluate(c.request, c.set);
  }, cases.length);
  conformanceLine = `conformance request cases (${cases.length}, small policies): ${fmt(small.cpu)} evaluations per CPU-second; wall ${fmt(small.wall)}/s`;
}

const fast = median(fastRounds.map((r) => r.cpu));
const explained = median(explainRounds.map((r) => r.cpu));
const load = loadavg().map((l) => l.toFixed(2));
console.log(
  `realistic set: seed ${seed}, ${sets.length} policy sets, ${requests} requests; per request on average ` +
    `${shape.policies} policies, ${shape.statements} statements, ${shape.conditions} conditions, ${shape.contextKeys} context keys`,
);
console.log(
  `decisions: ${tally.Allow} Allow, ${tally.ExplicitDeny} ExplicitDeny, ${tally.ImplicitDeny} ImplicitDeny ` +
    '(fast path, batch and explanation agree on every one)',
);
console.log(
  `compile: ${median(compileRounds).toFixed(1)} µs of CPU per policy set (median of ${rounds})`,
);
console.log(`without explanation: ${report(fastRounds)}; target 1,000,000`);
console.log(`batch (evaluateBatch): ${report(batchRounds)}`);
console.log(`with explanation: ${report(explainRounds)}; target 150,000`);
console.log(
  `with explanation, its context and policies read (made on first read): ${report(explainReadRounds)}` +
    (touched > 0 ? '' : ' (nothing read)'),
);
console.log(conformanceLine);
console.log(
  `one thread; load average ${loadBefore.toFixed(2)} when measuring began, now (1, 5, 15 min) ${load.join(', ')}; ` +
    `${availableParallelism()} core(s) available to this process, ${cpus().length} on the machine`,
);
if (fast < 1_000_000 || explained < 150_000) process.exitCode = 1;

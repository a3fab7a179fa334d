// Validation time of large policies (issue: a 2,000-statement policy validates in < 200 ms).
// `npm run bench:validate`: prints the median of several runs per size, with and without the
// service catalogue, as CPU time (the machine is shared, so wall time says more about the
// neighbours than about us) and wall time, and exits 1 when 2,000 statements with the
// catalogue take 200 ms of CPU or more.
import { loadCatalogForPolicy } from '../src/engine/catalog/index.ts';
import { validatePolicy } from '../src/engine/index.ts';
import { largePolicy } from './large-policy.ts';

const policy = (n: number) => largePolicy(n);

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** CPU milliseconds of this process (user and system) spent in `run`. */
function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const RUNS = 9;
let failed = false;
for (const n of [500, 1_000, 2_000, 4_000]) {
  const doc = policy(n);
  const text = JSON.stringify(doc, null, 2);
  const catalog = await loadCatalogForPolicy(doc);
  for (const [label, options] of [
    ['no catalogue', {}],
    ['catalogue', { catalog }],
  ] as const) {
    validatePolicy(text, 'identity', options); // warm up
    const cpu: number[] = [];
    const wall: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now();
      cpu.push(cpuMs(() => validatePolicy(text, 'identity', options)));
      wall.push(performance.now() - t0);
    }
    const ms = median(cpu);
    if (n === 2_000 && label === 'catalogue' && ms >= 200) failed = true;
    console.log(
      `${String(n).padStart(5)} statements, ${label.padEnd(12)}: ${ms.toFixed(1)} ms CPU, ${median(wall).toFixed(1)} ms wall (median of ${RUNS})`,
    );
  }
}
console.log(
  failed
    ? 'FAILED: 2,000 statements took 200 ms of CPU or more'
    : 'ok: 2,000 statements under 200 ms of CPU',
);
process.exit(failed ? 1 : 0);

// `npm run fuzz [-- --runs N --seed S --bound MS]`: the long fuzz run (100,000 inputs by
// default) over every reader of user input; prints per target the inputs, the slowest input
// and the time, and exits 1 with the (shrunk) counterexample on the first failure.
import { fuzz } from './fuzz/targets.ts';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const runs = arg('runs', 100_000);
const seed = arg('seed', Date.now() % 1_000_000);
const bound = arg('bound', 5_000);

console.log(`fuzz: ${runs} inputs, seed ${seed}, bound ${bound} ms per input`);
const start = performance.now();
const cpuStart = process.cpuUsage();
try {
  const inputs = await fuzz(runs, seed, bound, (name, n, slowest, ms) =>
    console.log(
      `  ${name}: ${n} inputs in ${(ms / 1000).toFixed(1)} s, slowest ${slowest.toFixed(0)} ms`,
    ),
  );
  const cpu = process.cpuUsage(cpuStart);
  console.log(
    `fuzz: ${inputs} inputs, nothing thrown, none over ${bound} ms; ${((performance.now() - start) / 1000).toFixed(0)} s (${((cpu.user + cpu.system) / 1e6).toFixed(0)} s CPU)`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

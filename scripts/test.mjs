#!/usr/bin/env node
// `npm test`: every check the project has, in order, stopping at the first that fails.
// Ends with one `N passed, N failed` line per suite so CI can read the counts.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const reports = '.reports';
mkdirSync(reports, { recursive: true });

const steps = [
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
  ['format', 'npx', ['prettier', '--check', '.']],
  // Dead exports and files (knip.jsonc lists the entry points knip cannot find itself).
  ['dead exports', 'npx', ['knip', '--no-progress']],
  [
    'unit',
    'npx',
    [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${reports}/unit.json`,
    ],
  ],
  ['conformance', 'npx', ['tsx', 'src/cli/conformance-main.ts']],
  ['build', 'npx', ['vite', 'build']],
  ['bundle size', 'node', ['scripts/check-bundle-size.mjs']],
  ['e2e', 'npx', ['playwright', 'test', '--reporter=list,json']],
];

const started = Date.now();
let failed = null;
let conformanceLine = null;
for (const [name, command, args] of steps) {
  const t0 = Date.now();
  console.log(`\n── ${name} ──`);
  const env = { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/e2e.json` };
  const { status, output } = await run(command, args, env);
  if (name === 'conformance')
    conformanceLine = output.match(/^(\d+ passed, \d+ failed)/m)?.[1] ?? null;
  console.log(
    `── ${name}: ${status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  if (status !== 0) {
    failed = name;
    break;
  }
}

console.log(
  `\nnpm test ${failed ? `failed at ${failed}` : 'passed'} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
for (const line of summaries()) console.log(line);
process.exit(failed ? 1 : 0);

function summaries() {
  const lines = [];
  const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
  const unit = read(`${reports}/unit.json`);
  if (unit) lines.push(`unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
  if (conformanceLine) lines.push(`conformance: ${conformanceLine}`);
  const e2e = read(`${reports}/e2e.json`);
  if (e2e)
    lines.push(
      `e2e: ${e2e.stats.expected + e2e.stats.flaky} passed, ${e2e.stats.unexpected} failed`,
    );
  return lines;
}

/** Runs a command, streaming its output while keeping a copy of stdout. */
function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on('close', (status) => resolve({ status, output }));
  });
}

/** Runs conformance case files through the kind runners. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CaseFile, ConformanceCase, KindRunner } from './case-types.ts';
import { kindRunners } from './kinds/index.ts';

interface CaseOutcome {
  file: string;
  id: string;
  kind: string;
  pass: boolean;
  expected: string;
  got: string;
  detail?: unknown;
}

export interface RunOptions {
  /** Only these kinds (all when undefined). */
  kinds?: string[];
  /** Evaluate each repeatable case this many times and measure throughput. */
  repeat?: number;
  runners?: Record<string, KindRunner>;
}

export interface RunSummary {
  outcomes: CaseOutcome[];
  /** Files that could not be read or parsed, with the reason. */
  fileErrors: { file: string; error: string }[];
  /** Cases of other kinds left out by `kinds`. */
  leftOut: number;
  /** Evaluations per second over the repeated cases, when `repeat` was given. */
  throughput?: number;
  repeatedCases?: number;
}

/** The `*.json` case files of the given folders (or files), sorted by name. */
function caseFiles(paths: string[]): string[] {
  return paths.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p)
          .filter((f) => f.endsWith('.json') && f !== 'schema.json')
          .sort()
          .map((f) => join(p, f))
      : [p],
  );
}

function readCaseFile(path: string): CaseFile {
  const data = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  if (!data || typeof data !== 'object' || !Array.isArray((data as CaseFile).cases))
    throw new Error('not a case file: `cases` is missing');
  return data as CaseFile;
}

/** The case's expectation in a few words, for failures that never reached a runner. */
function expectedText(c: ConformanceCase): string {
  const expect = c.expect as Record<string, unknown> | undefined;
  const main =
    expect?.decision ??
    expect?.outcome ??
    (expect?.valid === undefined ? undefined : expect.valid ? 'valid' : 'invalid');
  if (main !== undefined) return String(main);
  return Array.isArray(c.steps) ? `${c.steps.length} steps` : 'a result';
}

async function runCase(
  file: string,
  c: ConformanceCase,
  runners: Record<string, KindRunner>,
): Promise<CaseOutcome> {
  const base = { file, id: String(c.id), kind: String(c.kind) };
  const runner = runners[c.kind];
  if (!runner)
    return { ...base, pass: false, expected: expectedText(c), got: `no runner for kind ${c.kind}` };
  try {
    return { ...base, ...(await runner.run(c)) };
  } catch (error) {
    return {
      ...base,
      pass: false,
      expected: 'a result',
      got: `error: ${(error as Error).message}`,
    };
  }
}

function measure(prepared: (() => void)[], repeat: number): number {
  const start = performance.now();
  for (const run of prepared) for (let i = 0; i < repeat; i++) run();
  const seconds = (performance.now() - start) / 1000;
  return Math.round((prepared.length * repeat) / Math.max(seconds, 1e-9));
}

export async function runConformance(
  paths: string[],
  options: RunOptions = {},
): Promise<RunSummary> {
  const runners = options.runners ?? kindRunners;
  const summary: RunSummary = { outcomes: [], fileErrors: [], leftOut: 0 };
  const prepared: (() => void)[] = [];
  for (const path of caseFiles(paths)) {
    const file = basename(path);
    let data: CaseFile;
    try {
      data = readCaseFile(path);
    } catch (error) {
      summary.fileErrors.push({ file, error: (error as Error).message });
      continue;
    }
    for (const c of data.cases) {
      if (options.kinds && !options.kinds.includes(c.kind)) {
        summary.leftOut++;
        continue;
      }
      summary.outcomes.push(await runCase(file, c, runners));
      const repeat = options.repeat && runners[c.kind]?.prepareRepeat?.(c);
      if (repeat) prepared.push(repeat);
    }
  }
  if (options.repeat && prepared.length > 0) {
    summary.throughput = measure(prepared, options.repeat);
    summary.repeatedCases = prepared.length;
  }
  return summary;
}

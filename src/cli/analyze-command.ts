/**
 * `rolecraft analyze|who-can|check` (../shared/analysis/README.md): read authorization-details
 * files or one design file, run the analysis at `--now`, print for people or `--json`
 * (`analysis/1`). Exit 0 when the analysis ran, 1 when `check` found a failed expectation,
 * 2 on bad input or usage (the reason on stderr).
 */
import { basename } from 'node:path';
import {
  analyze,
  check,
  parseNow,
  readExpectations,
  toAnalysisJson,
  type Analysis,
  type AnalysisResult,
  type EscalationStep,
} from '../analysis/index.ts';
import { importAuthzFiles } from '../io/authz-details/index.ts';
import { importDesignText } from '../io/index.ts';
import { describeJsonSyntaxError, firstJsonSyntaxError } from '../engine/index.ts';
import { readTextFile, reportFailure } from './input.ts';
import type { Design } from '../model/index.ts';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Colour output (a terminal). */
  color: boolean;
  /** The wall clock, read here only (the analysis takes time as an input). */
  now: () => Date;
}

const defaultIo = (): CliIo => ({
  out: (l) => console.log(l),
  err: (l) => console.error(l),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  now: () => new Date(),
});

class UsageError extends Error {}

const USAGE = {
  analyze: 'usage: rolecraft analyze FILE... [--json] [--now ISO-8601] [--paths FROM TO]',
  'who-can': 'usage: rolecraft who-can ACTION RESOURCE FILE... [--json] [--now ISO-8601]',
  check: 'usage: rolecraft check FILE... --expect EXPECT.json [--now ISO-8601]',
};

interface Parsed {
  positional: string[];
  json: boolean;
  now?: string;
  paths?: [string, string];
  expect?: string;
}

function parseArgs(argv: string[], allowed: string[], usage: string): Parsed {
  const p: Parsed = { positional: [], json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`\`${flag}\` needs a value\n${usage}`);
      return v;
    };
    if (!flag.startsWith('--')) p.positional.push(a);
    else if (!allowed.includes(flag)) throw new UsageError(`unknown option \`${flag}\`\n${usage}`);
    else if (flag === '--json') p.json = true;
    else if (flag === '--now') p.now = value();
    else if (flag === '--expect') p.expect = value();
    else if (flag === '--paths') {
      const from = argv[++i];
      const to = argv[++i];
      if (!from || !to) throw new UsageError(`\`--paths\` needs FROM and TO\n${usage}`);
      p.paths = [from, to];
    }
  }
  return p;
}

const readText = (file: string) => readTextFile(file);

/** One design from the files: a `*.rolecraft.json` alone, or authorization details (several merge). */
async function loadDesign(files: string[]): Promise<{ design: Design; warnings: string[] }> {
  if (files.length === 0) throw new UsageError('no input files');
  const texts = files.map((f) => ({ name: f, text: readText(f) }));
  const designFiles = texts.filter((t) => t.name.endsWith('.rolecraft.json'));
  if (designFiles.length > 0) {
    if (texts.length > 1)
      throw new UsageError(
        'a `*.rolecraft.json` design is analysed alone: give it without other files',
      );
    const restored = importDesignText(designFiles[0]!.text);
    if (!restored.ok) throw new UsageError(`${designFiles[0]!.name}: ${restored.reason}`);
    return { design: restored.design, warnings: [] };
  }
  const result = await importAuthzFiles(
    texts.map((t) => ({ name: basename(t.name), text: t.text })),
    { layout: false },
  );
  if (!result.ok) throw new UsageError(result.reason);
  if (result.summary.refused.length > 0)
    throw new UsageError(result.summary.refused.map((r) => r.reason).join('\n'));
  return { design: result.design, warnings: result.summary.warnings };
}

function nowOf(p: Parsed, io: CliIo): string {
  if (p.now === undefined)
    return io
      .now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
  if (parseNow(p.now) === undefined)
    throw new UsageError(`\`--now\` must be an ISO 8601 instant, got \`${p.now}\``);
  return p.now;
}

const paint = (io: CliIo) => {
  const wrap = (code: string) => (text: string) =>
    io.color ? `\u001b[${code}m${text}\u001b[0m` : text;
  return { bold: wrap('1'), red: wrap('31'), yellow: wrap('33'), dim: wrap('2'), cyan: wrap('36') };
};

function stepLine(s: EscalationStep): string {
  const needs = s.needs.length > 0 ? ` (needs: ${s.needs.join('; ')})` : '';
  return `${s.technique}: ${s.actor} -> ${s.target} [${s.actions.join(', ')}]${needs}`;
}

function printResult(r: AnalysisResult, io: CliIo) {
  const c = paint(io);
  io.out(
    c.bold(
      `Rolecraft analysis at ${r.now}: ${r.accounts.length} account(s), ${r.principals} principal(s)`,
    ),
  );
  if (r.warnings.length > 0) {
    io.out('');
    io.out(c.bold(`Warnings (${r.warnings.length})`));
    for (const w of r.warnings) io.out(`  ${c.yellow('!')} ${w}`);
  }
  io.out('');
  io.out(c.bold(`Findings (${r.findings.length})`));
  for (const f of r.findings) {
    const sev =
      f.severity === 'critical' || f.severity === 'high' ? c.red(f.severity) : c.yellow(f.severity);
    io.out(`  ${sev} ${f.kind}: ${f.message}`);
    io.out(c.dim(`    ${f.subject}, ${f.policy} statement ${f.statement}`));
  }
  io.out('');
  io.out(c.bold(`Escalations (${r.escalations.length})`));
  for (const e of r.escalations) {
    io.out(`  ${e.principal} ${c.red('gains')} ${e.gains}`);
    for (const s of e.steps) io.out(`    ${stepLine(s)}`);
  }
  io.out('');
  io.out(c.bold(`Reachability (${r.reachability.length})`));
  for (const x of r.reachability) {
    const needs = x.needs.length > 0 ? c.cyan(` needs: ${x.needs.join('; ')}`) : '';
    io.out(`  ${x.hops.join(' -> ')}${needs}`);
  }
}

async function run(kind: keyof typeof USAGE, argv: string[], io: CliIo): Promise<number> {
  const usage = USAGE[kind];
  const allowed =
    kind === 'analyze'
      ? ['--json', '--now', '--paths']
      : kind === 'who-can'
        ? ['--json', '--now']
        : ['--now', '--expect', '--json'];
  const p = parseArgs(argv, allowed, usage);
  let files = p.positional;
  let action = '';
  let resource = '';
  if (kind === 'who-can') {
    [action = '', resource = '', ...files] = p.positional;
    if (!action || !resource) throw new UsageError(usage);
  }
  if (kind === 'check' && !p.expect) throw new UsageError(`\`--expect\` is required\n${usage}`);
  if (files.length === 0) throw new UsageError(usage);
  const now = nowOf(p, io);
  let expectations;
  if (p.expect) {
    const text = readText(p.expect);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      const syntax = firstJsonSyntaxError(text);
      throw new UsageError(
        `${p.expect}: ${syntax ? describeJsonSyntaxError(syntax) : 'invalid JSON'}`,
      );
    }
    const read = readExpectations(value);
    if (typeof read === 'string') throw new UsageError(`${p.expect}: ${read}`);
    expectations = read;
  }
  const { design, warnings } = await loadDesign(files);
  const analysis: Analysis = analyze(design, { now, warnings });
  if (kind === 'analyze') {
    if (p.paths) {
      let paths;
      try {
        paths = analysis.paths(p.paths[0], p.paths[1]);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      if (p.json)
        io.out(
          JSON.stringify(
            {
              format: 'analysis/1',
              now: analysis.now,
              from: p.paths[0],
              to: p.paths[1],
              paths: paths.map((steps) =>
                steps.map(({ technique, actor, target, actions, needs }) => ({
                  technique,
                  actor,
                  target,
                  actions,
                  needs,
                })),
              ),
            },
            null,
            2,
          ),
        );
      else {
        io.out(`${paths.length} path(s) from ${p.paths[0]} to ${p.paths[1]}`);
        paths.forEach((steps, i) => {
          io.out(`  ${i + 1}.`);
          for (const s of steps) io.out(`     ${stepLine(s)}`);
        });
      }
      return 0;
    }
    if (p.json) io.out(JSON.stringify(toAnalysisJson(analysis.result), null, 2));
    else printResult(analysis.result, io);
    return 0;
  }
  if (kind === 'who-can') {
    const entries = analysis.whoCan(action, resource);
    if (p.json)
      io.out(
        JSON.stringify(
          {
            format: 'analysis/1',
            now: analysis.now,
            action,
            resource,
            principals: entries.map(({ principal, via, hops, needs, steps }) => ({
              principal,
              via,
              hops,
              needs,
              steps: steps.map(({ technique, actor, target, actions, needs: n }) => ({
                technique,
                actor,
                target,
                actions,
                needs: n,
              })),
            })),
          },
          null,
          2,
        ),
      );
    else {
      io.out(`${entries.length} principal(s) can ${action} on ${resource}`);
      for (const e of entries) {
        const needs = e.needs.length > 0 ? ` (needs: ${e.needs.join('; ')})` : '';
        io.out(`  ${e.principal} [${e.via}] ${e.hops.join(' -> ')}${needs}`);
      }
    }
    return 0;
  }
  let outcomes;
  try {
    outcomes = check(analysis, expectations!);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const failed = outcomes.filter((o) => !o.held);
  if (p.json)
    io.out(
      JSON.stringify(
        {
          format: 'analysis/1',
          now: analysis.now,
          passed: outcomes.length - failed.length,
          failed: failed.map((o) => ({
            expected: o.expected,
            ...o.expectation,
            ...(o.path ? { path: o.path, needs: o.needs } : {}),
          })),
        },
        null,
        2,
      ),
    );
  else {
    const c = paint(io);
    for (const o of outcomes) {
      const { principal, action: a, resource: r } = o.expectation;
      const mark = o.held ? 'ok  ' : c.red('FAIL');
      const detail = o.path
        ? ` via ${o.path.join(' -> ')}${o.needs?.length ? ` (needs: ${o.needs.join('; ')})` : ''}`
        : '';
      io.out(
        `${mark} ${principal} ${o.expected} ${a} on ${r}${o.expected === 'cannot' || !o.held ? detail : ''}`,
      );
    }
    io.out(`${outcomes.length - failed.length} held, ${failed.length} failed`);
  }
  return failed.length > 0 ? 1 : 0;
}

/** Runs one of the three commands; never throws (usage and input errors exit 2 with the reason). */
export async function analysisCommand(
  kind: keyof typeof USAGE,
  argv: string[],
  io: CliIo = defaultIo(),
): Promise<number> {
  try {
    return await run(kind, argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(error.message);
      return 2;
    }
    // Unreadable files (`CliError`) and anything unexpected: one `rolecraft: ...` line, exit 2.
    return reportFailure(error, kind, io.err);
  }
}

/** `conformance [DIR...] [--json] [--repeat N] [--kind K,...]`: prints results, returns the exit code. */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runConformance } from './run.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/**
 * The shared cases folder beside the repository, or beside the folder holding it (a git
 * worktree under `wt/NAME` shares the main checkout's `shared/`).
 */
const defaultCasesDir =
  [join(repoRoot, '..'), join(repoRoot, '..', '..')]
    .map((dir) => join(dir, 'shared', 'conformance', 'cases'))
    .find((dir) => existsSync(dir)) ?? join(repoRoot, '..', 'shared', 'conformance', 'cases');

interface Args {
  paths: string[];
  json: boolean;
  repeat?: number;
  kinds?: string[];
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { paths: [], json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]);
    if (a === '--json') args.json = true;
    else if (a.startsWith('--repeat')) {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) return '--repeat needs a whole number of at least 1';
      args.repeat = n;
    } else if (a.startsWith('--kind')) {
      const v = value();
      if (!v) return '--kind needs a list of kinds such as `request,validate`';
      args.kinds = v
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean);
    } else if (a.startsWith('--')) return `unknown option \`${a}\``;
    else args.paths.push(a);
  }
  return args;
}

export async function conformanceCommand(
  argv: string[],
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    err(args);
    return 2;
  }
  if (args.paths.length === 0) {
    if (!existsSync(defaultCasesDir)) {
      out(
        `no conformance cases: ${relative(process.cwd(), defaultCasesDir) || defaultCasesDir} does not exist`,
      );
      return 0;
    }
    args.paths.push(defaultCasesDir);
  }
  const missing = args.paths.filter((p) => !existsSync(p));
  if (missing.length > 0) {
    err(`no such file or folder: ${missing.map((m) => `\`${m}\``).join(', ')}`);
    return 2;
  }
  const summary = await runConformance(args.paths, { kinds: args.kinds, repeat: args.repeat });
  const passed = summary.outcomes.filter((o) => o.pass).length;
  const failed = summary.outcomes.length - passed + summary.fileErrors.length;
  const closing = `${passed} passed, ${failed} failed`;
  if (args.json) {
    out(
      JSON.stringify(
        {
          passed,
          failed,
          leftOut: summary.leftOut,
          throughput: summary.throughput,
          fileErrors: summary.fileErrors,
          results: summary.outcomes,
        },
        null,
        2,
      ),
    );
    err(closing);
  } else {
    for (const f of summary.fileErrors) out(`${f.file}: cannot parse: ${f.error}`);
    for (const o of summary.outcomes)
      if (!o.pass) out(`${o.file}#${o.id}: expected ${o.expected}, got ${o.got}`);
    if (args.kinds)
      out(
        `left out ${summary.leftOut} case${summary.leftOut === 1 ? '' : 's'} of other kinds (ran only ${args.kinds.join(', ')})`,
      );
    if (summary.throughput !== undefined) out(`throughput: ${summary.throughput} evaluations/s`);
    out(closing);
  }
  return failed > 0 ? 1 : 0;
}

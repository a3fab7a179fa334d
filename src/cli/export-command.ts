/** `rolecraft export FILE... --to FORMAT [--out DIR]`: infrastructure code from designs or account data. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { importAuthzFiles, looksLikeAuthzDetails } from '../io/authz-details/index.ts';
import { exportAs, exportFormats, importDesignText, type ExportFormat } from '../io/index.ts';
import type { Design } from '../model/index.ts';
import { CliError, parseJsonText, readTextFile } from './input.ts';

const usage = `usage: rolecraft export FILE... --to ${exportFormats.join('|')} [--out DIR]
  FILE: a *.rolecraft.json design, or \`aws iam get-account-authorization-details\` output
        (several of those, one per account or page, make one design)`;

interface Options {
  to: ExportFormat;
  dir: string;
  files: string[];
}

function parseArguments(argv: string[]): Options {
  let to: string | undefined;
  let dir = '.';
  const files: string[] = [];
  const fail = (reason: string): never => {
    throw new CliError(`cannot export: ${reason}\n${usage}`);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--to' || a === '--out') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) fail(`\`${a}\` needs a value`);
      if (a === '--to') to = value;
      else dir = value!;
    } else if (a.startsWith('--to=')) to = a.slice(5);
    else if (a.startsWith('--out=')) dir = a.slice(6);
    else if (a.startsWith('--')) fail(`unknown option \`${a}\``);
    else files.push(a);
  }
  if (files.length === 0) fail('no input file');
  if (to === undefined) fail('`--to` is missing');
  if (!exportFormats.includes(to as ExportFormat))
    fail(`\`--to\` must be one of ${exportFormats.join(', ')}, got \`${to}\``);
  return { to: to as ExportFormat, dir, files };
}

/** Designs from the files: each design file as itself, all authorization details as one design. */
async function readDesigns(files: string[], warn: (line: string) => void): Promise<Design[]> {
  const designs: Design[] = [];
  const authz: { name: string; text: string }[] = [];
  for (const file of files) {
    const text = readTextFile(file);
    if (looksLikeAuthzDetails(parseJsonText(text, file))) {
      authz.push({ name: file, text });
      continue;
    }
    const read = importDesignText(text);
    if (!read.ok) throw new CliError(`cannot read ${file}: ${read.reason}`);
    designs.push(read.design);
  }
  if (authz.length > 0) {
    const name = basename(authz[0]!.name).replace(/\.json$/i, '');
    const result = await importAuthzFiles(authz, { layout: false, name });
    const refused = result.summary?.refused[0];
    if (refused) throw new CliError(`cannot read ${refused.reason}`);
    if (!result.ok) throw new CliError(`cannot read ${authz[0]!.name}: ${result.reason}`);
    for (const warning of result.summary.warnings) warn(warning);
    designs.push(result.design);
  }
  return designs;
}

export async function exportCommand(
  argv: string[],
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
): Promise<number> {
  const warn = (line: string) => err(`rolecraft: warning: ${line}`);
  try {
    const { to, dir, files } = parseArguments(argv);
    const designs = await readDesigns(files, warn);
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw new CliError(`cannot write to ${dir}: ${(error as Error).message}`);
    }
    for (const design of designs) {
      const { files: written, warnings } = exportAs(design, to);
      for (const warning of warnings) warn(warning);
      for (const file of written) {
        const path = join(dir, file.name);
        try {
          writeFileSync(path, file.text);
        } catch (error) {
          throw new CliError(`cannot write ${path}: ${(error as Error).message}`);
        }
        out(`wrote ${path}`);
      }
    }
    return 0;
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    err(`rolecraft: ${error.message}`);
    return 2;
  }
}

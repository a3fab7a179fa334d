/** `rolecraft export FILE... --to FORMAT [--out DIR]`: infrastructure code from designs. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportAs, exportFormats, importDesignText, type ExportFormat } from '../io/index.ts';
import type { Design } from '../model/index.ts';

const usage = `usage: rolecraft export FILE... --to ${exportFormats.join('|')} [--out DIR]`;

export function exportCommand(
  argv: string[],
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
): number {
  let to: string | undefined;
  let dir = '.';
  const files: string[] = [];
  const fail = (reason: string) => {
    err(`rolecraft: cannot export: ${reason}`);
    return 2;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--to' || a === '--out') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--'))
        return fail(`\`${a}\` needs a value\n${usage}`);
      if (a === '--to') to = value;
      else dir = value;
    } else if (a.startsWith('--to=')) to = a.slice(5);
    else if (a.startsWith('--out=')) dir = a.slice(6);
    else if (a.startsWith('--')) return fail(`unknown option \`${a}\`\n${usage}`);
    else files.push(a);
  }
  if (files.length === 0) return fail(`no input file\n${usage}`);
  if (to === undefined) return fail(`\`--to\` is missing\n${usage}`);
  if (!exportFormats.includes(to as ExportFormat))
    return fail(`\`--to\` must be one of ${exportFormats.join(', ')}, got \`${to}\``);

  const designs: Design[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      err(
        `rolecraft: cannot read \`${file}\`: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
      );
      return 2;
    }
    const read = importDesignText(text);
    if (!read.ok) {
      err(`rolecraft: cannot read \`${file}\`: ${read.reason}`);
      return 2;
    }
    designs.push(read.design);
  }

  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    err(`rolecraft: cannot write to \`${dir}\`: ${(error as Error).message}`);
    return 2;
  }
  for (const design of designs) {
    const { files: written, warnings } = exportAs(design, to as ExportFormat);
    for (const warning of warnings) err(`rolecraft: warning: ${warning}`);
    for (const file of written) {
      const path = join(dir, file.name);
      try {
        writeFileSync(path, file.text);
      } catch (error) {
        err(`rolecraft: cannot write \`${path}\`: ${(error as Error).message}`);
        return 2;
      }
      out(`wrote ${path}`);
    }
  }
  return 0;
}

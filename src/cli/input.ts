/**
 * Reading the CLI's input files: every problem becomes a `CliError` whose message reads
 * `cannot VERB FILE: reason`; `main` prints it as `rolecraft: ...` and exits 2.
 */
import { readFileSync, statSync } from 'node:fs';
import {
  describeJsonSyntaxError,
  firstJsonSyntaxError,
  MAX_DESIGN_DEPTH,
  scanJsonDepth,
} from '../engine/index.ts';

/** A refused input: the message is shown as is, after `rolecraft: `. */
export class CliError extends Error {}

/** Prints a failure as one `rolecraft: ...` line (no stack trace) and gives exit code 2. */
export function reportFailure(
  error: unknown,
  command: string | undefined,
  err: (line: string) => void = console.error,
): number {
  if (error instanceof CliError) err(`rolecraft: ${error.message}`);
  else {
    const reason = error instanceof Error ? error.message : String(error);
    err(`rolecraft: cannot run \`${command ?? ''}\`: ${reason}`);
  }
  return 2;
}

/** Largest input file read (policies are at most 10 KB in IAM; designs a few MB). */
const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** The file's text, or a `CliError` saying why it cannot be read. */
export function readTextFile(file: string, verb = 'read'): string {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new CliError(`cannot ${verb} ${file}: it is a directory`);
    size = stat.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot ${verb} ${file}: ${systemReason(error)}`);
  }
  if (size > MAX_INPUT_BYTES)
    throw new CliError(
      `cannot ${verb} ${file}: it is ${(size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_INPUT_BYTES / 1024 / 1024} MB limit`,
    );
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot ${verb} ${file}: ${systemReason(error)}`);
  }
  if (text.includes('\u0000')) throw new CliError(`cannot ${verb} ${file}: it is binary, not text`);
  return text;
}

/**
 * Parses JSON text after the depth pre-scan; a `CliError` with the line and column when it is
 * too deep or not JSON. `depth` defaults to the design limit (case files nest policies).
 */
export function parseJsonText(
  text: string,
  file: string,
  verb = 'read',
  depth = MAX_DESIGN_DEPTH,
): unknown {
  if (text.trim() === '') throw new CliError(`cannot ${verb} ${file}: the file is empty`);
  const tooDeep = scanJsonDepth(text, depth);
  if (tooDeep) throw new CliError(`cannot ${verb} ${file}: ${tooDeep.message}`);
  try {
    // Native JSON keeps a `__proto__` key as an own property (jsonc-parser would set the prototype).
    return JSON.parse(text) as unknown;
  } catch {
    // Not JSON: read it again with a parser that says where it breaks.
  }
  const syntax = firstJsonSyntaxError(text);
  const reason = syntax ? describeJsonSyntaxError(syntax) : 'invalid JSON';
  throw new CliError(`cannot ${verb} ${file}: ${reason}`);
}

/** Reads and parses a JSON file. */
export function readJsonFile(file: string, verb = 'read'): unknown {
  return parseJsonText(readTextFile(file, verb), file, verb);
}

/** `no such file`, `permission denied`: Node's reason without its code and path. */
function systemReason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    default:
      return e.message ?? String(error);
  }
}

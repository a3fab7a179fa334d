/** `rolecraft validate FILE --type TYPE [--no-catalog]`: diagnostics with line:column. */
import { loadCatalogForPolicy } from '../engine/catalog/index.ts';
import {
  MAX_POLICY_DEPTH,
  scanJsonDepth,
  isValidPolicy,
  policyTypes,
  validatePolicy,
  type IamCatalog,
  type PolicyDocument,
  type PolicyType,
} from '../engine/index.ts';
import { CliError, readTextFile } from './input.ts';

async function catalogFor(text: string): Promise<IamCatalog | undefined> {
  try {
    return await loadCatalogForPolicy(JSON.parse(text) as PolicyDocument);
  } catch {
    return undefined;
  }
}

export async function validateCommand(
  argv: string[],
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
): Promise<number> {
  let type: string | undefined;
  let useCatalog = true;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--type') type = argv[++i];
    else if (a.startsWith('--type=')) type = a.slice('--type='.length);
    else if (a === '--no-catalog') useCatalog = false;
    else if (a.startsWith('--')) {
      err(`unknown option \`${a}\``);
      return 2;
    } else files.push(a);
  }
  if (files.length === 0 || !type) {
    err(`usage: rolecraft validate FILE --type ${policyTypes.join('|')} [--no-catalog]`);
    return 2;
  }
  if (!policyTypes.includes(type as PolicyType)) {
    err(`unknown policy type \`${type}\`: use one of ${policyTypes.join(', ')}`);
    return 2;
  }
  let failed = false;
  let unreadable = false;
  for (const file of files) {
    let text: string;
    try {
      text = readTextFile(file);
      if (text.trim() === '') throw new CliError(`cannot validate ${file}: the file is empty`);
      const tooDeep = scanJsonDepth(text, MAX_POLICY_DEPTH);
      if (tooDeep)
        throw new CliError(
          `cannot validate ${file}: ${tooDeep.message} (IAM policies need at most 6)`,
        );
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      err(`rolecraft: ${error.message}`);
      unreadable = true;
      continue;
    }
    const catalog = useCatalog ? await catalogFor(text) : undefined;
    const diagnostics = validatePolicy(text, type as PolicyType, catalog ? { catalog } : {});
    for (const d of diagnostics)
      out(
        `${file}:${d.range.startLine}:${d.range.startColumn}: ${d.security ? 'security ' : ''}${d.severity} ${d.code}: ${d.message}`,
      );
    const valid = isValidPolicy(diagnostics);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    out(
      `${file}: ${valid ? 'valid' : 'invalid'} ${type} policy (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`,
    );
    if (!valid) failed = true;
  }
  return unreadable ? 2 : failed ? 1 : 0;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

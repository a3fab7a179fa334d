/** `rolecraft eval CASE.json [--id ID] [--json]`: the decision and its explanation, readable. */
import { compilePolicies, evaluate, type Explanation } from '../engine/index.ts';
import { defaultNow } from './conformance/case-types.ts';
import { CliError, readJsonFile } from './input.ts';
import { CaseShapeError, readRequestCases, type RequestCase } from './request-case.ts';

const mark = (applied: boolean) => (applied ? '+' : '-');

/** The explanation as indented lines. */
function explanationLines(e: Explanation): string[] {
  const lines = [
    `${e.decision}: ${e.summary}`,
    `  principal ${e.principal.text} (${e.principal.kind}${e.principal.account ? `, account ${e.principal.account}` : ''})${e.crossAccount ? `, cross-account to ${e.resourceAccount}` : ''}`,
  ];
  for (const p of e.policies) {
    const state = !p.considered
      ? `not considered: ${p.notConsideredReason ?? ''}`
      : p.denies
        ? 'denies'
        : p.allows
          ? 'allows'
          : 'no statement applies';
    lines.push(`  ${p.label}: ${state}`);
    for (const s of p.statements) {
      lines.push(
        `    ${mark(s.applied)} statement ${s.index + 1}${s.sid ? ` (${s.sid})` : ''} ${s.effect}: ${s.note}${s.principalMatch ? ` [principal named as ${s.principalMatch}]` : ''}`,
      );
      for (const c of s.conditions) {
        const compared = c.comparisons
          .map(
            (x) =>
              `${JSON.stringify(x.requestValue)} vs ${JSON.stringify(x.policyValue)} ${x.matched ? 'match' : 'no match'}`,
          )
          .join('; ');
        lines.push(`        ${mark(c.matched)} ${c.operator} ${c.key}: ${c.rule ?? compared}`);
      }
    }
  }
  const decisive = e.decisive.map(
    (d) =>
      `${d.kind}${d.level !== undefined ? ` level ${d.level + 1}` : ''} policy ${d.policyIndex + 1} statement ${d.statementIndex + 1}${d.sid ? ` (${d.sid})` : ''}`,
  );
  lines.push(
    `  decided by: ${e.decidedBy}${decisive.length > 0 ? `; decisive: ${decisive.join(', ')}` : ''}`,
  );
  return lines;
}

export function evalCommand(
  argv: string[],
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
): number {
  let id: string | undefined;
  let json = false;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--id') id = argv[++i];
    else if (a === '--json') json = true;
    else if (a.startsWith('--')) {
      err(`unknown option \`${a}\``);
      return 2;
    } else files.push(a);
  }
  if (files.length !== 1) {
    err('usage: rolecraft eval CASE.json [--id ID] [--json]');
    return 2;
  }
  const file = files[0]!;
  let cases: RequestCase[];
  try {
    cases = readRequestCases(readJsonFile(file), id);
  } catch (error) {
    if (error instanceof CaseShapeError)
      throw new CliError(`cannot evaluate ${file}: ${error.message}`);
    throw error;
  }
  let mismatch = false;
  for (const c of cases) {
    const request = { ...c.request, now: c.request.now ?? c.now ?? defaultNow };
    let explanation: Explanation | undefined;
    try {
      explanation = evaluate(request, compilePolicies(c.policies), { explain: true }).explanation;
    } catch (error) {
      // The shape was checked; an engine failure on odd content is still the input's problem to report.
      throw new CliError(
        `cannot evaluate ${file}${c.id ? ` (case \`${c.id}\`)` : ''}: ${(error as Error).message}`,
      );
    }
    if (c.expect?.decision && c.expect.decision !== explanation!.decision) mismatch = true;
    if (json) out(JSON.stringify({ id: c.id, explanation }, null, 2));
    else {
      if (c.id) out(`${c.id}${c.expect?.decision ? ` (expected ${c.expect.decision})` : ''}`);
      for (const line of explanationLines(explanation!)) out(line);
    }
  }
  return mismatch ? 1 : 0;
}

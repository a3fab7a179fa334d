/** Warnings in the spirit of IAM Access Analyzer that need no service catalogue. */
import type { ParsedStatement } from '../parse/model.ts';
import { compileGlob } from '../match/glob.ts';
import { variableBeforeResourcePart } from '../match/resource-pattern.ts';
import { parseTemplate, templateVariables } from '../variables/template.ts';
import { quote, type Report } from './report.ts';

function isWildcardPrincipal(s: ParsedStatement): boolean {
  const p = s.principal?.value;
  if (p === '*') return true;
  if (!p || typeof p !== 'object') return false;
  const aws = (p as Record<string, unknown>).AWS;
  return aws === '*' || (Array.isArray(aws) && aws.includes('*'));
}

export function checkTrustWildcard(r: Report, s: ParsedStatement): void {
  if (r.type !== 'trust' || s.effect?.value !== 'Allow' || s.condition || !isWildcardPrincipal(s))
    return;
  r.warning(
    'trust-wildcard-principal',
    'this trust policy lets anyone assume the role: `Principal: "*"` with Allow and no condition',
    s.principal!.range,
  );
}

export function checkResourceVariables(
  r: Report,
  s: ParsedStatement,
  variablesEnabled: boolean,
): void {
  for (const list of [s.resource, s.notResource]) {
    for (const e of list?.entries ?? []) {
      if (variablesEnabled) {
        if (typeof e.value === 'string' && variableBeforeResourcePart(e.value))
          r.warning(
            'variable-outside-resource-part',
            `policy variables work only after the fifth colon of an ARN; in ${quote(e.value)} the variable is literal text, so the entry matches no ARN`,
            e.range,
          );
        continue;
      }
      if (
        typeof e.value === 'string' &&
        templateVariables(parseTemplate(e.value, true)).length > 0
      ) {
        r.warning(
          'variable-needs-version',
          `policy variables such as ${quote(e.value)} need \`"Version": "2012-10-17"\``,
          e.range,
        );
      }
    }
  }
}

function stringsOf(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return undefined;
}

/** Whether every pattern in `inner` is matched by a pattern in `outer` (wildcards in `inner` must be matched literally or by `*`). */
function covered(inner: string[], outer: string[], caseInsensitive: boolean): boolean {
  const norm = (v: string) => (caseInsensitive ? v.toLowerCase() : v);
  const tests = outer.map((o) => ({ text: norm(o), test: compileGlob(norm(o)) }));
  return inner.every((raw) => {
    const i = norm(raw);
    return tests.some(
      (o) =>
        o.text === i ||
        o.text === '*' ||
        (!/[*?]/.test(i) && o.test(i)) ||
        (o.text.endsWith('*') && !/[?]/.test(o.text) && i.startsWith(o.text.slice(0, -1))),
    );
  });
}

function simpleParts(
  s: ParsedStatement,
): { actions: string[]; resources: string[]; rest: string } | undefined {
  if (!s.isObject || s.notAction || s.notResource || s.notPrincipal || s.condition)
    return undefined;
  const actions = stringsOf(s.action?.value);
  const resources = s.resource ? stringsOf(s.resource.value) : ['*'];
  if (!actions || !resources) return undefined;
  return {
    actions,
    resources,
    rest: JSON.stringify([s.effect?.value, s.principal?.value ?? null]),
  };
}

/** A statement whose every request is already covered by another with the same effect. */
export function checkRedundant(r: Report): void {
  const statements = r.policy.statements;
  const parts = statements.map(simpleParts);
  statements.forEach((s, i) => {
    const mine = parts[i];
    if (!mine) return;
    const by = parts.findIndex((other, j) => {
      if (j === i || !other || other.rest !== mine.rest) return false;
      const same =
        covered(mine.actions, other.actions, true) &&
        covered(mine.resources, other.resources, false);
      const back =
        covered(other.actions, mine.actions, true) &&
        covered(other.resources, mine.resources, false);
      return same && (!back || j < i);
    });
    if (by >= 0) {
      const name =
        statements[by]!.sid && typeof statements[by]!.sid!.value === 'string'
          ? quote(statements[by]!.sid!.value)
          : `${by + 1}`;
      r.warning(
        'redundant-statement',
        `this statement is redundant: statement ${name} already covers every request it matches`,
        s.range,
      );
    }
  });
}

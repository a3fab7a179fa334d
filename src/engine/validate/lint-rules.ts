/** Warnings in the spirit of IAM Access Analyzer that need no service catalogue. */
import type { ParsedStatement } from '../parse/model.ts';
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

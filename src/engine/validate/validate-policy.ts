/**
 * Validates a policy for one policy type: errors for what IAM rejects, warnings for what
 * is accepted but likely wrong. With a catalogue (see `../catalog`), also warnings about
 * unknown actions, condition keys, operator types and resource types.
 */
import type { IamCatalog } from '../catalog/catalog.ts';
import type { ParsedStatement } from '../parse/model.ts';
import { parsePolicy } from '../parse/parse-policy.ts';
import type { Diagnostic, PolicyDocument, PolicyType } from '../types.ts';
import { checkCatalog } from './catalog-rules.ts';
import { checkConditions } from './condition-rules.ts';
import { checkPolicyShape, checkStatementShape } from './grammar-rules.ts';
import { checkResourceVariables, checkTrustWildcard } from './lint-rules.ts';
import { checkRedundant } from './redundant-rule.ts';
import { checkSizeQuota } from './size-rules.ts';
import { checkPlaceholders } from './placeholder-rules.ts';
import { checkPrincipals } from './principal-rules.ts';
import { createReport } from './report.ts';
import { checkAccessRisks } from './trust-rules.ts';

export interface ValidateOptions {
  /** A preloaded service catalogue: enables the catalogue warnings. */
  catalog?: IamCatalog;
}

/** RCPFullAWSAccess's one statement, the only Allow an RCP may hold. */
function isFullAccess(s: ParsedStatement): boolean {
  return (
    s.principal?.value === '*' &&
    s.action?.value === '*' &&
    s.resource?.value === '*' &&
    !s.condition &&
    s.elements.every((e) => ['Sid', 'Effect', 'Principal', 'Action', 'Resource'].includes(e.name))
  );
}

/** The policy types. */
export const policyTypes: readonly PolicyType[] = [
  'identity',
  'resource',
  'trust',
  'boundary',
  'session',
  'scp',
  'rcp',
];

/**
 * Validates policy text (ranges point into it) or a parsed document (ranges point into its
 * two-space JSON rendering). Returns diagnostics sorted by position; the policy is valid for
 * IAM when none has severity `error`.
 */
export function validatePolicy(
  textOrDoc: string | PolicyDocument,
  type: PolicyType,
  options: ValidateOptions = {},
): Diagnostic[] {
  const text = typeof textOrDoc === 'string' ? textOrDoc : JSON.stringify(textOrDoc, null, 2);
  const parsed = parsePolicy(text);
  const out: Diagnostic[] = [...parsed.diagnostics];
  if (parsed.policy && parsed.diagnostics.length === 0) {
    const report = createReport(type, parsed.policy, out);
    checkPolicyShape(report);
    const variablesEnabled = parsed.policy.version?.value === '2012-10-17';
    for (const s of parsed.policy.statements) {
      checkStatementShape(report, s);
      if (!s.isObject) continue;
      checkPrincipals(report, s);
      checkConditions(report, s, variablesEnabled);
      checkResourceVariables(report, s, variablesEnabled);
      checkTrustWildcard(report, s);
      checkAccessRisks(report, s);
      checkPlaceholders(report, s);
      if (type === 'rcp' && s.effect?.value === 'Allow' && !isFullAccess(s)) {
        report.error(
          'rcp-allow',
          'resource control policies only support `"Effect": "Deny"` (Allow is reserved for RCPFullAWSAccess)',
          s.effect.range,
        );
      }
      if (options.catalog) checkCatalog(report, s, options.catalog);
    }
    checkRedundant(report);
    checkSizeQuota(report, text);
  } else if (!parsed.policy && parsed.diagnostics.length === 0) {
    out.push({
      severity: 'error',
      code: 'json-syntax',
      message: 'invalid JSON: the text is empty',
      range: parsed.source.range(0, 0),
    });
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}

/** True when IAM would accept the policy (no error diagnostics). */
export function isValidPolicy(diagnostics: readonly Diagnostic[]): boolean {
  return !diagnostics.some((d) => d.severity === 'error');
}

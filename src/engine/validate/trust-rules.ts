/**
 * Security checks on who a policy lets in, named after IAM Access Analyzer's policy checks:
 * web identity and SAML trust without the conditions that tie it to your own tenant, and
 * `iam:PassRole` on every role. Each finding points at its statement.
 */
import { parseOperatorName } from '../conditions/operator-table.ts';
import { compileGlob } from '../match/glob.ts';
import type { ConditionEntry, ParsedStatement } from '../parse/model.ts';
import {
  claimKeysOf,
  oidcIssuerOf,
  isSamlProviderArn,
  wellKnownProviderOfIssuer,
  type WellKnownIdentityProvider,
} from '../principal/identity-providers.ts';
import { quote, type Report } from './report.ts';

function allows(patterns: readonly unknown[], action: string): boolean {
  const lower = action.toLowerCase();
  return patterns.some((p) => typeof p === 'string' && compileGlob(p.toLowerCase())(lower));
}

const actionsOf = (s: ParsedStatement): unknown[] => s.action?.entries.map((e) => e.value) ?? [];

function federatedOf(s: ParsedStatement): string[] {
  return s.principalEntries
    .filter((p) => p.type === 'Federated')
    .flatMap((p) => (Array.isArray(p.value) ? (p.value as unknown[]) : [p.value]))
    .filter((v): v is string => typeof v === 'string');
}

const mentions = (s: ParsedStatement, key: string) =>
  s.conditions.some((c) => c.key.toLowerCase() === key.toLowerCase());

/**
 * Conditions that pin the key to given values, as AWS's own guard on GitHub trust reads them:
 * `StringEquals`, `StringLike` or `StringEqualsIgnoreCase` (not negated, not `ForAllValues`,
 * which holds when the key is absent).
 */
function pinning(s: ParsedStatement, key: string): ConditionEntry[] {
  const wanted = key.toLowerCase();
  return s.conditions.filter((c) => {
    if (c.key.toLowerCase() !== wanted) return false;
    const op = parseOperatorName(c.operator);
    if (op.qualifier === 'ForAllValues') return false;
    return ['StringEquals', 'StringLike', 'StringEqualsIgnoreCase'].includes(
      op.operator?.name ?? '',
    );
  });
}

function checkWebIdentity(r: Report, s: ParsedStatement, issuer: string): void {
  const known = wellKnownProviderOfIssuer(issuer);
  const audienceKey = known ? claimKeysOf(known, issuer).audience : `${issuer}:aud`;
  if (![audienceKey, `${issuer}:aud`, `${issuer}:oaud`].some((k) => mentions(s, k))) {
    r.warning(
      'missing-audience-condition',
      `this statement trusts tokens from \`${issuer}\` without a condition on \`${audienceKey}\`: a token the provider issued for any other client can assume the role`,
      s.range,
      { conditionKey: audienceKey, issuer },
    );
  }
  if (known?.sharedIssuer) checkSubject(r, s, known, issuer);
}

/** A shared issuer signs tokens for every tenant: only the subject says the token is yours. */
function checkSubject(
  r: Report,
  s: ParsedStatement,
  known: WellKnownIdentityProvider,
  issuer: string,
): void {
  const subjectKey = claimKeysOf(known, issuer).subject;
  const scope = known.subjectScope;
  const unit = scope?.unit ?? 'tenant';
  const pins = [
    subjectKey,
    ...(scope?.alsoPinnedBy ?? []).map((claim) => `${issuer}:${claim}`),
  ].flatMap((key) => pinning(s, key));
  if (pins.length === 0) {
    r.securityWarning(
      'missing-subject-condition',
      `any ${unit} on ${known.label} could assume this role: the statement has no condition on \`${subjectKey}\`${scope ? ` (such as \`${scope.example}\`)` : ''}`,
      s.range,
    );
    return;
  }
  if (!scope) return;
  for (const c of pins) {
    const like = parseOperatorName(c.operator).operator?.name === 'StringLike';
    for (const v of c.values) {
      if (typeof v.value !== 'string' || !like || !/[*?]/.test(v.value)) continue;
      if (scope.pattern.test(v.value)) continue;
      r.warning(
        'overly-permissive-subject-condition',
        `${quote(v.value)} lets in more than one ${unit}: name the ${unit} in full before any wildcard (\`${scope.example}\`)`,
        s.range,
      );
    }
  }
}

function checkTrust(r: Report, s: ParsedStatement): void {
  const actions = actionsOf(s);
  for (const federated of federatedOf(s)) {
    if (isSamlProviderArn(federated)) {
      if (allows(actions, 'sts:AssumeRoleWithSAML') && !mentions(s, 'SAML:aud'))
        r.warning(
          'missing-saml-audience-condition',
          `this statement trusts the SAML provider ${quote(federated)} without a condition on \`SAML:aud\`: an assertion the provider made for another service can assume the role`,
          s.range,
          { conditionKey: 'SAML:aud' },
        );
      continue;
    }
    const issuer = oidcIssuerOf(federated);
    if (issuer && allows(actions, 'sts:AssumeRoleWithWebIdentity')) checkWebIdentity(r, s, issuer);
  }
}

/** `iam:PassRole` on `*` lets the caller give any role, an administrator's too, to a service it runs. */
function checkPassRole(r: Report, s: ParsedStatement): void {
  const iamActions = actionsOf(s).filter(
    (a) => typeof a === 'string' && a.toLowerCase().startsWith('iam:'),
  );
  if (!allows(iamActions, 'iam:PassRole')) return;
  if (!s.resource?.entries.some((e) => e.value === '*')) return;
  if (mentions(s, 'iam:PassedToService')) return;
  r.securityWarning(
    'pass-role-with-star-in-resource',
    '`iam:PassRole` on `"Resource": "*"` lets the caller pass any role, an administrator role too, to a service it controls: name the roles, or add a condition on `iam:PassedToService`',
    s.range,
  );
}

export function checkAccessRisks(r: Report, s: ParsedStatement): void {
  if (s.effect?.value !== 'Allow') return;
  if (r.type === 'trust') checkTrust(r, s);
  if (r.type === 'identity') checkPassRole(r, s);
}

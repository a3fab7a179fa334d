/** Where Principal and NotPrincipal may stand, and what they may hold. */
import { isAwsAccountId, parseArn } from '../names/arn.ts';
import type { ParsedStatement } from '../parse/model.ts';
import type { PolicyType } from '../types.ts';
import { quote, type Report } from './report.ts';

const noPrincipal = new Set<PolicyType>(['identity', 'boundary', 'session', 'scp']);
const principalTypes = new Set(['AWS', 'Service', 'Federated', 'CanonicalUser']);

/** `arn:aws…:iam|sts::ACCOUNT:RESOURCE`, the shape an AWS principal ARN has. */
function isIamOrStsArn(value: string): boolean {
  const arn = parseArn(value);
  return (
    arn !== undefined &&
    /^aws[a-z-]*$/.test(arn.partition) &&
    (arn.service === 'iam' || arn.service === 'sts') &&
    arn.region === '' &&
    isAwsAccountId(arn.account) &&
    /^\S+$/.test(arn.resource)
  );
}

function checkAwsPrincipal(r: Report, value: string, range: ParsedStatement['range']): void {
  if (value === '*' || isAwsAccountId(value)) return;
  if (!isIamOrStsArn(value)) {
    r.error(
      'invalid-principal',
      `AWS principal ${quote(value)} is not an account id, an IAM or STS ARN, or \`*\``,
      range,
    );
  } else if (value.includes('*') || value.includes('?')) {
    r.error(
      'invalid-principal',
      `AWS principal ${quote(value)} may not hold wildcards: use \`*\` alone or a condition on \`aws:PrincipalArn\``,
      range,
    );
  }
}

export function checkPrincipals(r: Report, s: ParsedStatement): void {
  const element = s.principal ?? s.notPrincipal;
  if (s.principal && s.notPrincipal)
    r.error(
      'principal-and-notprincipal',
      'a statement holds Principal or NotPrincipal, not both',
      s.notPrincipal.keyRange,
    );
  if (noPrincipal.has(r.type)) {
    for (const e of [s.principal, s.notPrincipal]) {
      if (e)
        r.error(
          'principal-not-allowed',
          `${e.name} may not appear in ${r.type === 'scp' ? 'a service control policy' : 'an identity-based policy'}`,
          e.keyRange,
        );
    }
    return;
  }
  if (s.notPrincipal && (r.type === 'trust' || r.type === 'rcp')) {
    r.error(
      'notprincipal-not-allowed',
      `NotPrincipal may not appear in ${r.type === 'trust' ? 'a role trust policy' : 'a resource control policy'}`,
      s.notPrincipal.keyRange,
    );
  }
  if (s.notPrincipal && s.effect?.value === 'Allow') {
    r.error(
      'notprincipal-with-allow',
      'NotPrincipal is only supported with `"Effect": "Deny"`',
      s.notPrincipal.keyRange,
    );
  }
  if (!element) {
    r.error(
      'missing-principal',
      `${r.type === 'trust' ? 'a role trust policy' : r.type === 'rcp' ? 'a resource control policy' : 'a resource-based policy'} statement needs a Principal`,
      s.range,
    );
    return;
  }
  if (typeof element.value === 'string') {
    if (element.value !== '*')
      r.error(
        'invalid-principal',
        `Principal ${quote(element.value)} must be \`*\` or an object such as \`{"AWS": ...}\``,
        element.range,
      );
  } else if (!element.value || typeof element.value !== 'object' || Array.isArray(element.value)) {
    r.error(
      'invalid-principal',
      `${element.name} must be \`*\` or an object of principal types`,
      element.range,
    );
    return;
  }
  if (r.type === 'rcp' && s.principal && s.principal.value !== '*') {
    r.error(
      'rcp-principal-not-wildcard',
      'a resource control policy statement must use `"Principal": "*"`',
      s.principal.range,
    );
  }
  for (const entry of s.principalEntries) {
    if (entry.type === '*') continue;
    if (!principalTypes.has(entry.type)) {
      r.error(
        'unknown-principal-type',
        `unknown principal type ${quote(entry.type)}: use AWS, Service, Federated or CanonicalUser`,
        entry.typeRange,
      );
      continue;
    }
    if (typeof entry.value !== 'string' || entry.value === '') {
      r.error(
        'invalid-principal',
        `${entry.type} principals must be non-empty strings`,
        entry.range,
      );
      continue;
    }
    if (entry.type === 'AWS') checkAwsPrincipal(r, entry.value, entry.range);
    if (entry.type === 'Service' && !entry.value.includes('.')) {
      r.error(
        'invalid-principal',
        `service principal ${quote(entry.value)} is not a service name such as \`lambda.amazonaws.com\``,
        entry.range,
      );
    }
  }
}

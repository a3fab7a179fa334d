import { stringList } from './policy-text';

/** One condition of a statement, with a short human label such as `MFA` or `ExternalId "x"`. */
export interface ConditionLabel {
  operator: string;
  key: string;
  values: string[];
  text: string;
}

/** Labels for every key of a statement's `Condition` element. */
export function conditionLabels(condition: unknown): ConditionLabel[] {
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) return [];
  const labels: ConditionLabel[] = [];
  for (const [operator, block] of Object.entries(condition as Record<string, unknown>)) {
    if (typeof block !== 'object' || block === null || Array.isArray(block)) continue;
    for (const [key, raw] of Object.entries(block as Record<string, unknown>)) {
      labels.push(conditionLabel(operator, key, rawValues(raw)));
    }
  }
  return labels;
}

/** The label of one condition: operator, key and its values. */
export function conditionLabel(operator: string, key: string, values: string[]): ConditionLabel {
  return { operator, key, values, text: labelFor(operator, key, values) };
}

function rawValues(raw: unknown): string[] {
  if (typeof raw === 'boolean' || typeof raw === 'number') return [String(raw)];
  // JSON for an object: `String` would call a `toString` key the policy itself may hold.
  if (Array.isArray(raw))
    return raw.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)));
  return stringList(raw);
}

const negated = (operator: string) => /Not/.test(operator);

function quoted(values: string[]): string {
  const shown = values
    .slice(0, 2)
    .map((v) => `"${v}"`)
    .join(' or ');
  return values.length > 2 ? `${shown} (+${values.length - 2})` : shown;
}

/** Keys with a fixed short word, by lowercase key. */
const simpleWords: Record<string, string> = {
  'sts:externalid': 'ExternalId',
  'aws:sourcearn': 'source ARN',
  'aws:sourceaccount': 'source account',
  'aws:sourceorgid': 'source org',
  'aws:principalorgid': 'org',
  'aws:principalaccount': 'principal account',
  'aws:principalarn': 'principal',
  'aws:sourceip': 'from IP',
  'aws:sourcevpc': 'from VPC',
  'aws:sourcevpce': 'from endpoint',
  'sts:rolesessionname': 'session name',
  'sts:sourceidentity': 'source identity',
  'aws:userid': 'user id',
  'aws:username': 'user name',
  'saml:aud': 'SAML aud',
  'saml:sub': 'SAML sub',
};

function labelFor(operator: string, key: string, values: string[]): string {
  const lower = key.toLowerCase();
  const not = negated(operator) ? 'not ' : '';
  if (lower === 'aws:multifactorauthpresent') {
    const wantsTrue = values.some((v) => v.toLowerCase() === 'true');
    return (wantsTrue ? !negated(operator) : negated(operator)) ? 'MFA' : 'no MFA';
  }
  if (lower === 'aws:multifactorauthage') return `MFA within ${values[0] ?? '?'}s`;
  if (lower === 'aws:securetransport') return 'TLS only';
  if (lower.startsWith('aws:principaltag/')) return `${not}tag ${key.slice(17)}=${quoted(values)}`;
  if (lower.startsWith('aws:requesttag/'))
    return `${not}session tag ${key.slice(15)}=${quoted(values)}`;
  if (lower === 'aws:tagkeys') return `${not}tag keys ${quoted(values)}`;
  if (lower.startsWith('aws:resourcetag/'))
    return `${not}resource tag ${key.slice(16)}=${quoted(values)}`;
  if (/^aws:(currenttime|epochtime)$/.test(lower))
    return `${/Less/.test(operator) ? 'before' : 'after'} ${values[0] ?? '?'}`;
  const word = simpleWords[lower];
  if (word) return `${word} ${not}${quoted(values)}`;
  // Web identity keys are `host:aud`, `host:sub`, `host:amr`…
  const federated = /^(.+\.[a-z]+(?:\/\S*)?):(aud|sub|amr|azp|email|oaud)$/i.exec(key);
  if (federated) return `${federated[2]} ${not}${quoted(values)}`;
  return `${key} ${operator} ${quoted(values)}`;
}

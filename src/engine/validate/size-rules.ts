/** IAM's size quotas, counted as IAM does: characters of the document, white space not counted. */
import type { PolicyType } from '../types.ts';
import type { Report } from './report.ts';

/**
 * Largest policy IAM stores, per type (IAM and STS quotas page): a role trust policy 2,048
 * characters, a managed policy (identity, or one used as a permissions boundary) 6,144.
 * Resource policies vary by service; SCPs, RCPs and session policies are sized elsewhere.
 */
const POLICY_SIZE_QUOTAS: Partial<Record<PolicyType, number>> = {
  trust: 2_048,
  identity: 6_144,
  boundary: 6_144,
};

/** Characters IAM counts against the quota: every character except white space. */
export function countedCharacters(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) count++;
  }
  return count;
}

const TYPE_NAMES: Record<PolicyType, string> = {
  identity: 'identity (managed) policy',
  resource: 'resource policy',
  trust: 'trust policy',
  boundary: 'permissions boundary',
  session: 'session policy',
  scp: 'service control policy',
  rcp: 'resource control policy',
};

export function checkSizeQuota(r: Report, text: string): void {
  const quota = POLICY_SIZE_QUOTAS[r.type];
  if (quota === undefined) return;
  const size = countedCharacters(text);
  if (size <= quota) return;
  r.error(
    'policy-size',
    `this ${TYPE_NAMES[r.type]} has ${size.toLocaleString('en-US')} characters (white space not counted); IAM allows at most ${quota.toLocaleString('en-US')}`,
    r.policy.range,
  );
}

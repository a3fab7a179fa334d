import { stringList } from './policy-text';
import type { PrincipalRef } from './principal-ref';

const principalTypes = ['AWS', 'Service', 'Federated'] as const;

/** The principals a `Principal` element names, in order (`"*"` as `AWS: *`); other types are skipped. */
export function principalsOf(element: unknown): PrincipalRef[] {
  if (element === '*') return [{ type: 'AWS', value: '*' }];
  if (typeof element !== 'object' || element === null || Array.isArray(element)) return [];
  const record = element as Record<string, unknown>;
  return principalTypes.flatMap((type) =>
    stringList(record[type]).map((value) => ({ type, value })),
  );
}

const rootArn = /^arn:([^:]+):iam::(\d{12}):root$/;

/**
 * The principal a request made by this policy principal carries, for the engine. An account
 * (by id or root ARN) stands for the IAM principals it delegates to, so it asks as an IAM user
 * of the account: the root user itself "cannot ... call AssumeRole" (STS API Reference).
 */
export function requestPrincipalOf(ref: PrincipalRef): string {
  if (ref.type === 'AWS') {
    if (ref.value === '*') return 'anonymous';
    if (/^\d{12}$/.test(ref.value)) return `arn:aws:iam::${ref.value}:user/account-principal`;
    const root = rootArn.exec(ref.value);
    if (root) return `arn:${root[1]}:iam::${root[2]}:user/account-principal`;
  }
  return ref.value;
}

/** The one readable sentence of an explanation: what decided, and why. */
import type { DecidingKind } from '../types.ts';
import type { Outcome } from './decide.ts';

const kindNames: Record<DecidingKind, string> = {
  scp: 'a service control policy',
  rcp: 'a resource control policy',
  resource: 'the resource-based policy',
  trust: 'the role trust policy',
  identity: 'the identity-based policies',
  boundary: 'the permissions boundary',
  session: 'the session policies',
  root: 'the account root user',
  sts: 'AWS STS',
};

export function summarize(o: Outcome): string {
  switch (o.reason) {
    case 'explicit-deny':
      return `explicitly denied by ${kindNames[o.decidedBy]}`;
    case 'scp-level-without-allow':
      return `implicitly denied: no SCP at level ${(o.level ?? 0) + 1} allows the action`;
    case 'resource-policy-required':
      return `implicitly denied: ${kindNames[o.decidedBy]} must allow this principal, even in the same account`;
    case 'no-resource-grant':
      return `implicitly denied: ${kindNames[o.decidedBy]} does not allow this principal`;
    case 'cross-account-no-resource-grant':
      return `implicitly denied: cross-account access needs ${kindNames[o.decidedBy]} to allow the principal`;
    case 'cross-account-no-identity-allow':
      return 'implicitly denied: cross-account access needs the identity-based policies to allow too';
    case 'no-identity-allow':
      return 'implicitly denied: no identity-based policy allows the action';
    case 'boundary-without-allow':
      return 'implicitly denied: the permissions boundary does not allow the action';
    case 'session-without-allow':
      return 'implicitly denied: the session policies do not allow the action';
    case 'allowed-by-resource-policy':
      return `allowed by ${kindNames[o.decidedBy]}`;
    case 'allowed-by-identity-policy':
      return 'allowed by the identity-based policies';
    case 'allowed-cross-account':
      return `allowed: ${kindNames[o.decidedBy]} and the identity-based policies both allow`;
    case 'allowed-root-user':
      return 'allowed: the account root user has full access unless a policy restricts it';
    case 'no-session-policy':
      return 'implicitly denied: a federated user session without a session policy has no permissions';
    case 'no-permission-required':
      return 'allowed: sts:GetCallerIdentity needs no permission and cannot be denied';
    case 'root-cannot-assume-role':
      return 'implicitly denied: the account root user cannot call AssumeRole';
    case 'federated-user-cannot-call-iam':
      return 'implicitly denied: a federated user session cannot call IAM operations';
    case 'federated-user-cannot-call-sts':
      return 'implicitly denied: a federated user session cannot call STS operations except GetCallerIdentity';
  }
}

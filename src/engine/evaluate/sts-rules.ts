/**
 * Rules that AWS STS applies to the caller's credentials before any policy: they decide a
 * request whatever the policies say.
 * - `sts:GetCallerIdentity` needs no permission and cannot be denied. STS API Reference,
 *   GetCallerIdentity: "No permissions are required to perform this operation. If an
 *   administrator attaches a policy to your identity that explicitly denies access to the
 *   sts:GetCallerIdentity action, you can still perform this operation."
 * - The account root user cannot call AssumeRole (nor TagSession or SetSourceIdentity, which
 *   are only authorized with it). STS API Reference, AssumeRole: "You cannot use AWS account
 *   root user credentials to call AssumeRole."
 * - A federated user session (GetFederationToken) cannot call IAM, nor STS except
 *   GetCallerIdentity. IAM User Guide, Compare AWS STS credentials: "Cannot call IAM
 *   operations using the AWS CLI or AWS API" and "Cannot call any AWS STS operations except
 *   GetCallerIdentity".
 */
import { hasIdentitySide } from '../principal/principal-info.ts';
import type { RequestState } from './context.ts';
import type { Outcome } from './decide.ts';

const callerIdentity: Outcome = {
  decision: 'Allow',
  decidedBy: 'sts',
  reason: 'no-permission-required',
};
const rootAssume: Outcome = {
  decision: 'ImplicitDeny',
  decidedBy: 'sts',
  reason: 'root-cannot-assume-role',
};
const federatedIam: Outcome = {
  decision: 'ImplicitDeny',
  decidedBy: 'sts',
  reason: 'federated-user-cannot-call-iam',
};
const federatedSts: Outcome = {
  decision: 'ImplicitDeny',
  decidedBy: 'sts',
  reason: 'federated-user-cannot-call-sts',
};

/** The actions authorized together with AssumeRole, which the root user cannot call. */
const rootRefused = new Set(['sts:assumerole', 'sts:tagsession', 'sts:setsourceidentity']);

/**
 * The decision with STS's rule applied: GetCallerIdentity is allowed whatever the policies;
 * the refusals give way only to an explicit deny, which always wins (README, open questions).
 */
export function stsOutcome(rule: Outcome | undefined, byPolicies: Outcome): Outcome {
  if (rule === undefined) return byPolicies;
  if (rule.decision === 'Allow' || byPolicies.decision !== 'ExplicitDeny') return rule;
  return byPolicies;
}

/** The outcome STS imposes on this request, or undefined when the policies decide. */
export function stsRule(state: RequestState): Outcome | undefined {
  const action = state.actionLower;
  const kind = state.principal.kind;
  if (action === 'sts:getcalleridentity') return hasIdentitySide(kind) ? callerIdentity : undefined;
  if (kind === 'root') return rootRefused.has(action) ? rootAssume : undefined;
  if (kind === 'federated-user') {
    if (action.startsWith('iam:')) return federatedIam;
    if (action.startsWith('sts:')) return federatedSts;
  }
  return undefined;
}

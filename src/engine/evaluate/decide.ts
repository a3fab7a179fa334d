/**
 * AWS's decision, from the facts: explicit denies anywhere; then RCPs (every level always
 * allows through RCPFullAWSAccess) and SCPs (every level must allow); then the resource-based
 * policy and the identity side, by the same-account and cross-account rules, including the
 * rule that trust policies and KMS key policies must allow even in the same account.
 */
import type { Decision, DecidingKind } from '../types.ts';
import type { RequestState } from './context.ts';
import type { Facts } from './facts.ts';

/** Stable codes for why a decision came out as it did. */
export type ReasonCode =
  | 'explicit-deny'
  | 'scp-level-without-allow'
  | 'resource-policy-required'
  | 'no-resource-grant'
  | 'cross-account-no-resource-grant'
  | 'cross-account-no-identity-allow'
  | 'no-identity-allow'
  | 'boundary-without-allow'
  | 'session-without-allow'
  | 'allowed-by-resource-policy'
  | 'allowed-by-identity-policy'
  | 'allowed-cross-account'
  | 'allowed-root-user'
  | 'no-session-policy'
  | 'no-permission-required'
  | 'root-cannot-assume-role'
  | 'federated-user-cannot-call-iam'
  | 'federated-user-cannot-call-sts';

export interface Outcome {
  decision: Decision;
  /** The policy kind that decided (denied, or granted). */
  decidedBy: DecidingKind;
  reason: ReasonCode;
  /** For `scp-level-without-allow`: the level (root first). */
  level?: number;
}

const roleActions = new Set([
  'sts:assumerole',
  'sts:assumerolewithsaml',
  'sts:assumerolewithwebidentity',
  'sts:tagsession',
  'sts:setsourceidentity',
]);

/** True when the resource-based policy is the role's trust policy (actions authorized against a role). */
export function isRoleAction(actionLower: string): boolean {
  return roleActions.has(actionLower);
}

/** True for a KMS action on a key, where the key policy must allow. */
export function isKeyRequest(state: RequestState): boolean {
  const arn = state.resourceArn;
  return (
    state.actionLower.startsWith('kms:') &&
    arn !== null &&
    arn[2] === 'kms' &&
    arn[5]!.startsWith('key/')
  );
}

function resourceKind(state: RequestState): DecidingKind {
  return isRoleAction(state.actionLower) ? 'trust' : 'resource';
}

/** The identity side: identity policies, boundary and session policies, each where it applies. */
function identitySideFailure(f: Facts, crossAccount: boolean): Outcome | undefined {
  if (!f.identityApplies) return undefined;
  if (!f.identityAllow)
    return {
      decision: 'ImplicitDeny',
      decidedBy: 'identity',
      reason: crossAccount ? 'cross-account-no-identity-allow' : 'no-identity-allow',
    };
  return limitsFailure(f);
}

function limitsFailure(f: Facts): Outcome | undefined {
  if (f.boundaryApplies && !f.boundaryAllow)
    return { decision: 'ImplicitDeny', decidedBy: 'boundary', reason: 'boundary-without-allow' };
  if (f.sessionApplies && !f.sessionAllow)
    return {
      decision: 'ImplicitDeny',
      decidedBy: 'session',
      reason: f.sessionPassed ? 'session-without-allow' : 'no-session-policy',
    };
  return undefined;
}

function deny(decidedBy: DecidingKind): Outcome {
  return { decision: 'ExplicitDeny', decidedBy, reason: 'explicit-deny' };
}

export function decide(f: Facts, state: RequestState): Outcome {
  if (f.scpDeny) return deny('scp');
  if (f.rcpDeny) return deny('rcp');
  if (f.resourceDeny) return deny(resourceKind(state));
  if (f.identityDeny) return deny('identity');
  if (f.boundaryDeny) return deny('boundary');
  if (f.sessionDeny) return deny('session');
  if (f.scpApplies && f.scpLevelWithoutAllow >= 0) {
    return {
      decision: 'ImplicitDeny',
      decidedBy: 'scp',
      reason: 'scp-level-without-allow',
      level: f.scpLevelWithoutAllow,
    };
  }
  const who = state.principal;
  const grant = f.resourceGrant;
  const resourceSide = resourceKind(state);
  const allowByResource: Outcome = {
    decision: 'Allow',
    decidedBy: resourceSide,
    reason: 'allowed-by-resource-policy',
  };

  if (!f.scpApplies && !f.identityApplies && who.kind !== 'root') {
    return grant !== null
      ? allowByResource
      : { decision: 'ImplicitDeny', decidedBy: resourceSide, reason: 'no-resource-grant' };
  }

  const crossAccount = state.resourceAccount !== undefined && who.account !== state.resourceAccount;
  if (crossAccount) {
    if (grant === null)
      return {
        decision: 'ImplicitDeny',
        decidedBy: resourceSide,
        reason: 'cross-account-no-resource-grant',
      };
    return (
      identitySideFailure(f, true) ?? {
        decision: 'Allow',
        decidedBy: resourceSide,
        reason: 'allowed-cross-account',
      }
    );
  }

  if (grant === 'exact' || grant === 'wildcard') return allowByResource;
  if (grant === 'role') return limitsFailure(f) ?? allowByResource;
  if (grant === null && (resourceSide === 'trust' || isKeyRequest(state))) {
    return {
      decision: 'ImplicitDeny',
      decidedBy: resourceSide,
      reason: 'resource-policy-required',
    };
  }
  if (who.kind === 'root')
    return { decision: 'Allow', decidedBy: 'root', reason: 'allowed-root-user' };
  return (
    identitySideFailure(f, false) ?? {
      decision: 'Allow',
      decidedBy: 'identity',
      reason: 'allowed-by-identity-policy',
    }
  );
}

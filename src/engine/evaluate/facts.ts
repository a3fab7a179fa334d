/**
 * The facts a decision rests on, read from the explained statements of every policy: which
 * policy kinds deny, which allow, and how the resource policy names the principal.
 */
import { hasIdentitySide } from '../principal/principal-info.ts';
import type { PrincipalMatchKind } from '../principal/principal-match.ts';
import type { CompiledPolicy, CompiledPolicySet } from './compile.ts';
import type { RequestState } from './context.ts';

export interface Facts {
  /** Whether SCPs, identity policies, the boundary and session policies take part at all. */
  scpApplies: boolean;
  identityApplies: boolean;
  boundaryApplies: boolean;
  sessionApplies: boolean;
  /** Whether session policies were passed (a federated user without one has no permissions). */
  sessionPassed: boolean;
  scpDeny: boolean;
  rcpDeny: boolean;
  resourceDeny: boolean;
  identityDeny: boolean;
  boundaryDeny: boolean;
  sessionDeny: boolean;
  /** First SCP level (root first) with no applicable Allow; -1 when every level allows. */
  scpLevelWithoutAllow: number;
  /** The strongest way an applicable resource-policy Allow names the principal; null when none. */
  resourceGrant: PrincipalMatchKind | null;
  identityAllow: boolean;
  boundaryAllow: boolean;
  sessionAllow: boolean;
}

const ALLOW = 1;
const DENY = 2;

/** How strongly a resource-policy grant names the principal (the strongest one counts). */
export const grantRank: Record<PrincipalMatchKind, number> = {
  account: 1,
  role: 2,
  service: 3,
  federated: 3,
  wildcard: 4,
  exact: 5,
};

/** Which policy kinds take part for this principal. */
export function participation(
  set: CompiledPolicySet,
  state: RequestState,
): Pick<Facts, 'scpApplies' | 'identityApplies' | 'boundaryApplies' | 'sessionApplies'> {
  const kind = state.principal.kind;
  const identityApplies = hasIdentitySide(kind) && kind !== 'root';
  return {
    scpApplies: hasIdentitySide(kind) && set.scp !== undefined,
    identityApplies,
    boundaryApplies: identityApplies && set.boundary !== undefined,
    // GetFederationToken: "if you do not pass a policy with the GetFederationToken API call,
    // the resulting temporary security credentials have no permissions" (IAM User Guide,
    // Permissions for GetFederationToken), so a federated user's session always limits.
    sessionApplies:
      kind === 'federated-user' || (kind === 'role-session' && set.session !== undefined),
  };
}

/** What the explanation of one policy says about it: for {@link factsFromExplained}. */
export interface ExplainedPolicy {
  kind: CompiledPolicy['kind'];
  level?: number;
  statements: readonly {
    applied: boolean;
    effect: 'Allow' | 'Deny' | 'invalid';
    principalMatch?: PrincipalMatchKind;
  }[];
}

/**
 * The facts from explained policies (every statement of every policy evaluated, in order):
 * the explaining path's one pass, held to the fast path's decisions by the differential tests.
 */
export function factsFromExplained(
  set: CompiledPolicySet,
  state: RequestState,
  policies: readonly ExplainedPolicy[],
): Facts {
  const part = participation(set, state);
  let scpDeny = false;
  let rcpDeny = false;
  let resourceDeny = false;
  let identity = 0;
  let boundary = 0;
  let session = 0;
  let grant: PrincipalMatchKind | null = null;
  const scpLevels = set.scp?.length ?? 0;
  let scpAllows = 0; // bit l: some Allow applies at SCP level l
  for (const p of policies) {
    for (const s of p.statements) {
      if (!s.applied || s.effect === 'invalid') continue;
      const flag = s.effect === 'Deny' ? DENY : ALLOW;
      switch (p.kind) {
        case 'scp':
          if (flag === DENY) scpDeny = true;
          else scpAllows |= 1 << (p.level ?? 0);
          break;
        case 'rcp':
          if (flag === DENY) rcpDeny = true;
          break;
        case 'resource':
          if (flag === DENY) resourceDeny = true;
          else {
            const m = s.principalMatch;
            if (m !== undefined && (grant === null || grantRank[m] > grantRank[grant])) grant = m;
          }
          break;
        case 'identity':
          identity |= flag;
          break;
        case 'boundary':
          boundary |= flag;
          break;
        case 'session':
          session |= flag;
          break;
      }
    }
  }
  if (!part.identityApplies) identity = 0;
  if (!part.boundaryApplies) boundary = 0;
  if (!part.sessionApplies) session = 0;
  let scpLevelWithoutAllow = -1;
  if (part.scpApplies)
    for (let l = 0; l < scpLevels; l++)
      if ((scpAllows & (1 << l)) === 0) {
        scpLevelWithoutAllow = l;
        break;
      }
  return {
    scpApplies: part.scpApplies,
    identityApplies: part.identityApplies,
    boundaryApplies: part.boundaryApplies,
    sessionApplies: part.sessionApplies,
    sessionPassed: set.session !== undefined,
    scpDeny: part.scpApplies && scpDeny,
    rcpDeny,
    resourceDeny,
    identityDeny: (identity & DENY) !== 0,
    boundaryDeny: (boundary & DENY) !== 0,
    sessionDeny: (session & DENY) !== 0,
    scpLevelWithoutAllow,
    resourceGrant: grant,
    identityAllow: (identity & ALLOW) !== 0,
    boundaryAllow: (boundary & ALLOW) !== 0,
    sessionAllow: (session & ALLOW) !== 0,
  };
}

/**
 * The facts a decision rests on, gathered in one pass over every applicable statement:
 * which policy kinds deny, which allow, and how the resource policy names the principal.
 */
import { hasIdentitySide } from '../principal/principal-info.ts';
import type { PrincipalMatchKind } from '../principal/principal-match.ts';
import type { CompiledPolicy, CompiledPolicySet } from './compile.ts';
import type { RequestState } from './context.ts';
import { statementMatch } from './statement.ts';

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

/** Bit flags: {@link ALLOW} when an Allow applies, {@link DENY} when a Deny applies. */
function policyFlags(policy: CompiledPolicy, state: RequestState, attached: boolean): number {
  let flags = 0;
  const statements = policy.statements;
  for (let i = 0; i < statements.length; i++) {
    const s = statements[i]!;
    if (statementMatch(s, state, attached) !== null) flags |= s.effect === 'Deny' ? DENY : ALLOW;
  }
  return flags;
}

function listFlags(
  policies: readonly CompiledPolicy[],
  state: RequestState,
  attached: boolean,
): number {
  let flags = 0;
  for (let i = 0; i < policies.length; i++) flags |= policyFlags(policies[i]!, state, attached);
  return flags;
}

const grantRank: Record<PrincipalMatchKind, number> = {
  account: 1,
  role: 2,
  service: 3,
  federated: 3,
  wildcard: 4,
  exact: 5,
};

function resourceFacts(
  policy: CompiledPolicy | undefined,
  state: RequestState,
): { deny: boolean; grant: PrincipalMatchKind | null } {
  let deny = false;
  let grant: PrincipalMatchKind | null = null;
  if (policy === undefined) return { deny, grant };
  for (const s of policy.statements) {
    const m = statementMatch(s, state, true);
    if (m === null) continue;
    if (s.effect === 'Deny') deny = true;
    else if (m !== 'applies' && (grant === null || grantRank[m] > grantRank[grant])) grant = m;
  }
  return { deny, grant };
}

/** Gathers the facts (fast path: no explanation objects). */
export function gatherFacts(set: CompiledPolicySet, state: RequestState): Facts {
  const kind = state.principal.kind;
  const identityApplies = hasIdentitySide(kind) && kind !== 'root';
  const scpApplies = hasIdentitySide(kind) && set.scp !== undefined;
  const boundaryApplies = identityApplies && set.boundary !== undefined;
  // GetFederationToken: "if you do not pass a policy with the GetFederationToken API call,
  // the resulting temporary security credentials have no permissions" (IAM User Guide,
  // Permissions for GetFederationToken), so a federated user's session always limits.
  const sessionApplies =
    kind === 'federated-user' || (kind === 'role-session' && set.session !== undefined);

  let scpDeny = false;
  let scpLevelWithoutAllow = -1;
  if (scpApplies) {
    const levels = set.scp!;
    for (let l = 0; l < levels.length; l++) {
      const flags = listFlags(levels[l]!, state, false);
      if (flags & DENY) scpDeny = true;
      if (!(flags & ALLOW) && scpLevelWithoutAllow < 0) scpLevelWithoutAllow = l;
    }
  }
  let rcpDeny = false;
  for (const level of set.rcp) if (listFlags(level, state, true) & DENY) rcpDeny = true;
  const resource = resourceFacts(set.resource, state);
  const identity = identityApplies ? listFlags(set.identity, state, false) : 0;
  const boundary = boundaryApplies ? policyFlags(set.boundary!, state, false) : 0;
  const session = sessionApplies && set.session ? listFlags(set.session, state, false) : 0;
  return {
    scpApplies,
    identityApplies,
    boundaryApplies,
    sessionApplies,
    sessionPassed: set.session !== undefined,
    scpDeny,
    rcpDeny,
    resourceDeny: resource.deny,
    identityDeny: (identity & DENY) !== 0,
    boundaryDeny: (boundary & DENY) !== 0,
    sessionDeny: (session & DENY) !== 0,
    scpLevelWithoutAllow,
    resourceGrant: resource.grant,
    identityAllow: (identity & ALLOW) !== 0,
    boundaryAllow: (boundary & ALLOW) !== 0,
    sessionAllow: (session & ALLOW) !== 0,
  };
}

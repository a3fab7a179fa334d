/**
 * The facts a decision rests on, read as the explaining path explains every statement: which
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

/** The policy kinds that take part for a principal. */
export type Participation = Pick<
  Facts,
  'scpApplies' | 'identityApplies' | 'boundaryApplies' | 'sessionApplies'
>;

/** Which policy kinds take part for this principal. */
export function participation(set: CompiledPolicySet, state: RequestState): Participation {
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

/**
 * The facts read while the explaining path explains every statement of every policy, in
 * order (one pass: nothing is walked again afterwards). Reused: evaluation is synchronous.
 * Held to the fast path's decisions by the differential and realistic tests.
 */
export class FactsTally {
  private scpDeny = false;
  private rcpDeny = false;
  private resourceDeny = false;
  private identity = 0;
  private boundary = 0;
  private session = 0;
  private grant: PrincipalMatchKind | null = null;
  /** Bit l: some Allow applies at SCP level l. */
  private scpAllows = 0;

  reset(): this {
    this.scpDeny = this.rcpDeny = this.resourceDeny = false;
    this.identity = this.boundary = this.session = this.scpAllows = 0;
    this.grant = null;
    return this;
  }

  /** A statement with a valid Effect that applies; `match` is how it named the principal, if it checks one. */
  add(
    kind: CompiledPolicy['kind'],
    level: number | undefined,
    deny: boolean,
    match: PrincipalMatchKind | 'applies' | null,
  ): void {
    const flag = deny ? DENY : ALLOW;
    switch (kind) {
      case 'scp':
        if (deny) this.scpDeny = true;
        else this.scpAllows |= 1 << (level ?? 0);
        break;
      case 'rcp':
        if (deny) this.rcpDeny = true;
        break;
      case 'resource':
        if (deny) this.resourceDeny = true;
        else if (
          match !== null &&
          match !== 'applies' &&
          (this.grant === null || grantRank[match] > grantRank[this.grant])
        )
          this.grant = match;
        break;
      case 'identity':
        this.identity |= flag;
        break;
      case 'boundary':
        this.boundary |= flag;
        break;
      case 'session':
        this.session |= flag;
        break;
    }
  }

  /** The facts, given which kinds take part ({@link participation}). */
  facts(set: CompiledPolicySet, part: Participation): Facts {
    const identity = part.identityApplies ? this.identity : 0;
    const boundary = part.boundaryApplies ? this.boundary : 0;
    const session = part.sessionApplies ? this.session : 0;
    let scpLevelWithoutAllow = -1;
    if (part.scpApplies)
      for (let l = 0; l < (set.scp?.length ?? 0); l++)
        if ((this.scpAllows & (1 << l)) === 0) {
          scpLevelWithoutAllow = l;
          break;
        }
    return {
      scpApplies: part.scpApplies,
      identityApplies: part.identityApplies,
      boundaryApplies: part.boundaryApplies,
      sessionApplies: part.sessionApplies,
      sessionPassed: set.session !== undefined,
      scpDeny: part.scpApplies && this.scpDeny,
      rcpDeny: this.rcpDeny,
      resourceDeny: this.resourceDeny,
      identityDeny: (identity & DENY) !== 0,
      boundaryDeny: (boundary & DENY) !== 0,
      sessionDeny: (session & DENY) !== 0,
      scpLevelWithoutAllow,
      resourceGrant: this.grant,
      identityAllow: (identity & ALLOW) !== 0,
      boundaryAllow: (boundary & ALLOW) !== 0,
      sessionAllow: (session & ALLOW) !== 0,
    };
  }
}

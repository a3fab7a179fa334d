/**
 * The fast path. A compiled set is indexed by action once per distinct action: for each
 * policy kind, only the statements whose Effect is valid and whose Action/NotAction covers
 * the action, split into denies and allows (RCP allows are dropped: RCPFullAWSAccess allows at
 * every level). A request then visits only those statements, denies first, and stops at the
 * first that settles the decision. `decide.ts` with `facts.ts` is the reference (the
 * explanation uses it); the differential tests hold the two to the same decisions.
 */
import type { Decision } from '../types.ts';
import { hasIdentitySide } from '../principal/principal-info.ts';
import type { PrincipalMatchKind } from '../principal/principal-match.ts';
import type { CompiledPolicy, CompiledPolicySet, CompiledStatement } from './compile.ts';
import type { RequestState } from './context.ts';
import { isKeyRequest, isRoleAction } from './decide.ts';
import { grantRank } from './facts.ts';
import { actionInSet } from './action-set.ts';
import { appliesBeyondAction } from './statement.ts';

type Statements = readonly CompiledStatement[];

/** The statements of a set that can apply to one action. */
export interface ActionPlan {
  actionLower: string;
  /**
   * Per statement of the set, in the explanation's order (SCP levels, RCP levels, resource,
   * identity, boundary, session), 1 when its Action/NotAction covers the action (whatever its
   * Effect): the explanation reads it instead of testing the action again.
   */
  covers: Uint8Array;
  /**
   * The place (index of `covers`) of each statement of the lists below: the explaining path's
   * first pass records what it found there. (A set may join policies compiled apart, so the
   * place is the plan's, not the statement's.)
   */
  places: ReadonlyMap<CompiledStatement, number>;
  /** The explanation's notes for a statement whose Action (NotAction) does not cover the action. */
  actionNote: string;
  notActionNote: string;
  scpDeny: Statements;
  /** Per SCP level (root first), its Allow statements. */
  scpAllow: Statements[];
  rcpDeny: Statements;
  resourceDeny: Statements;
  resourceAllow: Statements;
  identityDeny: Statements;
  identityAllow: Statements;
  boundaryDeny: Statements;
  boundaryAllow: Statements;
  sessionDeny: Statements;
  sessionAllow: Statements;
}

/** Statements of the set seen so far while a plan is built (its `covers` index). */
let walked = 0;
/** The set's statement count is not known before the walk: `covers` grows as needed. */
let coverage = new Uint8Array(64);
/** The places of the plan being built (see `ActionPlan.places`). */
let places = new Map<CompiledStatement, number>();

function split(
  policies: readonly CompiledPolicy[],
  actionLower: string,
  deny: CompiledStatement[],
  allow: CompiledStatement[] | null,
): void {
  for (const p of policies)
    for (const s of p.statements) {
      const covered = s.actions !== null && actionInSet(s.actions, actionLower) !== s.notAction;
      if (walked === coverage.length) {
        const grown = new Uint8Array(coverage.length * 2);
        grown.set(coverage);
        coverage = grown;
      }
      coverage[walked] = covered ? 1 : 0;
      const place = walked++;
      if (!covered || s.effect === undefined) continue;
      places.set(s, place);
      if (s.effect === 'Deny') deny.push(s);
      else if (allow !== null) allow.push(s);
    }
}

function buildPlan(set: CompiledPolicySet, actionLower: string): ActionPlan {
  walked = 0;
  places = new Map();
  const plan: ActionPlan = {
    actionLower,
    covers: coverage,
    places,
    actionNote: '',
    notActionNote: '',
    scpDeny: [],
    scpAllow: [],
    rcpDeny: [],
    resourceDeny: [],
    resourceAllow: [],
    identityDeny: [],
    identityAllow: [],
    boundaryDeny: [],
    boundaryAllow: [],
    sessionDeny: [],
    sessionAllow: [],
  };
  const push = (list: Statements) => list as CompiledStatement[];
  for (const level of set.scp ?? []) {
    const allow: CompiledStatement[] = [];
    split(level, actionLower, push(plan.scpDeny), allow);
    plan.scpAllow.push(allow);
  }
  for (const level of set.rcp) split(level, actionLower, push(plan.rcpDeny), null);
  if (set.resource)
    split([set.resource], actionLower, push(plan.resourceDeny), push(plan.resourceAllow));
  split(set.identity, actionLower, push(plan.identityDeny), push(plan.identityAllow));
  if (set.boundary)
    split([set.boundary], actionLower, push(plan.boundaryDeny), push(plan.boundaryAllow));
  split(set.session ?? [], actionLower, push(plan.sessionDeny), push(plan.sessionAllow));
  return compact(plan);
}

const none: Statements = Object.freeze([]);

/** The plan with its empty lists shared: plans stay small, and so quick to walk. */
function compact(plan: ActionPlan): ActionPlan {
  const or = (list: Statements) => (list.length === 0 ? none : list);
  return {
    actionLower: plan.actionLower,
    covers: coverage.slice(0, walked),
    places: plan.places,
    actionNote: `Action does not cover \`${plan.actionLower}\``,
    notActionNote: `NotAction does not cover \`${plan.actionLower}\``,
    scpDeny: or(plan.scpDeny),
    scpAllow: plan.scpAllow.map(or),
    rcpDeny: or(plan.rcpDeny),
    resourceDeny: or(plan.resourceDeny),
    resourceAllow: or(plan.resourceAllow),
    identityDeny: or(plan.identityDeny),
    identityAllow: or(plan.identityAllow),
    boundaryDeny: or(plan.boundaryDeny),
    boundaryAllow: or(plan.boundaryAllow),
    sessionDeny: or(plan.sessionDeny),
    sessionAllow: or(plan.sessionAllow),
  };
}

/**
 * Actions resolved once per spelling into a small integer id (the id of the lower-case
 * action): a set keeps its plans in an array by id, so a request finds its plan by a number.
 * Spellings are property keys of a prototype-less object (interned, cheaper than a Map).
 */
const actionIds = new Map<string, number>();
const actionLowers: string[] = [];
let actionSpellings: Record<string, number> = Object.create(null) as Record<string, number>;
let actionSpellingCount = 0;
/** Beyond this many distinct actions a plan is built per request instead of kept. */
const actionLimit = 1 << 16;

function actionIdOf(action: string): number {
  let id = actionSpellings[action];
  if (id !== undefined) return id;
  const lower = action.toLowerCase();
  id = actionIds.get(lower);
  if (id === undefined) {
    if (actionIds.size >= actionLimit) return -1;
    id = actionIds.size;
    actionIds.set(lower, id);
    actionLowers.push(lower);
  }
  if (actionSpellingCount >= 4096) {
    actionSpellings = Object.create(null) as Record<string, number>;
    actionSpellingCount = 0;
  }
  actionSpellings[action] = id;
  actionSpellingCount++;
  return id;
}

/** The set's plan for an action as the request spells it (built on first use, kept with the set by action id). */
export function planFor(set: CompiledPolicySet, action: string): ActionPlan {
  const id = actionIdOf(action);
  if (id < 0) return buildPlan(set, action.toLowerCase());
  const plans = set.plans;
  let plan = plans[id];
  if (plan === undefined) {
    plan = buildPlan(set, actionLowers[id]!);
    plans[id] = plan;
  }
  return plan;
}

function anyApplies(list: Statements, state: RequestState, attached: boolean): boolean {
  for (let i = 0; i < list.length; i++)
    if (appliesBeyondAction(list[i]!, state, attached) !== null) return true;
  return false;
}

/** The strongest way an applicable resource-policy Allow names the principal. */
function resourceGrant(list: Statements, state: RequestState): PrincipalMatchKind | null {
  let grant: PrincipalMatchKind | null = null;
  for (let i = 0; i < list.length; i++) {
    const m = appliesBeyondAction(list[i]!, state, true);
    if (m === null || m === 'applies') continue;
    if (grant === null || grantRank[m] > grantRank[grant]) {
      grant = m;
      if (m === 'exact') break;
    }
  }
  return grant;
}

/** The decision by the policies (as `decide` gives it from the facts), computed lazily. */
export function fastDecision(
  plan: ActionPlan,
  set: CompiledPolicySet,
  state: RequestState,
): Decision {
  const who = state.principal;
  const kind = who.kind;
  const identitySide = hasIdentitySide(kind);
  const identityApplies = identitySide && kind !== 'root';
  const scpApplies = identitySide && set.scp !== undefined;
  const boundaryApplies = identityApplies && set.boundary !== undefined;
  const sessionApplies =
    kind === 'federated-user' || (kind === 'role-session' && set.session !== undefined);

  if (scpApplies && anyApplies(plan.scpDeny, state, false)) return 'ExplicitDeny';
  if (anyApplies(plan.rcpDeny, state, true)) return 'ExplicitDeny';
  if (anyApplies(plan.resourceDeny, state, true)) return 'ExplicitDeny';
  if (identityApplies && anyApplies(plan.identityDeny, state, false)) return 'ExplicitDeny';
  if (boundaryApplies && anyApplies(plan.boundaryDeny, state, false)) return 'ExplicitDeny';
  if (sessionApplies && anyApplies(plan.sessionDeny, state, false)) return 'ExplicitDeny';
  if (scpApplies)
    for (let l = 0; l < plan.scpAllow.length; l++)
      if (!anyApplies(plan.scpAllow[l]!, state, false)) return 'ImplicitDeny';

  const grant = resourceGrant(plan.resourceAllow, state);
  if (!scpApplies && !identityApplies && kind !== 'root')
    return grant !== null ? 'Allow' : 'ImplicitDeny';

  const crossAccount = state.resourceAccount !== undefined && who.account !== state.resourceAccount;
  if (crossAccount) {
    if (grant === null) return 'ImplicitDeny';
    return identitySideHolds(plan, state, identityApplies, boundaryApplies, sessionApplies);
  }
  if (grant === 'exact' || grant === 'wildcard') return 'Allow';
  if (grant === 'role') return limitsHold(plan, state, boundaryApplies, sessionApplies);
  if (grant === null && (isRoleAction(state.actionLower) || isKeyRequest(state)))
    return 'ImplicitDeny';
  if (kind === 'root') return 'Allow';
  return identitySideHolds(plan, state, identityApplies, boundaryApplies, sessionApplies);
}

// Plain functions rather than closures: no function object is made per request.
function limitsHold(
  plan: ActionPlan,
  state: RequestState,
  boundaryApplies: boolean,
  sessionApplies: boolean,
): Decision {
  if (boundaryApplies && !anyApplies(plan.boundaryAllow, state, false)) return 'ImplicitDeny';
  if (sessionApplies && !anyApplies(plan.sessionAllow, state, false)) return 'ImplicitDeny';
  return 'Allow';
}

function identitySideHolds(
  plan: ActionPlan,
  state: RequestState,
  identityApplies: boolean,
  boundaryApplies: boolean,
  sessionApplies: boolean,
): Decision {
  if (!identityApplies) return 'Allow';
  if (!anyApplies(plan.identityAllow, state, false)) return 'ImplicitDeny';
  return limitsHold(plan, state, boundaryApplies, sessionApplies);
}

/**
 * The explaining path's first pass: the statements of the plan (their Action covers the
 * request's action) tested with the fast path's matchers, tallied into the facts a decision
 * rests on, and the applied ones kept to name the decisive statements.
 */
import type { CompiledPolicy, CompiledPolicySet, CompiledStatement } from './compile.ts';
import type { RequestState } from './context.ts';
import type { Outcome } from './decide.ts';
import type { StatementRef } from './explain.ts';
import { FactsTally, type Facts, type Participation } from './facts.ts';
import type { ActionPlan } from './plan.ts';
import { testedMatch, testStatement } from './statement.ts';

/** The facts, gathered from the statements that apply (reused: evaluation is synchronous). */
const tally = new FactsTally();
/**
 * The statements of considered policies that applied, denies and allows apart, each in
 * explanation order: the decisive statements are picked from these (reused; `denied` and
 * `allowed` of them are in use).
 */
const appliedDenies: CompiledStatement[] = [];
const appliedAllows: CompiledStatement[] = [];
let denied = 0;
let allowed = 0;
/**
 * What the first pass found, as pairs of a statement's place (`ActionPlan.places`) and its `Tested` result, in
 * the order tested (reused): the explanation of every policy reads them instead of testing
 * those statements again ({@link testedResults}).
 */
const results: number[] = [];
let resultCount = 0;
const noResults: readonly number[] = Object.freeze([]);

/** A copy of the first pass's results for the request just explained (they outlive the pass). */
export function testedResults(): readonly number[] {
  return resultCount === 0 ? noResults : results.slice(0, resultCount);
}

/**
 * Tallies the statements of one list of the plan (their Action covers the request's action and
 * their Effect is valid) that apply, with the fast path's test; those of considered policies
 * are noted for the decisive statements, and every result for the explanation.
 */
function tallyApplied(
  places: ReadonlyMap<CompiledStatement, number>,
  list: readonly CompiledStatement[],
  state: RequestState,
  attached: boolean,
  considered: boolean,
): void {
  for (let i = 0; i < list.length; i++) {
    const s = list[i]!;
    const tested = testStatement(s, state, attached);
    results[resultCount++] = places.get(s)!;
    results[resultCount++] = tested;
    const match = testedMatch(tested);
    if (match === null) continue;
    const deny = s.effect === 'Deny';
    tally.add(s.policy.kind, s.policy.level, deny, match);
    if (!considered) continue;
    if (deny) appliedDenies[denied++] = s;
    else appliedAllows[allowed++] = s;
  }
}

/**
 * The facts of the request, from the statements that can apply to its action (the plan's
 * lists, in explanation order). A kind that takes no part is skipped: `FactsTally.facts`
 * leaves it out anyway (RCP allows are not in the plan: they decide nothing).
 */
export function gatherFacts(
  set: CompiledPolicySet,
  state: RequestState,
  plan: ActionPlan,
  part: Participation,
): Facts {
  const places = plan.places;
  tally.reset();
  denied = 0;
  allowed = 0;
  resultCount = 0;
  if (part.scpApplies) {
    tallyApplied(places, plan.scpDeny, state, false, true);
    for (let l = 0; l < plan.scpAllow.length; l++)
      tallyApplied(places, plan.scpAllow[l]!, state, false, true);
  }
  tallyApplied(places, plan.rcpDeny, state, true, true);
  tallyApplied(places, plan.resourceDeny, state, true, true);
  tallyApplied(places, plan.resourceAllow, state, true, true);
  if (part.identityApplies) {
    tallyApplied(places, plan.identityDeny, state, false, true);
    tallyApplied(places, plan.identityAllow, state, false, true);
  }
  if (part.boundaryApplies) {
    tallyApplied(places, plan.boundaryDeny, state, false, true);
    tallyApplied(places, plan.boundaryAllow, state, false, true);
  }
  if (part.sessionApplies) {
    tallyApplied(places, plan.sessionDeny, state, false, true);
    tallyApplied(places, plan.sessionAllow, state, false, true);
  }
  return tally.facts(set, part);
}

/** Which applied statements count as decisive. */
type Pick = 'deny' | 'resource-grant' | 'cross-account' | 'scp' | 'identity-side';

function picked(pick: Pick, p: CompiledPolicy, s: CompiledStatement, f: Facts): boolean {
  const identitySide =
    p.kind === 'identity' || p.kind === 'boundary' || p.kind === 'session' || p.kind === 'scp';
  switch (pick) {
    case 'deny':
      return s.effect === 'Deny';
    case 'resource-grant':
      return p.kind === 'resource' || (p.kind === 'scp' && f.scpApplies);
    case 'cross-account':
      return p.kind === 'resource' || identitySide;
    case 'scp':
      return p.kind === 'scp';
    case 'identity-side':
      return identitySide;
  }
}

/**
 * The applied statements of considered policies that `pick` selects, in explanation order.
 * A deny picks from the applied denies; every other pick is made for an Allow, when no
 * considered Deny applied, so from the applied allows.
 */
function refs(pick: Pick, f: Facts): StatementRef[] {
  const out: StatementRef[] = [];
  const list = pick === 'deny' ? appliedDenies : appliedAllows;
  const n = pick === 'deny' ? denied : allowed;
  for (let i = 0; i < n; i++) {
    const s = list[i]!;
    const p = s.policy;
    if (!picked(pick, p, s, f)) continue;
    const kind = p.kind;
    const policyIndex = p.index;
    const statementIndex = s.index;
    const effect = s.effect!;
    const { level } = p;
    const { sid } = s;
    // One literal per shape; `level` and `sid` last, as they always have been.
    out.push(
      level === undefined
        ? sid === undefined
          ? { kind, policyIndex, statementIndex, effect }
          : { kind, policyIndex, statementIndex, effect, sid }
        : sid === undefined
          ? { kind, policyIndex, statementIndex, effect, level }
          : { kind, policyIndex, statementIndex, effect, level, sid },
    );
  }
  return out;
}

export function decisiveStatements(o: Outcome, f: Facts): StatementRef[] {
  if (o.decision === 'ExplicitDeny') return refs('deny', f);
  if (o.decision === 'ImplicitDeny') return [];
  switch (o.reason) {
    case 'no-permission-required':
      return [];
    case 'allowed-by-resource-policy':
      return refs('resource-grant', f);
    case 'allowed-cross-account':
      return refs('cross-account', f);
    case 'allowed-root-user':
      return refs('scp', f);
    default:
      return refs('identity-side', f);
  }
}

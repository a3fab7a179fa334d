/** Whether one compiled statement applies to a request: action, resource, principal, conditions. */
import {
  conditionHolds,
  explainCondition,
  type ConditionExplanation,
} from '../conditions/condition.ts';
import {
  matchPrincipal,
  notPrincipalCovers,
  notPrincipalNames,
  type PrincipalMatchKind,
} from '../principal/principal-match.ts';
import { anyResourceMatches } from '../match/resource-pattern.ts';
import type { CompiledStatement } from './compile.ts';
import type { RequestState } from './context.ts';
import type { ActionPlan } from './plan.ts';

/** `applies` for statements without a principal check; a match kind for those with one. */
export type StatementMatch = PrincipalMatchKind | 'applies' | null;

/** Where a statement stopped applying. */
type Mismatch = 'effect' | 'action' | 'resource' | 'principal' | 'condition';

function resourceMatches(s: CompiledStatement, state: RequestState, attached: boolean): boolean {
  const one = s.resourceTest;
  if (one !== undefined) return one(state.resource, state.resourceArn) !== s.notResource;
  if (s.resources === null) return attached;
  return anyResourceMatches(s.resources, state) !== s.notResource;
}

function principalMatches(s: CompiledStatement, state: RequestState): StatementMatch {
  const p = s.principal;
  if (p === undefined) return null;
  if (!s.notPrincipal) return matchPrincipal(p, state);
  if (s.effect === 'Allow') return notPrincipalNames(p, state) ? null : 'wildcard';
  // "The NotPrincipal element with a Deny effect will always deny any IAM principal that has
  // a permissions boundary policy attached, regardless of the values specified in the
  // NotPrincipal element" (Permissions boundaries for IAM entities).
  const boundaryCaveat =
    s.effect === 'Deny' &&
    state.hasBoundary &&
    ['user', 'role', 'role-session'].includes(state.principal.kind);
  return boundaryCaveat || !notPrincipalCovers(p, state) ? 'wildcard' : null;
}

/**
 * Whether an action-matching statement applies (the fast path's test; see `plan.ts`).
 * `attached` is true for policies attached to the resource (resource policies and RCPs): a
 * missing Resource there means the resource itself, and the principal is checked.
 */
export function appliesBeyondAction(
  s: CompiledStatement,
  state: RequestState,
  attached: boolean,
): StatementMatch {
  if (!resourceMatches(s, state, attached)) return null;
  let match: StatementMatch = 'applies';
  if (attached) {
    match = principalMatches(s, state);
    if (match === null) return null;
  }
  const conditions = s.conditions;
  for (let i = 0; i < conditions.length; i++)
    if (!conditionHolds(conditions[i]!, state.lookup)) return null;
  return match;
}

/**
 * What the explaining path's first pass found about a statement ({@link testStatement}): how
 * far it got (`stage`, the bits above 3) and how the principal matched (`PRINCIPAL_MATCHES`
 * index, the low 3 bits). The explanation reads it instead of testing the statement again.
 */
export type Tested = number;
/** Not tested by the first pass (its Action does not cover the action, or its kind took no part). */
export const UNTESTED: Tested = -1;
const RESOURCE_FAILED = 0;
const PRINCIPAL_FAILED = 1 << 3;
const CONDITION_FAILED = 2 << 3;
const APPLIED = 3 << 3;
/** `applies` (no principal check) and the principal match kinds, by their index in a {@link Tested}. */
const PRINCIPAL_MATCHES: readonly StatementMatch[] = [
  'applies',
  'exact',
  'role',
  'account',
  'wildcard',
  'service',
  'federated',
];
const matchIndex: Readonly<Record<PrincipalMatchKind | 'applies', number>> = {
  applies: 0,
  exact: 1,
  role: 2,
  account: 3,
  wildcard: 4,
  service: 5,
  federated: 6,
};

/**
 * {@link appliesBeyondAction} (same checks, same order, same early exits), telling where the
 * statement stopped applying: the explaining path's first pass.
 */
export function testStatement(
  s: CompiledStatement,
  state: RequestState,
  attached: boolean,
): Tested {
  if (!resourceMatches(s, state, attached)) return RESOURCE_FAILED;
  let principal = 0;
  if (attached) {
    const match = principalMatches(s, state);
    if (match === null) return PRINCIPAL_FAILED;
    principal = matchIndex[match];
  }
  const conditions = s.conditions;
  for (let i = 0; i < conditions.length; i++)
    if (!conditionHolds(conditions[i]!, state.lookup)) return CONDITION_FAILED | principal;
  return APPLIED | principal;
}

/** The statement's match as {@link appliesBeyondAction} gives it, from what the first pass found. */
export function testedMatch(tested: Tested): StatementMatch {
  return tested >= APPLIED ? PRINCIPAL_MATCHES[tested & 7]! : null;
}

/** Everything the explanation shows about one statement. */
export interface StatementExplanation {
  index: number;
  sid?: string;
  effect: 'Allow' | 'Deny' | 'invalid';
  applied: boolean;
  /** The first check that failed, when the statement did not apply. */
  mismatch?: Mismatch;
  actionMatched: boolean;
  resourceMatched: boolean;
  /** Undefined where the policy kind has no principal check. */
  principalMatched?: boolean;
  /** How the principal was named, when it matched. */
  principalMatch?: PrincipalMatchKind;
  /** Every condition, evaluated (even after one failed, so the UI can show them all). */
  conditions: ConditionExplanation[];
  /** A sentence saying why it did or did not apply. */
  note: string;
}

/** The conditions of every explanation of a statement without any (shared, frozen). */
const noConditions: ConditionExplanation[] = Object.freeze([]) as never[];

/**
 * The statement explanation, made whole by one object literal per shape (which optional
 * properties it has): V8 gives each literal its own hidden class at allocation, so nothing is
 * added to an object after it is made (no transition, no out-of-object property store). The
 * key order is the one explanations have always printed: the optional keys come last.
 */
function statementOf(
  s: CompiledStatement,
  applied: boolean,
  actionMatched: boolean,
  resourceMatched: boolean,
  conditions: ConditionExplanation[],
  note: string,
  mismatch: Mismatch | undefined,
  attached: boolean,
  principal: StatementMatch,
): StatementExplanation {
  const index = s.index;
  const effect = s.effect ?? 'invalid';
  const sid = s.sid;
  if (!attached) {
    if (sid === undefined)
      return mismatch === undefined
        ? {
            index,
            effect,
            applied,
            actionMatched,
            resourceMatched,
            conditions,
            note,
          }
        : {
            index,
            effect,
            applied,
            actionMatched,
            resourceMatched,
            conditions,
            note,
            mismatch,
          };
    return mismatch === undefined
      ? {
          index,
          effect,
          applied,
          actionMatched,
          resourceMatched,
          conditions,
          note,
          sid,
        }
      : {
          index,
          effect,
          applied,
          actionMatched,
          resourceMatched,
          conditions,
          note,
          sid,
          mismatch,
        };
  }
  if (principal === null || principal === 'applies') {
    // 'applies' never comes from a principal check; it is kept with `principalMatched` alone.
    const principalMatched = principal !== null;
    if (sid === undefined)
      return mismatch === undefined
        ? {
            index,
            effect,
            applied,
            actionMatched,
            resourceMatched,
            conditions,
            note,
            principalMatched,
          }
        : {
            index,
            effect,
            applied,
            actionMatched,
            resourceMatched,
            conditions,
            note,
            mismatch,
            principalMatched,
          };
    return mismatch === undefined
      ? {
          index,
          effect,
          applied,
          actionMatched,
          resourceMatched,
          conditions,
          note,
          sid,
          principalMatched,
        }
      : {
          index,
          effect,
          applied,
          actionMatched,
          resourceMatched,
          conditions,
          note,
          sid,
          mismatch,
          principalMatched,
        };
  }
  const principalMatch = principal;
  if (sid === undefined)
    return mismatch === undefined
      ? {
          index,
          effect,
          applied,
          actionMatched,
          resourceMatched,
          conditions,
          note,
          principalMatched: true,
          principalMatch,
        }
      : {
          index,
          effect,
          applied,
          actionMatched,
          resourceMatched,
          conditions,
          note,
          mismatch,
          principalMatched: true,
          principalMatch,
        };
  return mismatch === undefined
    ? {
        index,
        effect,
        applied,
        actionMatched,
        resourceMatched,
        conditions,
        note,
        sid,
        principalMatched: true,
        principalMatch,
      }
    : {
        index,
        effect,
        applied,
        actionMatched,
        resourceMatched,
        conditions,
        note,
        sid,
        mismatch,
        principalMatched: true,
        principalMatch,
      };
}

/**
 * Slow test that records why (for explanations). `actionMatched` comes from the plan
 * (`ActionPlan.covers`), and so does the note when the action is not covered. What the first
 * pass found (`tested`) is not tested again: the resource, and the principal when the first
 * pass got that far; the conditions are explained (each comparison) once, here.
 */
export function explainStatement(
  s: CompiledStatement,
  state: RequestState,
  attached: boolean,
  actionMatched: boolean,
  plan: ActionPlan,
  tested: Tested,
): StatementExplanation {
  const resourceMatched =
    tested === UNTESTED ? resourceMatches(s, state, attached) : tested >= PRINCIPAL_FAILED;
  const principal = !attached
    ? 'applies'
    : tested >= CONDITION_FAILED
      ? PRINCIPAL_MATCHES[tested & 7]!
      : tested === PRINCIPAL_FAILED
        ? null
        : principalMatches(s, state);
  const n = s.conditions.length;
  const conditions: ConditionExplanation[] = n === 0 ? noConditions : new Array(n);
  let failed = -1;
  for (let i = 0; i < n; i++) {
    const c = explainCondition(s.conditions[i]!, state.lookup);
    conditions[i] = c;
    if (failed < 0 && !c.matched) failed = i;
  }
  let mismatch: Mismatch | undefined;
  let note: string;
  if (s.effect === undefined) {
    mismatch = 'effect';
    note = 'the statement has no valid Effect';
  } else if (!actionMatched) {
    mismatch = 'action';
    note =
      s.actions === null
        ? 'the statement has no Action or NotAction'
        : s.notAction
          ? plan.notActionNote
          : plan.actionNote;
  } else if (!resourceMatched) {
    mismatch = 'resource';
    note =
      s.resources === null
        ? 'the statement has no Resource or NotResource'
        : state.resourceNote(s.notResource);
  } else if (principal === null) {
    mismatch = 'principal';
    note =
      s.principal === undefined
        ? 'the statement names no Principal'
        : state.principalNote(s.notPrincipal);
  } else if (failed >= 0) {
    mismatch = 'condition';
    note = s.conditions[failed]!.failNote;
  } else note = 'the statement applies';
  return statementOf(
    s,
    mismatch === undefined,
    actionMatched,
    resourceMatched,
    conditions,
    note,
    mismatch,
    attached,
    principal,
  );
}

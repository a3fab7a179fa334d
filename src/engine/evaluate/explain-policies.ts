/**
 * Every policy of a set explained statement by statement, in evaluation order (SCP levels,
 * RCP levels, resource, identity, boundary, session): the `policies` of an explanation.
 */
import type { CompiledPolicy, CompiledPolicySet } from './compile.ts';
import type { RequestState } from './context.ts';
import { isKeyRequest, isRoleAction } from './decide.ts';
import type { PolicyExplanation } from './explain.ts';
import type { Participation } from './facts.ts';
import type { ActionPlan } from './plan.ts';
import { explainStatement, UNTESTED, type StatementExplanation } from './statement.ts';

function label(p: CompiledPolicy, state: RequestState): string {
  if (p.kind !== 'resource') return p.label;
  return isRoleAction(state.actionLower)
    ? 'role trust policy'
    : isKeyRequest(state)
      ? 'key policy'
      : 'resource-based policy';
}

/** Statements of the set explained so far: the place in `ActionPlan.covers`. */
let walked = 0;
/** The first pass's result (`Tested`) by place (`ActionPlan.places`); `UNTESTED` elsewhere (reused). */
let testedAt = new Int8Array(64);

/**
 * One policy explanation literal per shape (`level`, `notConsideredReason` or neither), so
 * nothing is added after it is made; the optional keys come last, as they always have.
 */
function policyOf(
  p: CompiledPolicy,
  label: string,
  considered: boolean,
  allows: boolean,
  denies: boolean,
  statements: StatementExplanation[],
  why: string | undefined,
): PolicyExplanation {
  const { kind, index, implicit, level } = p;
  const notConsideredReason = considered ? undefined : why;
  if (level === undefined)
    return notConsideredReason
      ? {
          kind,
          index,
          implicit,
          label,
          considered,
          allows,
          denies,
          statements,
          notConsideredReason,
        }
      : {
          kind,
          index,
          implicit,
          label,
          considered,
          allows,
          denies,
          statements,
        };
  return notConsideredReason
    ? {
        kind,
        index,
        implicit,
        label,
        considered,
        allows,
        denies,
        statements,
        level,
        notConsideredReason,
      }
    : {
        kind,
        index,
        implicit,
        label,
        considered,
        allows,
        denies,
        statements,
        level,
      };
}

function explainPolicy(
  p: CompiledPolicy,
  state: RequestState,
  plan: ActionPlan,
  considered: boolean,
  why?: string,
): PolicyExplanation {
  const attached = p.kind === 'resource' || p.kind === 'rcp';
  const compiled = p.statements;
  const statements: StatementExplanation[] = new Array(compiled.length);
  const covers = plan.covers;
  let allows = false;
  let denies = false;
  for (let i = 0; i < compiled.length; i++) {
    const c = compiled[i]!;
    const at = walked++;
    const s = explainStatement(c, state, attached, covers[at] === 1, plan, testedAt[at]!);
    statements[i] = s;
    if (!s.applied) continue;
    // A statement applies only with a valid Effect.
    if (c.effect === 'Deny') denies = true;
    else allows = true;
  }
  return policyOf(
    p,
    label(p, state),
    considered,
    considered && allows,
    considered && denies,
    statements,
    why,
  );
}

/**
 * Every policy of the set explained, statement by statement, in evaluation order; `tested`:
 * what the first pass found (pairs of place and result, from `testedResults`).
 */
export function explainPolicies(
  set: CompiledPolicySet,
  state: RequestState,
  plan: ActionPlan,
  part: Participation,
  tested: readonly number[],
): PolicyExplanation[] {
  walked = 0;
  const n = plan.covers.length;
  if (testedAt.length < n) testedAt = new Int8Array(Math.max(n, testedAt.length * 2));
  testedAt.fill(UNTESTED, 0, n);
  for (let i = 0; i < tested.length; i += 2) testedAt[tested[i]!] = tested[i + 1]!;
  const policies: PolicyExplanation[] = [];
  const noIdentity = 'this principal has no identity-based permissions';
  for (const level of set.scp ?? [])
    for (const p of level)
      policies.push(
        explainPolicy(
          p,
          state,
          plan,
          part.scpApplies,
          'SCPs apply only to principals of member accounts',
        ),
      );
  for (const level of set.rcp)
    for (const p of level) policies.push(explainPolicy(p, state, plan, true));
  if (set.resource) policies.push(explainPolicy(set.resource, state, plan, true));
  for (const p of set.identity)
    policies.push(explainPolicy(p, state, plan, part.identityApplies, noIdentity));
  if (set.boundary)
    policies.push(explainPolicy(set.boundary, state, plan, part.boundaryApplies, noIdentity));
  for (const p of set.session ?? [])
    policies.push(
      explainPolicy(
        p,
        state,
        plan,
        part.sessionApplies,
        'session policies apply only to role sessions and federated users',
      ),
    );
  return policies;
}

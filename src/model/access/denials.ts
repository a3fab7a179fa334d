// The verdicts of a denial: as the engine explained it (`denied`), or STS's own refusal
// before any policy (`stsDenied`); and the rounds of proposed context that may turn a denial
// into a conditional grant (`solve`).

import type { Explanation } from '../../engine';
import type { AssumeRoleResult, ContextMap } from '../../sts';
import { deniedWhen, proposeContext, type ConditionNeed } from './solve';
import { decidingStatement, type AccessVerdict } from './verdict';

const ROUNDS = 4;

const AUTHORIZATION_CHECKS = /^(caller-|trust-|role-rcp|decision|tag-session|set-source-identity)/;

/** The failed authorization's explanation, or undefined when STS stopped before any policy. */
export function deniedEvaluation(result: AssumeRoleResult): Explanation | undefined {
  if (result.ok) return undefined;
  if (result.error.checkId && !AUTHORIZATION_CHECKS.test(result.error.checkId)) return undefined;
  return result.evaluations.find((e) => e.decision !== 'Allow')?.explanation;
}

/** Conditions a request met on the way to a denial, with the label of the policy that states each. */
interface MetConditions {
  needs: ConditionNeed[];
  from: string[];
}

/** `the role trust policy also needs ExternalId "x"`: the conditions met before another layer said no. */
function alsoNeeded(met: MetConditions): string {
  const byPolicy = new Map<string, string[]>();
  met.needs.forEach((need, i) => {
    const label = met.from[i] ?? 'the policies';
    const texts = byPolicy.get(label) ?? [];
    if (!texts.includes(need.text)) texts.push(need.text);
    byPolicy.set(label, texts);
  });
  return [...byPolicy]
    .map(([label, texts]) => `the ${label} also needs ${texts.join(', ')}`)
    .join('; ');
}

/**
 * A denial as the engine explained it. `met`: conditions of other statements the request
 * would have to meet as well (found on the way to this explanation); the reason names them
 * after the engine's summary, so it states every reason the request fails, not only one.
 */
export function denied(explanation: Explanation, met?: MetConditions): AccessVerdict {
  const statement = decidingStatement(explanation);
  const also = met && met.needs.length > 0 ? `; ${alsoNeeded(met)}` : '';
  return {
    status: 'denied',
    needs: [],
    context: {},
    reason: `${explanation.summary}${also}`,
    deniedWhen: deniedWhen(explanation),
    layer: explanation.deniedBy ?? explanation.decidedBy,
    ...(statement && explanation.decision === 'ExplicitDeny' ? { statement } : {}),
    explanation,
  };
}

export const stsDenied = (reason: string): AccessVerdict => ({
  status: 'denied',
  needs: [],
  context: {},
  reason,
  deniedWhen: [],
  layer: 'sts',
});

/** Merges proposed context; false when a key already has another value (the conditions contradict). */
function extend(context: ContextMap, more: ContextMap): boolean {
  for (const [key, value] of Object.entries(more)) {
    const existing = Object.keys(context).find((k) => k.toLowerCase() === key.toLowerCase());
    if (existing !== undefined && JSON.stringify(context[existing]) !== JSON.stringify(value))
      return false;
    context[key] = value;
  }
  return true;
}

/**
 * Asks with the default context; when the engine says no, asks again with the context its
 * explanation shows would meet the conditions in the way, up to a few rounds. Conditional
 * when a round is allowed; denied (by the last explanation, naming the conditions met on the
 * way) when meeting them leaves another reason no request context can change; undefined when
 * no condition was in the way to begin with.
 */
export function solve(
  first: Explanation | undefined,
  ask: (context: ContextMap) => Explanation | 'allowed' | undefined,
): AccessVerdict | undefined {
  if (!first) return undefined;
  const context: ContextMap = {};
  const met: MetConditions = { needs: [], from: [] };
  let current = first;
  for (let round = 0; round < ROUNDS; round++) {
    const proposal = proposeContext(current);
    if (!proposal || !extend(context, proposal.context)) break;
    met.needs.push(...proposal.needs);
    met.from.push(...proposal.from);
    const next = ask(context);
    if (next === 'allowed')
      return {
        status: 'conditional',
        needs: met.needs,
        context,
        reason: '',
        deniedWhen: deniedWhen(first),
        explanation: first,
      };
    if (!next) return undefined;
    current = next;
  }
  return current === first ? undefined : denied(current, met);
}

// A call made with session credentials, as steps: each policy layer in the order AWS
// evaluates them (SCP, RCP, resource policy, identity policy, boundary, session policy),
// then the decision and its decisive statement. Every verdict is read from the engine's
// explanation; nothing here re-decides.

import type { Explanation, PolicyExplanation, PolicyKind, StatementRef } from '../../engine';
import type { CallResult } from '../../sts/index.ts';
import type { AnimationStep, StepTone } from './steps';

export const LAYER_ORDER: readonly PolicyKind[] = [
  'scp',
  'rcp',
  'resource',
  'identity',
  'boundary',
  'session',
];

const LAYER_LABELS: Record<PolicyKind, string> = {
  scp: 'Service control policies',
  rcp: 'Resource control policies',
  resource: 'Resource-based policy',
  identity: 'Identity policies',
  boundary: 'Permissions boundary',
  session: 'Session policies',
};

const ABSENT: Record<PolicyKind, string> = {
  scp: "the role's account is in no organization with SCPs",
  rcp: "the resource's account has no RCPs",
  resource: 'the resource has no resource-based policy',
  identity: 'the role has no identity policies',
  boundary: 'the role has no permissions boundary',
  session: 'the session was issued without session policies',
};

function appliedRef(policy: PolicyExplanation, effect: 'Allow' | 'Deny'): StatementRef | undefined {
  const s = policy.statements.find((st) => st.applied && st.effect === effect);
  if (!s) return undefined;
  const ref: StatementRef = {
    kind: policy.kind,
    policyIndex: policy.index,
    statementIndex: s.index,
    effect,
  };
  if (policy.level !== undefined) ref.level = policy.level;
  if (s.sid !== undefined) ref.sid = s.sid;
  return ref;
}

function statementName(policy: PolicyExplanation, ref: StatementRef): string {
  return `statement ${ref.statementIndex + 1}${ref.sid ? ` (\`${ref.sid}\`)` : ''} of ${policy.label}`;
}

/** One layer's verdict as the explanation records it. */
function layerStep(kind: PolicyKind, explanation: Explanation, action: string): AnimationStep {
  const base = { id: `layer:${kind}`, kind: 'check' as const, label: LAYER_LABELS[kind] };
  const policies = explanation.policies.filter((p) => p.kind === kind);
  const step = (tone: StepTone, reason: string, ref?: StatementRef): AnimationStep => {
    const out: AnimationStep = { ...base, tone, reason };
    if (tone === 'skip') out.word = 'not in play';
    if (tone === 'neutral') out.word = 'no effect';
    if (ref) out.reference = { call: ref };
    return out;
  };
  if (policies.length === 0) return step('skip', ABSENT[kind]);
  const considered = policies.filter((p) => p.considered);
  if (considered.length === 0)
    return step('skip', policies[0]?.notConsideredReason ?? 'not considered for this principal');
  for (const policy of considered) {
    const ref = policy.denies ? appliedRef(policy, 'Deny') : undefined;
    if (ref)
      return step('fail', `${statementName(policy, ref)} explicitly denies \`${action}\``, ref);
  }
  if (explanation.deniedBy === kind) return step('fail', explanation.summary);
  const allowing = considered.filter((p) => p.allows && !p.implicit);
  const first = allowing[0];
  const ref = first && appliedRef(first, 'Allow');
  if (first && ref) return step('pass', `${statementName(first, ref)} allows \`${action}\``, ref);
  if (considered.some((p) => p.allows))
    return step('pass', `${considered.find((p) => p.allows)?.label} allows \`${action}\``);
  return step(
    'neutral',
    `no statement of ${kind === 'identity' || kind === 'session' ? 'these policies' : 'this policy'} applies to \`${action}\``,
  );
}

export interface CallNames {
  session: string;
  action: string;
  resource: string;
}

/** The steps of one API call made with a session. */
export function callSteps(result: CallResult, names: CallNames): AnimationStep[] {
  const steps: AnimationStep[] = [
    {
      id: 'travel:request',
      kind: 'travel',
      from: 'role',
      to: 'target',
      label: `${names.action} request`,
      tone: 'neutral',
      reason: `${names.session} calls \`${names.action}\` on \`${names.resource}\``,
    },
  ];
  if (result.outcome === 'ExpiredToken' || result.outcome === 'InvalidClientTokenId') {
    steps.push(
      {
        id: 'check:credentials',
        kind: 'check',
        label: 'Session credentials',
        tone: 'fail',
        reason: result.message,
      },
      {
        id: 'outcome',
        kind: 'outcome',
        label: result.outcome,
        tone: 'fail',
        reason: result.message,
        decidedBy: 'check:credentials',
      },
    );
    return steps;
  }
  const explanation = result.explanation;
  if (!explanation) {
    steps.push({
      id: 'outcome',
      kind: 'outcome',
      label: result.outcome,
      tone: result.outcome === 'Allow' ? 'pass' : 'fail',
      reason: result.message,
    });
    return steps;
  }
  const layers = LAYER_ORDER.map((kind) => layerStep(kind, explanation, names.action));
  steps.push(...layers);
  const allowed = result.outcome === 'Allow';
  // Among the decisive statements (an Allow lists the SCPs that let it through too), the
  // one of the kind that decided is what a person wants to read.
  const decisive =
    explanation.decisive.find((r) => r.kind === explanation.decidedBy) ?? explanation.decisive[0];
  const outcome: AnimationStep = {
    id: 'outcome',
    kind: 'outcome',
    label: allowed
      ? 'Allowed'
      : result.outcome === 'ExplicitDeny'
        ? 'Explicitly denied'
        : 'Implicitly denied',
    tone: allowed ? 'pass' : 'fail',
    reason: explanation.summary,
  };
  if (decisive) outcome.reference = { call: decisive };
  const decidingLayer = layers.find((s) => s.id === `layer:${explanation.decidedBy}`);
  if (!allowed && decidingLayer) outcome.decidedBy = decidingLayer.id;
  steps.push(outcome);
  return steps;
}

// The steps an animation shows, in order, built from the engine's own results: an assume
// becomes "request travels to STS, each check lights, credentials travel to the role"; a call
// becomes "request travels to the resource, each policy layer lights, the decision".

import type { StatementRef } from '../../engine';
import type { AssumeRoleResult, Check, PolicyReference } from '../../sts/index.ts';

export type StepTone = 'pass' | 'fail' | 'skip' | 'neutral';

/** Where a travelling token starts or lands on the canvas. */
export type Endpoint = 'caller' | 'sts' | 'role' | 'target';

/** What a step points at, so a person can open the policy text behind it. */
type StepReference = { assume: PolicyReference } | { call: StatementRef };

interface StepDetail {
  label: string;
  tone: StepTone;
  reason: string;
}

export interface AnimationStep {
  id: string;
  kind: 'travel' | 'check' | 'outcome';
  label: string;
  tone: StepTone;
  reason: string;
  from?: Endpoint;
  to?: Endpoint;
  reference?: StepReference;
  details?: StepDetail[];
  /** The word for the verdict where the tone's usual one would mislead (`no effect`). */
  word?: string;
  /** On a failed outcome: the id of the step that decided it. */
  decidedBy?: string;
  /** On a failed outcome: why, in the engine's words, below AWS's own message. */
  explanation?: string;
}

function toneOfCheck(check: Pick<Check, 'status'>): StepTone {
  return check.status;
}

function checkStep(check: Check): AnimationStep {
  const step: AnimationStep = {
    id: `check:${check.id}`,
    kind: 'check',
    label: check.label,
    tone: toneOfCheck(check),
    reason: check.reason,
  };
  if (check.policy) step.reference = { assume: check.policy };
  if (check.details && check.details.length > 0) {
    step.details = check.details.map((d) => ({
      label: d.label,
      tone: toneOfCheck(d),
      reason: d.reason,
    }));
  }
  return step;
}

/** The steps of one AssumeRole* call, every check in the order the engine ran it. */
export function assumeSteps(
  result: AssumeRoleResult,
  names: { caller: string; role: string },
): AnimationStep[] {
  const steps: AnimationStep[] = [
    {
      id: 'travel:request',
      kind: 'travel',
      from: 'caller',
      to: 'sts',
      label: `${result.api} request`,
      tone: 'neutral',
      reason: `${names.caller} calls STS ${result.api} for ${names.role}`,
    },
    ...result.checks.map(checkStep),
  ];
  if (result.ok) {
    steps.push(
      {
        id: 'travel:credentials',
        kind: 'travel',
        from: 'sts',
        to: 'role',
        label: 'Credentials issued',
        tone: 'pass',
        reason: `temporary credentials ${result.response.Credentials.AccessKeyId} until ${result.response.Credentials.Expiration}`,
      },
      {
        id: 'outcome',
        kind: 'outcome',
        label: 'Assumed',
        tone: 'pass',
        reason: `${names.caller} is now ${result.response.AssumedRoleUser.Arn}`,
      },
    );
  } else {
    const failed = result.checks.find((c) => c.id === result.error.checkId);
    const step: AnimationStep = {
      id: 'outcome',
      kind: 'outcome',
      label: result.error.code,
      tone: 'fail',
      reason: result.error.message,
    };
    if (result.error.explanation) step.explanation = result.error.explanation;
    if (failed) step.decidedBy = `check:${failed.id}`;
    if (failed?.policy) step.reference = { assume: failed.policy };
    steps.push(step);
  }
  return steps;
}

/** The step that explains a failure: the check the engine names as failed, else the first failed one. */
export function decidingStep(steps: readonly AnimationStep[]): AnimationStep | undefined {
  const outcome = steps.find((s) => s.kind === 'outcome');
  if (!outcome || outcome.tone !== 'fail') return undefined;
  const named = outcome.decidedBy && steps.find((s) => s.id === outcome.decidedBy);
  return named || steps.find((s) => s.kind === 'check' && s.tone === 'fail');
}

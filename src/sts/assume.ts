// AssumeRole, AssumeRoleWithSAML and AssumeRoleWithWebIdentity as one pure function of the
// request, the simulated time and the id generator. Checks run in the order STS applies
// them: credentials, parameters, MFA, duration, then authorization against the role
// (the STS action itself, sts:TagSession when tags are passed, sts:SetSourceIdentity when
// a source identity is set or carried along a chain).

import { type RoleInfo } from './arn.ts';
import { authorizeRoleAction } from './authorize.ts';
import { isCallerProblem, resolveCaller, type ResolvedCaller } from './caller.ts';
import { formatInstant } from './clock.ts';
import { mfaState, trustContext } from './context.ts';
import { issueSession } from './issue.ts';
import {
  credentialsStep,
  durationStep,
  makeCheck,
  mfaStep,
  parametersStep,
  type StepResult,
} from './preflight.ts';
import type { IdGenerator } from './random.ts';
import type { AssumeRoleRequest, AssumeRoleResult, Check, RoleEvaluation } from './types.ts';

export interface AssumeEnvironment {
  nowMs: number;
  ids: IdGenerator;
}

function denial(caller: ResolvedCaller, action: string, role: RoleInfo, failed: Check): string {
  return `\`${caller.principal}\` is not authorized to perform \`${action}\` on \`${role.arn}\`: check \`${failed.id}\` failed: ${failed.reason}`;
}

export function assumeRole(request: AssumeRoleRequest, env: AssumeEnvironment): AssumeRoleResult {
  const { api, params } = request;
  const { nowMs } = env;
  const checks: Check[] = [];
  const fail = (
    check: Check,
    error: NonNullable<StepResult['error']>,
    evaluations: RoleEvaluation[] = [],
  ): AssumeRoleResult => ({
    ok: false,
    api,
    error: { ...error, checkId: check.id },
    checks,
    evaluations,
  });
  /** Records a step's check; returns the failure when the step failed. */
  const step = (result: StepResult | undefined): AssumeRoleResult | undefined => {
    if (!result) return undefined;
    checks.push(result.check);
    return result.error ? fail(result.check, result.error) : undefined;
  };

  const caller = resolveCaller(request);
  if (isCallerProblem(caller)) {
    const check = makeCheck({
      id: 'credentials',
      kind: 'credentials',
      label: 'Caller credentials',
      status: 'fail',
      reason: caller.message,
    });
    checks.push(check);
    return fail(check, { code: caller.code, message: caller.message });
  }
  const stop = step(credentialsStep(request, caller, nowMs));
  if (stop) return stop;
  const parameters = parametersStep(request, caller);
  const badParameters = step(parameters);
  if (badParameters) return badParameters;
  const role = parameters.role!;
  const badMfa = step(mfaStep(params));
  if (badMfa) return badMfa;
  const chained = api === 'AssumeRole' && caller.info.kind === 'assumed-role';
  const duration = durationStep(request, chained);
  const badDuration = step(duration);
  if (badDuration) return badDuration;

  const sourceIdentity = caller.session?.sourceIdentity ?? params.SourceIdentity;
  const mfa = mfaState(caller, params, nowMs);
  const context = trustContext({ api, caller, params, sourceIdentity, mfa, nowMs });
  const authorize = (action: string, detailed: boolean) =>
    authorizeRoleAction({
      action,
      caller,
      role: request.role,
      context,
      nowIso: formatInstant(nowMs),
      detailed,
    });
  const authorizations = [authorize(`sts:${api}`, true)];
  if ((params.Tags ?? []).length > 0) authorizations.push(authorize('sts:TagSession', false));
  if (sourceIdentity !== undefined) authorizations.push(authorize('sts:SetSourceIdentity', false));
  for (const a of authorizations) checks.push(...a.checks);
  const evaluations = authorizations.map(({ action, decision, explanation }) => ({
    action,
    decision,
    explanation,
  }));
  const denied = authorizations.find((a) => a.decision !== 'Allow');
  if (denied) {
    const failed =
      denied.checks.find((c) => c.status === 'fail') ?? denied.checks[denied.checks.length - 1]!;
    return fail(
      failed,
      { code: 'AccessDenied', message: denial(caller, denied.action, role, failed) },
      evaluations,
    );
  }

  const { session, response } = issueSession({
    api,
    caller,
    role,
    params,
    durationSeconds: duration.duration.seconds,
    chained,
    sourceIdentity,
    mfa,
    nowMs,
    ids: env.ids,
  });
  return { ok: true, api, response, session, checks, evaluations };
}

// AssumeRole, AssumeRoleWithSAML and AssumeRoleWithWebIdentity as one pure function of the
// request, the simulated time and the id generator. Checks run in the order STS applies
// them: credentials, parameters, MFA, duration, then authorization against the role
// (the STS action itself, sts:TagSession when tags are passed, sts:SetSourceIdentity when
// a source identity is set or carried along a chain).

import { type RoleInfo } from './arn.ts';
import type { RequestInput } from '../engine/index.ts';
import { authorizationRequest, authorizeRoleAction } from './authorize.ts';
import { isCallerProblem, resolveCaller, type ResolvedCaller } from './caller.ts';
import { formatInstant } from './clock.ts';
import { mfaState, trustContext } from './context.ts';
import { issueSession } from './issue.ts';
import {
  callerParametersPass,
  credentialsStep,
  durationOf,
  durationStep,
  makeCheck,
  mfaStep,
  parametersStep,
  roleArnPasses,
  type StepResult,
} from './preflight.ts';
import type { IdGenerator } from './random.ts';
import type {
  AssumeRoleRequest,
  AssumeRoleResult,
  Check,
  ContextMap,
  RoleDefinition,
  RoleEvaluation,
  StsApi,
} from './types.ts';

export interface AssumeEnvironment {
  nowMs: number;
  ids: IdGenerator;
}

/**
 * An AccessDenied as STS words it: `User: ARN is not authorized to perform: ACTION on
 * resource: ARN` for AssumeRole; `Not authorized to perform ACTION` for the federated calls,
 * whose callers have no ARN. Why (the engine's reason) goes in `explanation`.
 */
function denial(api: StsApi, caller: ResolvedCaller, action: string, role: RoleInfo): string {
  if (api !== 'AssumeRole') return `Not authorized to perform ${action}`;
  const who = caller.info.kind === 'service' ? caller.principal : `User: ${caller.principal}`;
  return `${who} is not authorized to perform: ${action} on resource: ${role.arn}`;
}

/**
 * The failed checks that decided a denial, as the engine's explanation decided it: for an
 * explicit deny the denying checks alone (a Deny wins whatever else allows); for an implicit
 * one every layer that failed, since each would have to allow (a cross-account caller with no
 * identity Allow and a trust condition unmet fails on both, and fixing one is not enough).
 */
function decisiveChecks(authorization: { decision: string; checks: Check[] }): Check[] {
  const failed = authorization.checks.filter((c) => c.status === 'fail' && c.kind !== 'decision');
  if (authorization.decision !== 'ExplicitDeny') return failed;
  const denying = failed.filter((c) => /explicitly denies/.test(c.reason));
  return denying.length > 0 ? denying : failed.slice(0, 1);
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
    const decisive = decisiveChecks(denied);
    const failed = decisive[0] ?? denied.checks[denied.checks.length - 1]!;
    return fail(
      failed,
      {
        code: 'AccessDenied',
        message: denial(api, caller, denied.action, role),
        explanation:
          decisive.length > 1
            ? decisive.map((c) => `${c.label}: ${c.reason}`).join('; ')
            : failed.reason,
      },
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

/**
 * The caller's half of an AssumeRole, resolved once and asked of many roles (the analysis
 * asks every caller about every role its trust names): the steps of `assumeRole` that read
 * only the caller and the parameters, and the trust request's context.
 */
export interface PreparedAssume {
  api: AssumeRoleRequest['api'];
  params: AssumeRoleRequest['params'];
  caller: ResolvedCaller;
  /** Credentials, every parameter check that does not read the role, and MFA pass. */
  callerStepsPass: boolean;
  /** Only `sts:<api>` is authorized: no session tags, no source identity. */
  onlyTrustAction: boolean;
  chained: boolean;
  context: ContextMap;
  nowIso: string;
}

/** The caller's half of this request; undefined when STS refuses the caller itself. */
export function prepareAssume(
  request: Omit<AssumeRoleRequest, 'role'>,
  nowMs: number,
): PreparedAssume | undefined {
  const { api, params } = request;
  const caller = resolveCaller(request);
  if (isCallerProblem(caller)) return undefined;
  const callerStepsPass =
    credentialsStep(request, caller, nowMs).error === undefined &&
    callerParametersPass(request, caller) &&
    mfaStep(params)?.error === undefined;
  const chained = api === 'AssumeRole' && caller.info.kind === 'assumed-role';
  const sourceIdentity = caller.session?.sourceIdentity ?? params.SourceIdentity;
  const mfa = mfaState(caller, params, nowMs);
  return {
    api,
    params,
    caller,
    callerStepsPass,
    onlyTrustAction: (params.Tags ?? []).length === 0 && sourceIdentity === undefined,
    chained,
    context: trustContext({ api, caller, params, sourceIdentity, mfa, nowMs }),
    nowIso: formatInstant(nowMs),
  };
}

/**
 * The engine's request when `assumeRole` of the prepared caller on this role reaches its
 * authorization and authorizes `sts:<api>` alone; undefined when a step before it fails or
 * more actions are authorized (ask `assumeRole` then). `assumeRole` succeeds exactly when
 * the engine allows this request on `callerPolicyInputs(prepared.caller)` and
 * `rolePolicyInputs(role)` together.
 */
export function trustRequest(
  prepared: PreparedAssume,
  role: RoleDefinition,
): RequestInput | undefined {
  if (!prepared.callerStepsPass || !prepared.onlyTrustAction) return undefined;
  if (!roleArnPasses(role.arn)) return undefined;
  if (durationOf({ params: prepared.params, role }, prepared.chained).issue) return undefined;
  return authorizationRequest(
    `sts:${prepared.api}`,
    prepared.caller,
    role,
    prepared.context,
    prepared.nowIso,
  );
}

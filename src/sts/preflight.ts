// What STS checks before it reads any policy: the caller's credentials, the parameters'
// formats, MFA information and the session duration. Each step yields one check, and a
// failed step the error STS returns.

import { validatePolicy } from '../engine/index.ts';
import { describeRole, type RoleInfo } from './arn.ts';
import type { ResolvedCaller } from './caller.ts';
import { formatInstant } from './clock.ts';
import {
  checkDuration,
  validateParameters,
  type DurationVerdict,
  type ParameterIssue,
} from './params.ts';
import { transitiveInherited } from './issue.ts';
import type { AssumeRoleParams, AssumeRoleRequest, Check, StsError } from './types.ts';

export interface StepResult {
  check: Check;
  error?: Omit<StsError, 'checkId'>;
}

export function makeCheck(partial: Omit<Check, 'passed'>): Check {
  return { ...partial, passed: partial.status !== 'fail' };
}

const DEFAULT_ROLE_MAX_SESSION = 3600;

export function credentialsStep(
  request: Pick<AssumeRoleRequest, 'caller'>,
  caller: ResolvedCaller,
  nowMs: number,
): StepResult {
  const base = { id: 'credentials', kind: 'credentials' as const, label: 'Caller credentials' };
  const expiration = caller.session?.expiration;
  if (expiration !== undefined && nowMs >= expiration) {
    const reason = `the session credentials of \`${caller.principal}\` expired at ${formatInstant(expiration)}`;
    return {
      check: makeCheck({ ...base, status: 'fail', reason }),
      error: {
        code: 'ExpiredToken',
        message: `the security token included in the request is expired: ${reason}`,
      },
    };
  }
  const reason =
    expiration !== undefined
      ? `session credentials valid until ${formatInstant(expiration)}`
      : 'federated' in request.caller
        ? `token from \`${caller.principal}\``
        : caller.info.kind === 'service'
          ? `service principal \`${caller.principal}\``
          : caller.session
            ? `session credentials of \`${caller.principal}\``
            : `long-term credentials of \`${caller.principal}\``;
  return { check: makeCheck({ ...base, status: 'pass', reason }) };
}

/** Parameters that exist only on AssumeRole. */
function foreignParameter(request: Pick<AssumeRoleRequest, 'api' | 'params'>): string | undefined {
  if (request.api === 'AssumeRole') return undefined;
  const onlyAssumeRole: (keyof AssumeRoleParams)[] = ['ExternalId', 'SerialNumber', 'TokenCode'];
  return onlyAssumeRole.find((name) => request.params[name] !== undefined);
}

/** Chain rules: the source identity is fixed, inherited transitive tags cannot be passed again. */
function chainIssue(caller: ResolvedCaller, params: AssumeRoleParams): ParameterIssue | undefined {
  const fixed = caller.session?.sourceIdentity;
  if (
    fixed !== undefined &&
    params.SourceIdentity !== undefined &&
    params.SourceIdentity !== fixed
  ) {
    return {
      parameter: 'SourceIdentity',
      message: `SourceIdentity \`${params.SourceIdentity}\` differs from \`${fixed}\`, set earlier in the role chain; a source identity cannot be changed`,
    };
  }
  const inherited = new Set(Object.keys(transitiveInherited(caller)).map((k) => k.toLowerCase()));
  const clash = (params.Tags ?? []).find((t) => inherited.has(t.Key.toLowerCase()));
  if (clash) {
    return {
      parameter: 'Tags',
      message: `session tag \`${clash.Key}\` is a transitive tag inherited from the calling session and cannot be passed again`,
    };
  }
  return undefined;
}

/** The one parameter check that reads the role: its ARN's format. */
function roleArnIssue(roleArn: string): ParameterIssue | undefined {
  return describeRole(roleArn)
    ? undefined
    : { parameter: 'RoleArn', message: `RoleArn \`${roleArn}\` is not a role ARN` };
}

/** The parameter checks that read only the caller and the parameters (not the role). */
function callerParameterIssue(
  request: Pick<AssumeRoleRequest, 'api' | 'params'>,
  caller: ResolvedCaller,
): ParameterIssue | undefined {
  const { api, params } = request;
  const foreign = foreignParameter(request);
  return (
    (foreign
      ? { parameter: foreign, message: `${foreign} is not a parameter of ${api}` }
      : undefined) ??
    validateParameters(params) ??
    chainIssue(caller, params)
  );
}

function sessionPolicyError(params: AssumeRoleParams) {
  return params.Policy === undefined
    ? undefined
    : validatePolicy(params.Policy, 'session').find((d) => d.severity === 'error');
}

/**
 * Whether every parameter check that does not read the role passes (the same checks as
 * `parametersStep`): asked once for a caller that asks about many roles.
 */
export function callerParametersPass(
  request: Pick<AssumeRoleRequest, 'api' | 'params'>,
  caller: ResolvedCaller,
): boolean {
  return !callerParameterIssue(request, caller) && !sessionPolicyError(request.params);
}

const roleArnVerdicts = new Map<string, boolean>();

/** Whether the role's ARN passes the parameter checks (the part of `parametersStep` that reads the role). */
export function roleArnPasses(roleArn: string): boolean {
  let passes = roleArnVerdicts.get(roleArn);
  if (passes === undefined) {
    if (roleArnVerdicts.size >= 50_000) roleArnVerdicts.clear();
    passes = roleArnIssue(roleArn) === undefined;
    roleArnVerdicts.set(roleArn, passes);
  }
  return passes;
}

export function parametersStep(
  request: AssumeRoleRequest,
  caller: ResolvedCaller,
): StepResult & { role?: RoleInfo } {
  const base = { id: 'parameters', kind: 'parameters' as const, label: 'Parameters' };
  const issue = roleArnIssue(request.role.arn) ?? callerParameterIssue(request, caller);
  if (issue) {
    return {
      check: makeCheck({
        ...base,
        status: 'fail',
        reason: issue.message,
        parameter: issue.parameter,
      }),
      error: { code: 'ValidationError', message: issue.message, parameter: issue.parameter },
    };
  }
  const policyError = sessionPolicyError(request.params);
  if (policyError) {
    const { startLine, startColumn } = policyError.range;
    const reason = `Policy is not a valid session policy: ${policyError.message} (line ${startLine}, column ${startColumn})`;
    return {
      check: makeCheck({ ...base, status: 'fail', reason, parameter: 'Policy' }),
      error: { code: 'MalformedPolicyDocument', message: reason, parameter: 'Policy' },
    };
  }
  return {
    check: makeCheck({ ...base, status: 'pass', reason: 'every parameter has a valid format' }),
    role: describeRole(request.role.arn),
  };
}

/** Undefined when the call carries no MFA information. */
export function mfaStep(params: AssumeRoleParams): StepResult | undefined {
  if (params.SerialNumber === undefined && params.TokenCode === undefined) return undefined;
  const base = { id: 'mfa', kind: 'mfa' as const, label: 'MFA' };
  if (params.SerialNumber !== undefined && params.TokenCode !== undefined) {
    const reason = `MFA device \`${params.SerialNumber}\` with a one-time code: aws:MultiFactorAuthPresent is true`;
    return { check: makeCheck({ ...base, status: 'pass', reason }) };
  }
  const parameter = params.SerialNumber === undefined ? 'SerialNumber' : 'TokenCode';
  const reason = 'MFA needs both SerialNumber and TokenCode';
  return {
    check: makeCheck({ ...base, status: 'fail', reason, parameter }),
    error: {
      code: 'AccessDenied',
      message: `multi-factor authentication failed: ${reason}`,
      parameter,
    },
  };
}

/** The session duration a request gets from a role (the check `durationStep` reports). */
export function durationOf(
  request: Pick<AssumeRoleRequest, 'params' | 'role'>,
  chained: boolean,
): DurationVerdict {
  const roleMax = request.role.maxSessionDuration ?? DEFAULT_ROLE_MAX_SESSION;
  return checkDuration(request.params.DurationSeconds, { roleMax, chained });
}

export function durationStep(
  request: AssumeRoleRequest,
  chained: boolean,
): StepResult & { duration: DurationVerdict } {
  const base = { id: 'duration', kind: 'duration' as const, label: 'Session duration' };
  const duration = durationOf(request, chained);
  if (duration.issue) {
    const { message, parameter } = duration.issue;
    return {
      duration,
      check: makeCheck({ ...base, status: 'fail', reason: message, parameter }),
      error: { code: 'ValidationError', message, parameter },
    };
  }
  const cap = chained ? ' (role chaining caps sessions at one hour)' : '';
  const reason = `${duration.seconds} seconds, within 900 to ${duration.max}${cap}`;
  return {
    duration,
    check: makeCheck({ ...base, status: 'pass', reason, parameter: 'DurationSeconds' }),
  };
}

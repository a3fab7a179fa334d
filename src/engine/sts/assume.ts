// AssumeRole, AssumeRoleWithSAML and AssumeRoleWithWebIdentity as one pure function of the
// request, the simulated time and the id generator. Checks run in the order STS applies
// them: credentials, parameters, duration, then authorization against the role.

import { validatePolicy } from '../index.ts';
import { assumedRoleArn, describeRole, type RoleInfo } from './arn.ts';
import { authorizeRoleAction } from './authorize.ts';
import { isCallerProblem, mergeTags, resolveCaller, type ResolvedCaller } from './caller.ts';
import { formatInstant } from './clock.ts';
import { mfaState, trustContext } from './context.ts';
import {
  checkDuration,
  sessionPolicyText,
  validateParameters,
  MAX_SESSION_POLICY_CHARS,
} from './params.ts';
import type { IdGenerator } from './random.ts';
import { federatedResponseFields } from './federated-response.ts';
import type {
  AssumeRoleParams,
  AssumeRoleRequest,
  AssumeRoleResponse,
  AssumeRoleResult,
  Check,
  PolicyDocument,
  RoleEvaluation,
  SessionRecord,
  StsError,
} from './types.ts';

export interface AssumeEnvironment {
  nowMs: number;
  ids: IdGenerator;
}

const DEFAULT_ROLE_MAX_SESSION = 3600;

function check(partial: Omit<Check, 'passed'>): Check {
  return { ...partial, passed: partial.status !== 'fail' };
}

function failure(
  request: AssumeRoleRequest,
  checks: Check[],
  error: StsError,
  evaluations: RoleEvaluation[] = [],
): AssumeRoleResult {
  return { ok: false, api: request.api, error, checks, evaluations };
}

/** Parameters that exist only on AssumeRole (the federated calls take them from no source). */
function foreignParameter(request: AssumeRoleRequest): string | undefined {
  if (request.api === 'AssumeRole') return undefined;
  const onlyAssumeRole: (keyof AssumeRoleParams)[] = ['ExternalId', 'SerialNumber', 'TokenCode'];
  return onlyAssumeRole.find((name) => request.params[name] !== undefined);
}

function transitiveInherited(caller: ResolvedCaller): Record<string, string> {
  const session = caller.session;
  if (!session?.tags || !session.transitiveTagKeys) return {};
  const keys = new Set(session.transitiveTagKeys.map((k) => k.toLowerCase()));
  return Object.fromEntries(
    Object.entries(session.tags).filter(([k]) => keys.has(k.toLowerCase())),
  );
}

/** Chain rules on parameters: the source identity is fixed, inherited transitive tags cannot be overridden. */
function chainIssue(
  caller: ResolvedCaller,
  params: AssumeRoleParams,
): { parameter: string; message: string } | undefined {
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

function parseSessionPolicy(policy: AssumeRoleParams['Policy']): PolicyDocument[] {
  if (policy === undefined) return [];
  return [typeof policy === 'string' ? (JSON.parse(policy) as PolicyDocument) : policy];
}

/**
 * An estimate of PackedPolicySize: STS packs session policies and tags in an undocumented
 * binary format; this measures their plaintext against the documented 2,048-character limit.
 */
function packedPolicySize(params: AssumeRoleParams): number | undefined {
  if (params.Policy === undefined && (params.Tags ?? []).length === 0) return undefined;
  const policyChars = sessionPolicyText(params.Policy)?.length ?? 0;
  const tagChars = (params.Tags ?? []).reduce((n, t) => n + t.Key.length + t.Value.length, 0);
  return Math.max(1, Math.ceil((100 * (policyChars + tagChars)) / MAX_SESSION_POLICY_CHARS));
}

function describeDenial(
  caller: ResolvedCaller,
  action: string,
  role: RoleInfo,
  failed: Check,
): string {
  return `\`${caller.principal}\` is not authorized to perform \`${action}\` on \`${role.arn}\`: check \`${failed.id}\` failed: ${failed.reason}`;
}

export function assumeRole(request: AssumeRoleRequest, env: AssumeEnvironment): AssumeRoleResult {
  const { api, params } = request;
  const checks: Check[] = [];
  const nowMs = env.nowMs;

  const resolved = resolveCaller(request);
  if (isCallerProblem(resolved)) {
    const c = check({
      id: 'credentials',
      kind: 'credentials',
      label: 'Caller credentials',
      status: 'fail',
      reason: resolved.message,
    });
    checks.push(c);
    return failure(request, checks, {
      code: resolved.code,
      message: resolved.message,
      checkId: c.id,
    });
  }
  const caller = resolved;

  const expiration = caller.session?.expiration;
  if (expiration !== undefined && nowMs >= expiration) {
    const reason = `the session credentials of \`${caller.principal}\` expired at ${formatInstant(expiration)}`;
    const c = check({
      id: 'credentials',
      kind: 'credentials',
      label: 'Caller credentials',
      status: 'fail',
      reason,
    });
    checks.push(c);
    return failure(request, checks, {
      code: 'ExpiredToken',
      message: `the security token included in the request is expired: ${reason}`,
      checkId: c.id,
    });
  }
  checks.push(
    check({
      id: 'credentials',
      kind: 'credentials',
      label: 'Caller credentials',
      status: 'pass',
      reason:
        expiration !== undefined
          ? `session credentials valid until ${formatInstant(expiration)}`
          : 'federated' in request.caller
            ? `token from \`${caller.principal}\``
            : caller.info.kind === 'service'
              ? `service principal \`${caller.principal}\``
              : caller.session
                ? `session credentials of \`${caller.principal}\``
                : `long-term credentials of \`${caller.principal}\``,
    }),
  );

  const role = describeRole(request.role.arn);
  const foreign = foreignParameter(request);
  const issue =
    (role
      ? undefined
      : { parameter: 'RoleArn', message: `RoleArn \`${request.role.arn}\` is not a role ARN` }) ??
    (foreign
      ? { parameter: foreign, message: `${foreign} is not a parameter of ${api}` }
      : undefined) ??
    validateParameters(params) ??
    chainIssue(caller, params);
  if (issue || !role) {
    const reason = issue?.message ?? 'the role ARN is invalid';
    const c = check({
      id: 'parameters',
      kind: 'parameters',
      label: 'Parameters',
      status: 'fail',
      reason,
      parameter: issue?.parameter,
    });
    checks.push(c);
    return failure(request, checks, {
      code: 'ValidationError',
      message: reason,
      checkId: c.id,
      parameter: issue?.parameter,
    });
  }
  const policyError =
    params.Policy === undefined
      ? undefined
      : validatePolicy(params.Policy, 'session').find((d) => d.severity === 'error');
  if (policyError) {
    const { startLine, startColumn } = policyError.range;
    const reason = `Policy is not a valid session policy: ${policyError.message} (line ${startLine}, column ${startColumn})`;
    const c = check({
      id: 'parameters',
      kind: 'parameters',
      label: 'Parameters',
      status: 'fail',
      reason,
      parameter: 'Policy',
    });
    checks.push(c);
    return failure(request, checks, {
      code: 'MalformedPolicyDocument',
      message: reason,
      checkId: c.id,
      parameter: 'Policy',
    });
  }
  checks.push(
    check({
      id: 'parameters',
      kind: 'parameters',
      label: 'Parameters',
      status: 'pass',
      reason: 'every parameter has a valid format',
    }),
  );

  if (params.SerialNumber !== undefined || params.TokenCode !== undefined) {
    const both = params.SerialNumber !== undefined && params.TokenCode !== undefined;
    const reason = both
      ? `MFA device \`${params.SerialNumber}\` with a one-time code: aws:MultiFactorAuthPresent is true`
      : 'MFA needs both SerialNumber and TokenCode';
    const c = check({
      id: 'mfa',
      kind: 'mfa',
      label: 'MFA',
      status: both ? 'pass' : 'fail',
      reason,
      parameter: both
        ? undefined
        : params.SerialNumber === undefined
          ? 'SerialNumber'
          : 'TokenCode',
    });
    checks.push(c);
    if (!both)
      return failure(request, checks, {
        code: 'AccessDenied',
        message: `multi-factor authentication failed: ${reason}`,
        checkId: c.id,
        parameter: c.parameter,
      });
  }

  const chained = api === 'AssumeRole' && caller.info.kind === 'assumed-role';
  const roleMax = request.role.maxSessionDuration ?? DEFAULT_ROLE_MAX_SESSION;
  const duration = checkDuration(params.DurationSeconds, { roleMax, chained });
  if (duration.issue) {
    const c = check({
      id: 'duration',
      kind: 'duration',
      label: 'Session duration',
      status: 'fail',
      reason: duration.issue.message,
      parameter: duration.issue.parameter,
    });
    checks.push(c);
    return failure(request, checks, {
      code: 'ValidationError',
      message: duration.issue.message,
      checkId: c.id,
      parameter: duration.issue.parameter,
    });
  }
  checks.push(
    check({
      id: 'duration',
      kind: 'duration',
      label: 'Session duration',
      status: 'pass',
      parameter: 'DurationSeconds',
      reason: `${duration.seconds} seconds, within 900 to ${duration.max}${chained ? ' (role chaining caps sessions at one hour)' : ''}`,
    }),
  );

  const sourceIdentity = caller.session?.sourceIdentity ?? params.SourceIdentity;
  const mfa = mfaState(caller, params, nowMs);
  const context = trustContext({ api, caller, params, sourceIdentity, mfa, nowMs });
  const nowIso = formatInstant(nowMs);
  const action = `sts:${api}`;
  const authorizations = [
    authorizeRoleAction({ action, caller, role: request.role, context, nowIso, detailed: true }),
  ];
  if ((params.Tags ?? []).length > 0) {
    authorizations.push(
      authorizeRoleAction({
        action: 'sts:TagSession',
        caller,
        role: request.role,
        context,
        nowIso,
        detailed: false,
      }),
    );
  }
  if (sourceIdentity !== undefined) {
    authorizations.push(
      authorizeRoleAction({
        action: 'sts:SetSourceIdentity',
        caller,
        role: request.role,
        context,
        nowIso,
        detailed: false,
      }),
    );
  }
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
    const message = describeDenial(caller, denied.action, role, failed);
    return failure(
      request,
      checks,
      { code: 'AccessDenied', message, checkId: failed.id },
      evaluations,
    );
  }

  const inherited = transitiveInherited(caller);
  const passed = Object.fromEntries((params.Tags ?? []).map((t) => [t.Key, t.Value]));
  const tags = mergeTags(inherited, passed);
  const transitiveTagKeys = [...Object.keys(inherited), ...(params.TransitiveTagKeys ?? [])];
  const sessionName = params.RoleSessionName!;
  const roleId = env.ids.uniqueId('AROA', role.arn);
  const expirationMs = nowMs + duration.seconds * 1000;
  const arn = assumedRoleArn(role, sessionName);
  const credentials = {
    AccessKeyId: env.ids.accessKeyId(),
    SecretAccessKey: env.ids.secretAccessKey(),
    SessionToken: env.ids.sessionToken(),
    Expiration: formatInstant(expirationMs),
  };
  const session: SessionRecord = {
    accessKeyId: credentials.AccessKeyId,
    api,
    roleArn: role.arn,
    roleId,
    sessionName,
    assumedRoleArn: arn,
    assumedRoleId: `${roleId}:${sessionName}`,
    issuedAt: nowMs,
    expiration: expirationMs,
    credentials,
    tags,
    transitiveTagKeys,
    sessionPolicies: parseSessionPolicy(params.Policy),
    chained,
    chain: [...(caller.session?.chain ?? [caller.principal]), arn],
  };
  if (sourceIdentity !== undefined) session.sourceIdentity = sourceIdentity;
  if (mfa?.present && mfa.authenticatedAt !== undefined)
    session.mfaAuthenticatedAt = mfa.authenticatedAt;
  if (api === 'AssumeRoleWithWebIdentity') session.federatedProvider = caller.principal;

  const response: AssumeRoleResponse = {
    Credentials: credentials,
    AssumedRoleUser: { Arn: arn, AssumedRoleId: session.assumedRoleId },
  };
  const packed = packedPolicySize(params);
  if (packed !== undefined) response.PackedPolicySize = packed;
  if (sourceIdentity !== undefined) response.SourceIdentity = sourceIdentity;
  Object.assign(response, federatedResponseFields(api, caller));
  return { ok: true, api, response, session, checks, evaluations };
}

// Issuing a session once every check passed: credentials from the seeded generator, the
// session's tags and source identity, and the response elements STS returns.

import { assumedRoleArn, type RoleInfo } from './arn.ts';
import { mergeTags, type ResolvedCaller } from './caller.ts';
import { formatInstant } from './clock.ts';
import type { MfaState } from './context.ts';
import { federatedResponseFields } from './federated-response.ts';
import { MAX_SESSION_POLICY_CHARS, sessionPolicyText } from './params.ts';
import type { IdGenerator } from './random.ts';
import type {
  AssumeRoleParams,
  AssumeRoleResponse,
  PolicyDocument,
  SessionRecord,
  StsApi,
} from './types.ts';

/** The calling session's tags that are transitive, with their values. */
export function transitiveInherited(caller: ResolvedCaller): Record<string, string> {
  const session = caller.session;
  if (!session?.tags || !session.transitiveTagKeys) return {};
  const keys = new Set(session.transitiveTagKeys.map((k) => k.toLowerCase()));
  return Object.fromEntries(
    Object.entries(session.tags).filter(([k]) => keys.has(k.toLowerCase())),
  );
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

export interface IssueInput {
  api: StsApi;
  caller: ResolvedCaller;
  role: RoleInfo;
  params: AssumeRoleParams;
  durationSeconds: number;
  chained: boolean;
  sourceIdentity?: string;
  mfa?: MfaState;
  nowMs: number;
  ids: IdGenerator;
}

export function issueSession(input: IssueInput): {
  session: SessionRecord;
  response: AssumeRoleResponse;
} {
  const { api, caller, role, params, nowMs, ids, sourceIdentity, mfa } = input;
  const inherited = transitiveInherited(caller);
  const passed = Object.fromEntries((params.Tags ?? []).map((t) => [t.Key, t.Value]));
  const sessionName = params.RoleSessionName ?? '';
  const roleId = ids.uniqueId('AROA', role.arn);
  const expiration = nowMs + input.durationSeconds * 1000;
  const arn = assumedRoleArn(role, sessionName);
  const credentials = {
    AccessKeyId: ids.accessKeyId(),
    SecretAccessKey: ids.secretAccessKey(),
    SessionToken: ids.sessionToken(),
    Expiration: formatInstant(expiration),
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
    expiration,
    credentials,
    tags: mergeTags(inherited, passed),
    transitiveTagKeys: [...Object.keys(inherited), ...(params.TransitiveTagKeys ?? [])],
    sessionPolicies: parseSessionPolicy(params.Policy),
    chained: input.chained,
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
  return { session, response };
}

// CloudTrail records for STS calls and simulated API calls.

import { describePrincipal, describeRole } from './arn.ts';
import { formatInstant } from './clock.ts';
import { eventNameOf, eventSourceOf, type CloudTrailEvent, type UserIdentity } from './events.ts';
import { sessionPolicyText } from './params.ts';
import type { IdGenerator } from './random.ts';
import type {
  AssumeRoleParams,
  AssumeRoleResult,
  ContextMap,
  SessionRecord,
  StsApi,
} from './types.ts';

const REGION = 'us-east-1';
const USER_AGENT = 'rolecraft-simulator';
/** TEST-NET-1 (RFC 5737): an address reserved for documentation. */
const DEFAULT_SOURCE_IP = '192.0.2.1';

export function sessionIdentity(session: SessionRecord): UserIdentity {
  const role = describeRole(session.roleArn);
  const account = role?.account;
  return {
    type: 'AssumedRole',
    principalId: session.assumedRoleId,
    arn: session.assumedRoleArn,
    ...(account ? { accountId: account } : {}),
    accessKeyId: session.accessKeyId,
    sessionContext: {
      sessionIssuer: {
        type: 'Role',
        principalId: session.roleId,
        arn: session.roleArn,
        accountId: account ?? '',
        userName: role?.name ?? '',
      },
      attributes: {
        creationDate: formatInstant(session.issuedAt),
        mfaAuthenticated: session.mfaAuthenticatedAt !== undefined ? 'true' : 'false',
      },
      ...(session.sourceIdentity !== undefined ? { sourceIdentity: session.sourceIdentity } : {}),
      ...(session.federatedProvider
        ? { webIdFederationData: { federatedProvider: session.federatedProvider, attributes: {} } }
        : {}),
    },
  };
}

function claim(context: ContextMap | undefined, key: string): string | undefined {
  const wanted = key.toLowerCase();
  for (const [k, v] of Object.entries(context ?? {}))
    if (k.toLowerCase() === wanted) return typeof v === 'string' ? v : v[0];
  return undefined;
}

/** The identity of a caller without a stored session: IAM user, service, or federated identity. */
export function principalIdentity(
  principal: string,
  ids: IdGenerator,
  federatedContext?: ContextMap,
): UserIdentity {
  const info = describePrincipal(principal, federatedContext !== undefined);
  if (!info) return { type: 'Unknown', arn: principal };
  switch (info.kind) {
    case 'user':
      return {
        type: 'IAMUser',
        principalId: ids.uniqueId('AIDA', principal),
        arn: principal,
        accountId: info.account,
        userName: info.name,
      };
    case 'root':
      return { type: 'Root', principalId: info.account, arn: principal, accountId: info.account };
    case 'service':
      return { type: 'AWSService', invokedBy: principal };
    case 'saml-provider': {
      const sub = claim(federatedContext, 'SAML:sub');
      return {
        type: 'SAMLUser',
        ...(sub ? { principalId: `${principal}:${sub}`, userName: sub } : {}),
        identityProvider: principal,
      };
    }
    case 'oidc-provider':
    case 'web-identity-provider': {
      const host = info.kind === 'oidc-provider' ? (info.name ?? principal) : principal;
      const sub = claim(federatedContext, `${host}:sub`);
      const aud = claim(federatedContext, `${host}:aud`);
      return {
        type: 'WebIdentityUser',
        ...(sub ? { principalId: `${host}:${aud ?? ''}:${sub}`, userName: sub } : {}),
        identityProvider: host,
      };
    }
    default:
      return {
        type: 'Unknown',
        arn: principal,
        ...(info.account ? { accountId: info.account } : {}),
      };
  }
}

function sourceIp(context: ContextMap | undefined, identity: UserIdentity): string {
  return claim(context, 'aws:SourceIp') ?? identity.invokedBy ?? DEFAULT_SOURCE_IP;
}

function assumeParameters(
  api: StsApi,
  roleArn: string,
  params: AssumeRoleParams,
  principal: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = { roleArn };
  if (api === 'AssumeRoleWithSAML') out['principalArn'] = principal;
  if (params.RoleSessionName !== undefined) out['roleSessionName'] = params.RoleSessionName;
  out['durationSeconds'] = params.DurationSeconds ?? 3600;
  if (params.ExternalId !== undefined) out['externalId'] = params.ExternalId;
  if (params.SerialNumber !== undefined) out['serialNumber'] = params.SerialNumber;
  if (params.Tags?.length) out['tags'] = params.Tags.map((t) => ({ key: t.Key, value: t.Value }));
  if (params.TransitiveTagKeys?.length) out['transitiveTagKeys'] = [...params.TransitiveTagKeys];
  if (params.SourceIdentity !== undefined) out['sourceIdentity'] = params.SourceIdentity;
  const policy = sessionPolicyText(params.Policy);
  if (policy !== undefined) out['policy'] = policy;
  return out;
}

interface EventBase {
  nowMs: number;
  ids: IdGenerator;
  identity: UserIdentity;
  context?: ContextMap;
}

function envelope(
  base: EventBase,
  eventSource: string,
  eventName: string,
): Omit<
  CloudTrailEvent,
  'requestParameters' | 'responseElements' | 'readOnly' | 'managementEvent'
> {
  return {
    eventVersion: '1.08',
    eventTime: formatInstant(base.nowMs),
    eventSource,
    eventName,
    awsRegion: REGION,
    sourceIPAddress: sourceIp(base.context, base.identity),
    userAgent: USER_AGENT,
    userIdentity: base.identity,
    requestID: base.ids.uuid(),
    eventID: base.ids.uuid(),
    eventType: 'AwsApiCall',
  };
}

export function assumeEvent(
  base: EventBase & {
    api: StsApi;
    roleArn: string;
    params: AssumeRoleParams;
    principal: string;
    result: AssumeRoleResult;
  },
): CloudTrailEvent {
  const { result } = base;
  const event: CloudTrailEvent = {
    ...envelope(base, 'sts.amazonaws.com', base.api),
    requestParameters: assumeParameters(base.api, base.roleArn, base.params, base.principal),
    responseElements: null,
    readOnly: true,
    managementEvent: true,
  };
  const account = describeRole(base.roleArn)?.account;
  if (account) event.recipientAccountId = account;
  if (result.ok) {
    const r = result.response;
    event.responseElements = {
      credentials: {
        accessKeyId: r.Credentials.AccessKeyId,
        sessionToken: r.Credentials.SessionToken,
        expiration: r.Credentials.Expiration,
      },
      assumedRoleUser: {
        assumedRoleId: r.AssumedRoleUser.AssumedRoleId,
        arn: r.AssumedRoleUser.Arn,
      },
      ...(r.PackedPolicySize !== undefined ? { packedPolicySize: r.PackedPolicySize } : {}),
      ...(r.SourceIdentity !== undefined ? { sourceIdentity: r.SourceIdentity } : {}),
      ...(r.Provider !== undefined ? { provider: r.Provider } : {}),
      ...(r.Audience !== undefined ? { audience: r.Audience } : {}),
      ...(r.SubjectFromWebIdentityToken !== undefined
        ? { subjectFromWebIdentityToken: r.SubjectFromWebIdentityToken }
        : {}),
    };
  } else {
    event.errorCode = result.error.code;
    event.errorMessage = result.error.message;
  }
  return event;
}

const READ_ONLY = /^(Get|List|Describe|Head|Query|Scan|Search|Lookup|BatchGet|Select)/;

export function callEvent(
  base: EventBase & {
    action: string;
    resource: string;
    outcome: string;
    errorCode?: string;
    errorMessage?: string;
    recipientAccountId?: string;
  },
): CloudTrailEvent {
  const name = eventNameOf(base.action);
  const event: CloudTrailEvent = {
    ...envelope(base, eventSourceOf(base.action), name),
    requestParameters: { resource: base.resource },
    responseElements: null,
    additionalEventData: { decision: base.outcome },
    readOnly: READ_ONLY.test(name),
    managementEvent: !(base.action.toLowerCase().startsWith('s3:') && name.includes('Object')),
  };
  if (base.recipientAccountId) event.recipientAccountId = base.recipientAccountId;
  if (base.errorCode) {
    event.errorCode = base.errorCode;
    event.errorMessage = base.errorMessage ?? base.errorCode;
  }
  return event;
}

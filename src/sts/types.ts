// Public shapes of the STS simulation: requests in AWS's own parameter names, results as
// STS returns them, and the ordered checks a UI can animate.

import type { Explanation } from '../engine/index.ts';
import type { ContextValue, Decision, PolicyDocument } from '../engine/index.ts';

export type { ContextValue, PolicyDocument };
export type ContextMap = Record<string, ContextValue>;
export type PolicyLevels = PolicyDocument[][];

export type StsApi = 'AssumeRole' | 'AssumeRoleWithSAML' | 'AssumeRoleWithWebIdentity';

type StsErrorCode =
  | 'AccessDenied'
  | 'ValidationError'
  | 'ExpiredToken'
  | 'MalformedPolicyDocument'
  | 'InvalidClientTokenId';

export interface SessionTag {
  Key: string;
  Value: string;
}

/**
 * STS parameters by their AWS names. For AssumeRoleWithSAML and AssumeRoleWithWebIdentity,
 * `RoleSessionName`, `Tags`, `TransitiveTagKeys` and `SourceIdentity` stand for what the
 * assertion or token carries (the SAML attributes / the `https://aws.amazon.com/tags` claim).
 */
export interface AssumeRoleParams {
  RoleSessionName?: string;
  DurationSeconds?: number;
  ExternalId?: string;
  SerialNumber?: string;
  TokenCode?: string;
  Tags?: SessionTag[];
  TransitiveTagKeys?: string[];
  SourceIdentity?: string;
  /** Inline session policy: an object or its JSON text. */
  Policy?: PolicyDocument | string;
}

/** What a role session carries from the session that it is. */
export interface CallerSessionState {
  tags?: Record<string, string>;
  transitiveTagKeys?: string[];
  sourceIdentity?: string;
  /** Epoch ms when MFA was used to obtain the session (absent: no MFA). */
  mfaAuthenticatedAt?: number;
  /** Epoch ms when the session's credentials were issued. */
  issuedAt?: number;
  /** Epoch ms at which the credentials stop working. */
  expiration?: number;
  /** The role's unique id (`AROA…`). */
  roleId?: string;
  /** Principals along the chain so far, first caller first, the calling session last. */
  chain?: string[];
}

/** An AWS principal calling AssumeRole: IAM user, account root, role session, or service. */
export interface PrincipalCaller {
  principal: string;
  identityPolicies?: PolicyDocument[];
  permissionsBoundary?: PolicyDocument;
  sessionPolicies?: PolicyDocument[];
  /** SCPs over the caller's account, root level first. */
  scp?: PolicyLevels;
  /** Tags attached to the IAM user or role (session tags override them). */
  tags?: Record<string, string>;
  /** For a role session: the role's full ARN (with its path) for aws:PrincipalArn. */
  roleArn?: string;
  session?: CallerSessionState;
  /** Any further request context (aws:SourceIp, aws:SourceArn, …). */
  context?: ContextMap;
}

/** An identity from a SAML or OIDC provider calling AssumeRoleWithSAML/WebIdentity. */
interface FederatedCaller {
  /** `accounts.google.com`, `cognito-identity.amazonaws.com`, or a saml-/oidc-provider ARN. */
  federated: string;
  /** The claims as AWS exposes them (`accounts.google.com:aud`, `SAML:aud`, …) and any other key. */
  context?: ContextMap;
}

export type Caller = PrincipalCaller | FederatedCaller;

export interface RoleDefinition {
  arn: string;
  trustPolicy: PolicyDocument;
  /** Seconds, 3600 to 43200; default 3600. */
  maxSessionDuration?: number;
  identityPolicies?: PolicyDocument[];
  permissionsBoundary?: PolicyDocument;
  tags?: Record<string, string>;
  /** RCPs over the role's account, root level first. */
  rcp?: PolicyLevels;
}

export interface AssumeRoleRequest {
  api: StsApi;
  caller: Caller;
  role: RoleDefinition;
  params: AssumeRoleParams;
}

/** Where a check's verdict comes from, so the UI can highlight it. */
export interface PolicyReference {
  type: 'identity' | 'boundary' | 'session' | 'scp' | 'rcp' | 'trust';
  /** Index of the policy in its list (identity and session policies). */
  index?: number;
  /** Organization level (SCP/RCP), root first. */
  level?: number;
  /** Index of the statement within the policy. */
  statement?: number;
  sid?: string;
}

export type CheckKind =
  | 'credentials'
  | 'parameters'
  | 'mfa'
  | 'duration'
  | 'caller-scp'
  | 'caller-identity'
  | 'caller-boundary'
  | 'caller-session-policy'
  | 'trust-principal'
  | 'trust-condition'
  | 'trust-deny'
  | 'role-rcp'
  | 'decision'
  | 'tag-session'
  | 'set-source-identity';

type CheckStatus = 'pass' | 'fail' | 'skip';

export interface Check {
  /** Unique within one result; stable across runs (`trust-condition:0:StringEquals:sts:ExternalId`). */
  id: string;
  kind: CheckKind;
  label: string;
  status: CheckStatus;
  /** False only when this check failed. */
  passed: boolean;
  reason: string;
  /** The STS action the check authorizes (`sts:AssumeRole`, `sts:TagSession`, …). */
  action?: string;
  parameter?: string;
  policy?: PolicyReference;
  /** For a summary check (sts:TagSession, sts:SetSourceIdentity): the layer checks behind it. */
  details?: Check[];
}

interface Credentials {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  Expiration: string;
}

interface AssumedRoleUser {
  Arn: string;
  AssumedRoleId: string;
}

/** The response elements of the three calls (fields present where that API returns them). */
export interface AssumeRoleResponse {
  Credentials: Credentials;
  AssumedRoleUser: AssumedRoleUser;
  PackedPolicySize?: number;
  SourceIdentity?: string;
  /** AssumeRoleWithWebIdentity */
  SubjectFromWebIdentityToken?: string;
  Provider?: string;
  /** AssumeRoleWithWebIdentity and AssumeRoleWithSAML */
  Audience?: string;
  /** AssumeRoleWithSAML */
  Subject?: string;
  SubjectType?: string;
  Issuer?: string;
  NameQualifier?: string;
}

export interface StsError {
  code: StsErrorCode;
  /** The message as AWS words it. */
  message: string;
  /** Why, in the engine's words (which policy, statement, condition), when AWS says no more. */
  explanation?: string;
  /** The id of the check that failed. */
  checkId?: string;
  parameter?: string;
}

/** A role session as the simulation keeps it. */
export interface SessionRecord {
  accessKeyId: string;
  api: StsApi;
  roleArn: string;
  roleId: string;
  sessionName: string;
  assumedRoleArn: string;
  assumedRoleId: string;
  issuedAt: number;
  expiration: number;
  credentials: Credentials;
  /** Session tags: passed ones plus transitive ones inherited from the caller. */
  tags: Record<string, string>;
  transitiveTagKeys: string[];
  sourceIdentity?: string;
  sessionPolicies: PolicyDocument[];
  mfaAuthenticatedAt?: number;
  /** Whether the session came from role chaining (a role session calling AssumeRole). */
  chained: boolean;
  /** Principals along the chain, first caller first, this session last. */
  chain: string[];
  /** For federated sessions: the provider (`aws:FederatedProvider`). */
  federatedProvider?: string;
}

/** The engine's verdict on one STS action against the role, with its full explanation. */
export interface RoleEvaluation {
  action: string;
  decision: Decision;
  explanation: Explanation;
}

interface ResultBase {
  api: StsApi;
  /** Every check in the order STS applies them; a failure ends the list unless it is an authorization check. */
  checks: Check[];
  /** One per action authorized (sts:AssumeRole*, then sts:TagSession, sts:SetSourceIdentity); empty when STS stopped earlier. */
  evaluations: RoleEvaluation[];
}

export type AssumeRoleResult =
  | (ResultBase & { ok: true; response: AssumeRoleResponse; session: SessionRecord })
  | (ResultBase & { ok: false; error: StsError });

// The request context STS builds for the trust evaluation of AssumeRole*, sts:TagSession and
// sts:SetSourceIdentity (IAM User Guide: IAM and AWS STS condition context keys).

import { formatInstant } from './clock.ts';
import type { ResolvedCaller } from './caller.ts';
import type { AssumeRoleParams, ContextMap, StsApi } from './types.ts';

/** MFA as the trust evaluation sees it: from SerialNumber+TokenCode, or carried by a session. */
export interface MfaState {
  present: boolean;
  /** Epoch ms of the MFA authentication. */
  authenticatedAt?: number;
}

/**
 * `SerialNumber` with `TokenCode` authenticates now; a role session carries the MFA state
 * it was created with (false when it had none); long-term credentials without MFA carry none.
 */
export function mfaState(
  caller: ResolvedCaller,
  params: AssumeRoleParams,
  nowMs: number,
): MfaState | undefined {
  if (params.SerialNumber !== undefined && params.TokenCode !== undefined) {
    return { present: true, authenticatedAt: nowMs };
  }
  if (caller.session) {
    const at = caller.session.mfaAuthenticatedAt;
    return at === undefined ? { present: false } : { present: true, authenticatedAt: at };
  }
  return undefined;
}

export interface TrustContextInput {
  api: StsApi;
  caller: ResolvedCaller;
  params: AssumeRoleParams;
  /** The source identity the new session will carry (requested, or inherited in a chain). */
  sourceIdentity?: string;
  mfa?: MfaState;
  nowMs: number;
}

export function trustContext(input: TrustContextInput): ContextMap {
  const { api, caller, params, sourceIdentity, mfa, nowMs } = input;
  const context: ContextMap = {};

  if (api === 'AssumeRole') {
    if (caller.principalArn) context['aws:PrincipalArn'] = caller.principalArn;
    if (caller.account) context['aws:PrincipalAccount'] = caller.account;
    for (const [key, value] of Object.entries(caller.principalTags))
      context[`aws:PrincipalTag/${key}`] = value;
    if (caller.session?.sourceIdentity !== undefined)
      context['aws:SourceIdentity'] = caller.session.sourceIdentity;
    if (caller.session?.issuedAt !== undefined)
      context['aws:TokenIssueTime'] = formatInstant(caller.session.issuedAt);
    if (caller.session && caller.info.name && caller.info.sessionName && caller.session.roleId) {
      context['aws:userid'] = `${caller.session.roleId}:${caller.info.sessionName}`;
    }
    if (params.ExternalId !== undefined) context['sts:ExternalId'] = params.ExternalId;
  } else if (api === 'AssumeRoleWithWebIdentity') {
    context['aws:FederatedProvider'] = caller.principal;
  }

  if (mfa) {
    context['aws:MultiFactorAuthPresent'] = mfa.present ? 'true' : 'false';
    if (mfa.present && mfa.authenticatedAt !== undefined) {
      context['aws:MultiFactorAuthAge'] = String(
        Math.max(0, Math.floor((nowMs - mfa.authenticatedAt) / 1000)),
      );
    }
  }

  if (params.RoleSessionName !== undefined) context['sts:RoleSessionName'] = params.RoleSessionName;
  const tags = params.Tags ?? [];
  if (tags.length > 0) {
    for (const tag of tags) context[`aws:RequestTag/${tag.Key}`] = tag.Value;
    context['aws:TagKeys'] = tags.map((t) => t.Key);
  }
  if (params.TransitiveTagKeys && params.TransitiveTagKeys.length > 0) {
    context['sts:TransitiveTagKeys'] = [...params.TransitiveTagKeys];
  }
  if (sourceIdentity !== undefined) context['sts:SourceIdentity'] = sourceIdentity;

  // The caller's own keys (federated claims, aws:SourceArn, …) and explicit overrides win.
  return mergeContext(context, caller.context);
}

/** `override`'s keys replace `base`'s, comparing key names case-insensitively as AWS does. */
export function mergeContext(base: ContextMap, override: ContextMap): ContextMap {
  const overridden = new Set(Object.keys(override).map((k) => k.toLowerCase()));
  const merged: ContextMap = {};
  for (const [key, value] of Object.entries(base))
    if (!overridden.has(key.toLowerCase())) merged[key] = value;
  return { ...merged, ...override };
}

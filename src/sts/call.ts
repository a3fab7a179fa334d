// An API call made with a role session's credentials (or a principal's long-term ones):
// the role's policies intersected with the session policies, the session's context keys,
// and ExpiredToken at or after the Expiration.

import { arnAccount, compilePolicies, evaluate, type Explanation } from '../engine/index.ts';
import type { Decision, PolicyInputs, RequestInput } from '../engine/index.ts';
import { describeRole } from './arn.ts';
import { mergeTags } from './caller.ts';
import { formatInstant } from './clock.ts';
import { mergeContext } from './context.ts';
import { isExpired } from './session-store.ts';
import type { ContextMap, SessionRecord } from './types.ts';
import type { PrincipalDefinition, WorldIndex } from './world.ts';

export interface CallRequest {
  action: string;
  resource: string;
  /** The resource's account when its ARN carries none and the world does not know it. */
  resourceAccount?: string;
  context?: ContextMap;
}

type CallOutcome = Decision | 'ExpiredToken' | 'InvalidClientTokenId';

export interface CallResult {
  outcome: CallOutcome;
  /** Lowercase sentence saying why (for errors, the error message). */
  message: string;
  /** The engine's request and explanation, when the call was evaluated. */
  request?: RequestInput;
  explanation?: Explanation;
}

/** The context keys a role session carries into every request it signs. */
function sessionContext(
  session: SessionRecord,
  roleTags: Record<string, string> | undefined,
  nowMs: number,
): ContextMap {
  const context: ContextMap = { 'aws:PrincipalArn': session.roleArn };
  const account = describeRole(session.roleArn)?.account;
  if (account) context['aws:PrincipalAccount'] = account;
  context['aws:userid'] = session.assumedRoleId;
  context['aws:TokenIssueTime'] = formatInstant(session.issuedAt);
  context['aws:MultiFactorAuthPresent'] =
    session.mfaAuthenticatedAt !== undefined ? 'true' : 'false';
  if (session.mfaAuthenticatedAt !== undefined) {
    context['aws:MultiFactorAuthAge'] = String(
      Math.max(0, Math.floor((nowMs - session.mfaAuthenticatedAt) / 1000)),
    );
  }
  if (session.sourceIdentity !== undefined) context['aws:SourceIdentity'] = session.sourceIdentity;
  if (session.federatedProvider) context['aws:FederatedProvider'] = session.federatedProvider;
  for (const [key, value] of Object.entries(mergeTags(roleTags, session.tags)))
    context[`aws:PrincipalTag/${key}`] = value;
  return context;
}

function resourceInputs(
  world: WorldIndex,
  call: CallRequest,
): { policy?: PolicyInputs['resource']; account?: string } {
  const resource = world.resource(call.resource);
  return {
    policy: resource?.policy,
    account: call.resourceAccount ?? world.resourceAccount(call.resource),
  };
}

function run(request: RequestInput, policies: PolicyInputs): CallResult {
  const { decision, explanation } = evaluate(request, compilePolicies(policies), { explain: true });
  const message = explanation?.summary ?? decision;
  return { outcome: decision, message, request, explanation };
}

/** The engine's request and policies for an API call: what `callWithSession` and `callWithPrincipal` evaluate. */
export interface CallInputs {
  request: RequestInput;
  policies: PolicyInputs;
}

/** The engine's inputs of calls by one signer: what depends on the signer made once for every call. */
export type CallsOf = (call: CallRequest) => CallInputs;

/** The request of a call: the signer's principal and context with the call's, at one instant. */
function callRequest(
  principal: string,
  signerContext: ContextMap,
  call: CallRequest,
  resourceAccount: string | undefined,
  now: string,
): RequestInput {
  const request: RequestInput = {
    principal,
    action: call.action,
    resource: call.resource,
    context: mergeContext(signerContext, call.context ?? {}),
    now,
  };
  if (resourceAccount) request.resourceAccount = resourceAccount;
  return request;
}

/** Calls signed with a role session's credentials, as the engine sees them (`sessionCallInputs` for many calls). */
export function sessionCalls(session: SessionRecord, world: WorldIndex, nowMs: number): CallsOf {
  const role = world.role(session.roleArn);
  const context = sessionContext(session, role?.tags, nowMs);
  const now = formatInstant(nowMs);
  const identity = role?.identityPolicies ?? [];
  const scp = world.scp(describeRole(session.roleArn)?.account);
  return (call) => {
    const resource = resourceInputs(world, call);
    const request = callRequest(session.assumedRoleArn, context, call, resource.account, now);
    const policies: PolicyInputs = { identity };
    if (role?.permissionsBoundary) policies.permissionsBoundary = role.permissionsBoundary;
    if (session.sessionPolicies.length > 0) policies.session = session.sessionPolicies;
    if (resource.policy) policies.resource = resource.policy;
    if (scp) policies.scp = scp;
    const rcp = world.rcp(resource.account);
    if (rcp) policies.rcp = rcp;
    return { request, policies };
  };
}

/** A call signed with a role session's credentials, as the engine sees it. */
function sessionCallInputs(
  session: SessionRecord,
  world: WorldIndex,
  call: CallRequest,
  nowMs: number,
): CallInputs {
  return sessionCalls(session, world, nowMs)(call);
}

/** Calls signed with a principal's long-term credentials (`principalCallInputs` for many calls). */
export function principalCalls(
  principal: PrincipalDefinition,
  world: WorldIndex,
  nowMs: number,
): CallsOf {
  const context: ContextMap = {};
  for (const [key, value] of Object.entries(principal.tags ?? {}))
    context[`aws:PrincipalTag/${key}`] = value;
  const now = formatInstant(nowMs);
  const identity = principal.identityPolicies ?? [];
  const scp = world.scp(arnAccount(principal.arn));
  return (call) => {
    const resource = resourceInputs(world, call);
    const request = callRequest(principal.arn, context, call, resource.account, now);
    const policies: PolicyInputs = { identity };
    if (principal.permissionsBoundary) policies.permissionsBoundary = principal.permissionsBoundary;
    if (resource.policy) policies.resource = resource.policy;
    if (scp) policies.scp = scp;
    const rcp = world.rcp(resource.account);
    if (rcp) policies.rcp = rcp;
    return { request, policies };
  };
}

/** A call signed with a principal's long-term credentials (an IAM user, a service), as the engine sees it. */
function principalCallInputs(
  principal: PrincipalDefinition,
  world: WorldIndex,
  call: CallRequest,
  nowMs: number,
): CallInputs {
  return principalCalls(principal, world, nowMs)(call);
}

export function callWithSession(
  session: SessionRecord,
  world: WorldIndex,
  call: CallRequest,
  nowMs: number,
): CallResult {
  if (isExpired(session, nowMs)) {
    return {
      outcome: 'ExpiredToken',
      message: `the security token included in the request is expired: session \`${session.assumedRoleArn}\` expired at ${formatInstant(session.expiration)}`,
    };
  }
  const { request, policies } = sessionCallInputs(session, world, call, nowMs);
  return run(request, policies);
}

/** A call with long-term credentials (an IAM user), for comparing with what a session may do. */
export function callWithPrincipal(
  principal: PrincipalDefinition,
  world: WorldIndex,
  call: CallRequest,
  nowMs: number,
): CallResult {
  const { request, policies } = principalCallInputs(principal, world, call, nowMs);
  return run(request, policies);
}

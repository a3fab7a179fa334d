// The caller of an STS call, built from the world the way the simulator builds it: a
// principal of the world with its policies, or a role session with its role's policies and
// the session state it carries. The design adapter asks with the same functions, so a canvas
// edge and the simulator see one caller.

import { describePrincipal, describeRole } from './arn.ts';
import type { ContextMap, PrincipalCaller, SessionRecord } from './types.ts';
import type { WorldIndex } from './world.ts';

/** A principal of the world (IAM user, service, or any ARN the world does not know) calling with long-term credentials. */
export function principalCaller(
  world: WorldIndex,
  principal: string,
  context?: ContextMap,
): PrincipalCaller {
  const def = world.principal(principal);
  const account = describePrincipal(principal)?.account;
  const caller: PrincipalCaller = {
    principal,
    identityPolicies: def?.identityPolicies,
    permissionsBoundary: def?.permissionsBoundary,
    scp: world.scp(account),
    tags: def?.tags,
  };
  if (context !== undefined) caller.context = context;
  return caller;
}

/** A role session calling with its temporary credentials (role chaining). */
export function sessionCaller(
  world: WorldIndex,
  session: SessionRecord,
  context?: ContextMap,
): PrincipalCaller {
  const role = world.role(session.roleArn);
  const caller: PrincipalCaller = {
    principal: session.assumedRoleArn,
    roleArn: session.roleArn,
    identityPolicies: role?.identityPolicies,
    permissionsBoundary: role?.permissionsBoundary,
    sessionPolicies: session.sessionPolicies.length > 0 ? session.sessionPolicies : undefined,
    scp: world.scp(describeRole(session.roleArn)?.account),
    tags: role?.tags,
    session: {
      tags: session.tags,
      transitiveTagKeys: session.transitiveTagKeys,
      sourceIdentity: session.sourceIdentity,
      mfaAuthenticatedAt: session.mfaAuthenticatedAt,
      issuedAt: session.issuedAt,
      expiration: session.expiration,
      roleId: session.roleId,
      chain: session.chain,
    },
  };
  if (context !== undefined) caller.context = context;
  return caller;
}

// Who is calling STS, normalized: the principal the engine evaluates, its policies, and the
// session state it carries into a role chain.

import { describePrincipal, roleArnOfSession, type PrincipalInfo } from './arn.ts';
import type {
  AssumeRoleRequest,
  CallerSessionState,
  ContextMap,
  PolicyDocument,
  PolicyLevels,
  StsApi,
} from './types.ts';

export interface ResolvedCaller {
  info: PrincipalInfo;
  /** The engine's `principal`: an ARN, a service principal or a provider. */
  principal: string;
  /** `aws:PrincipalArn` (for a role session: the role's ARN). */
  principalArn?: string;
  account?: string;
  identityPolicies: PolicyDocument[];
  permissionsBoundary?: PolicyDocument;
  sessionPolicies?: PolicyDocument[];
  scp?: PolicyLevels;
  /** Principal tags: the entity's tags overridden by session tags (keys compared case-insensitively). */
  principalTags: Record<string, string>;
  session?: CallerSessionState;
  /** Whether the caller has an identity side (policies, boundary, SCPs) that AWS evaluates. */
  hasIdentitySide: boolean;
  context: ContextMap;
}

export interface CallerProblem {
  code: 'ValidationError' | 'AccessDenied';
  message: string;
}

/** Merges tag maps; a later map's key replaces an earlier one whatever its case. */
export function mergeTags(...maps: (Record<string, string> | undefined)[]): Record<string, string> {
  const byFolded = new Map<string, [string, string]>();
  for (const map of maps) {
    for (const [key, value] of Object.entries(map ?? {}))
      byFolded.set(key.toLowerCase(), [key, value]);
  }
  return Object.fromEntries(byFolded.values());
}

const FEDERATED_KINDS: Record<Exclude<StsApi, 'AssumeRole'>, PrincipalInfo['kind'][]> = {
  AssumeRoleWithSAML: ['saml-provider'],
  AssumeRoleWithWebIdentity: ['oidc-provider', 'web-identity-provider'],
};

export function resolveCaller(
  request: Pick<AssumeRoleRequest, 'api' | 'caller'>,
): ResolvedCaller | CallerProblem {
  const { api, caller } = request;
  if ('federated' in caller) {
    if (api === 'AssumeRole') {
      return {
        code: 'ValidationError',
        message: `AssumeRole needs an AWS principal, not the identity provider \`${caller.federated}\``,
      };
    }
    const info = describePrincipal(caller.federated, true);
    if (!info || !FEDERATED_KINDS[api].includes(info.kind)) {
      const wanted =
        api === 'AssumeRoleWithSAML'
          ? 'a SAML provider ARN'
          : 'an OIDC provider ARN or a web identity provider';
      return {
        code: 'ValidationError',
        message: `${api} needs ${wanted}; \`${caller.federated}\` is not one`,
      };
    }
    return {
      info,
      principal: caller.federated,
      account: info.account,
      identityPolicies: [],
      principalTags: {},
      hasIdentitySide: false,
      context: caller.context ?? {},
    };
  }

  if (api !== 'AssumeRole') {
    return {
      code: 'ValidationError',
      message: `${api} is called with a token from an identity provider, not by \`${caller.principal}\``,
    };
  }
  const info = describePrincipal(caller.principal);
  if (!info)
    return {
      code: 'ValidationError',
      message: `caller \`${caller.principal}\` is not a principal that can call AssumeRole`,
    };
  if (info.kind === 'root') {
    return {
      code: 'AccessDenied',
      message: `roles may not be assumed by the account root user \`${caller.principal}\``,
    };
  }
  if (info.kind === 'federated-user') {
    return {
      code: 'AccessDenied',
      message: `federated user \`${caller.principal}\` cannot call AssumeRole with GetFederationToken credentials`,
    };
  }
  if (
    info.kind === 'role' ||
    info.kind === 'saml-provider' ||
    info.kind === 'oidc-provider' ||
    info.kind === 'web-identity-provider'
  ) {
    return {
      code: 'ValidationError',
      message: `caller \`${caller.principal}\` cannot sign requests itself; call with a user or a role session`,
    };
  }
  const isSession = info.kind === 'assumed-role';
  const principalArn =
    info.kind === 'service'
      ? undefined
      : isSession
        ? (caller.roleArn ?? roleArnOfSession(info))
        : info.arn;
  return {
    info,
    principal: caller.principal,
    principalArn,
    account: info.account,
    identityPolicies: caller.identityPolicies ?? [],
    permissionsBoundary: caller.permissionsBoundary,
    sessionPolicies: caller.sessionPolicies,
    scp: caller.scp,
    principalTags: mergeTags(caller.tags, caller.session?.tags),
    session: isSession ? (caller.session ?? {}) : undefined,
    hasIdentitySide: info.kind !== 'service',
    context: caller.context ?? {},
  };
}

export function isCallerProblem(value: ResolvedCaller | CallerProblem): value is CallerProblem {
  return 'code' in value;
}

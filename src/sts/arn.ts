// The principal and role ARNs STS works with, parsed just enough to build sessions.
import { parseArn, webIdentityHostsNamedByHost } from '../engine/index.ts';

type PrincipalKind =
  | 'user'
  | 'root'
  | 'role'
  | 'assumed-role'
  | 'federated-user'
  | 'service'
  | 'saml-provider'
  | 'oidc-provider'
  | 'web-identity-provider';

export interface PrincipalInfo {
  kind: PrincipalKind;
  arn: string;
  account?: string;
  partition: string;
  /** The user's, role's or federated user's name (for a session: the role's name). */
  name?: string;
  sessionName?: string;
}

/**
 * Describes a principal. `federated` says the string names an identity provider (the
 * caller of AssumeRoleWithWebIdentity/SAML) rather than an AWS service, since
 * `cognito-identity.amazonaws.com` is spelled like a service principal.
 */
const described = [
  new Map<string, PrincipalInfo | null>(),
  new Map<string, PrincipalInfo | null>(),
];

export function describePrincipal(text: string, federated = false): PrincipalInfo | undefined {
  // Remembered (frozen) per text: STS and the analysis ask about the same principals often.
  const cache = described[federated ? 1 : 0]!;
  const hit = cache.get(text);
  if (hit !== undefined) return hit ?? undefined;
  if (cache.size >= 100_000) cache.clear();
  const info = describeUncached(text, federated);
  cache.set(text, info ? Object.freeze(info) : null);
  return info;
}

function describeUncached(text: string, federated: boolean): PrincipalInfo | undefined {
  const arn = parseArn(text);
  if (!arn) {
    if (federated || webIdentityHostsNamedByHost.has(text)) {
      if (!/^[\w.-]+(\.[\w.-]+)+(\/[\w./-]*)?$/.test(text)) return undefined;
      return { kind: 'web-identity-provider', arn: text, partition: 'aws', name: text };
    }
    if (/^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/.test(text)) {
      return { kind: 'service', arn: text, partition: 'aws', name: text };
    }
    return undefined;
  }
  const { partition, service, account, resource } = arn;
  if (!/^\d{12}$/.test(account)) return undefined;
  const base = { arn: text, account, partition };
  if (service === 'iam') {
    if (resource === 'root') return { ...base, kind: 'root' };
    const [type, ...rest] = resource.split('/');
    const name = rest[rest.length - 1];
    if (!name) return undefined;
    if (type === 'user') return { ...base, kind: 'user', name };
    if (type === 'role') return { ...base, kind: 'role', name };
    if (type === 'saml-provider') return { ...base, kind: 'saml-provider', name };
    if (type === 'oidc-provider') return { ...base, kind: 'oidc-provider', name: rest.join('/') };
    return undefined;
  }
  if (service === 'sts') {
    const [type, name, sessionName, ...extra] = resource.split('/');
    if (type === 'assumed-role' && name && sessionName && extra.length === 0) {
      return { ...base, kind: 'assumed-role', name, sessionName };
    }
    if (type === 'federated-user' && name && sessionName === undefined) {
      return { ...base, kind: 'federated-user', name };
    }
  }
  return undefined;
}

export interface RoleInfo {
  arn: string;
  account: string;
  partition: string;
  name: string;
}

export function describeRole(roleArn: string): RoleInfo | undefined {
  const info = describePrincipal(roleArn);
  if (!info || info.kind !== 'role' || !info.account || !info.name) return undefined;
  return { arn: roleArn, account: info.account, partition: info.partition, name: info.name };
}

/** `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`: a session ARN never carries the role's path. */
export function assumedRoleArn(role: RoleInfo, sessionName: string): string {
  return `arn:${role.partition}:sts::${role.account}:assumed-role/${role.name}/${sessionName}`;
}

/** The role behind a session ARN, without path (the session ARN does not keep it). */
export function roleArnOfSession(info: PrincipalInfo): string | undefined {
  if (info.kind !== 'assumed-role' || !info.account || !info.name) return undefined;
  return `arn:${info.partition}:iam::${info.account}:role/${info.name}`;
}

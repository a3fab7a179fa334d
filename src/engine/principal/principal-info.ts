/** What the engine knows about the principal of a request, read from its name alone. */
import { parseArn } from '../names/arn.ts';
import { webIdentityHostsNamedByHost } from './identity-providers.ts';

export type PrincipalKind =
  | 'user'
  | 'role'
  | 'role-session'
  | 'federated-user'
  | 'root'
  | 'service'
  | 'web-identity'
  | 'saml'
  | 'anonymous'
  | 'unknown';

export interface PrincipalInfo {
  kind: PrincipalKind;
  /** The principal as given. */
  text: string;
  /** The principal's own ARN (users, roles, sessions, federated users, root, providers). */
  arn?: string;
  account?: string;
  partition?: string;
  /** Default of `aws:PrincipalArn`: for a role session the role's ARN. */
  principalArn?: string;
  /** Default of `aws:username` (IAM users only). */
  userName?: string;
  roleName?: string;
  sessionName?: string;
  /** Service principal name (`lambda.amazonaws.com`). */
  serviceName?: string;
}

/** The principal kinds that carry identity-based permissions (and so SCPs, boundaries, sessions). */
export function hasIdentitySide(kind: PrincipalKind): boolean {
  return (
    kind === 'user' ||
    kind === 'role' ||
    kind === 'role-session' ||
    kind === 'federated-user' ||
    kind === 'root'
  );
}

function parseArnPrincipal(text: string): PrincipalInfo {
  const arn = parseArn(text);
  if (arn === undefined) return { kind: 'unknown', text };
  const { partition, service, account, resource } = arn;
  const base = { text, arn: text, account, partition };
  if (service === 'iam') {
    if (resource === 'root') return { ...base, kind: 'root', principalArn: text };
    if (resource.startsWith('user/')) {
      const userName = resource.slice(resource.lastIndexOf('/') + 1);
      return { ...base, kind: 'user', principalArn: text, userName };
    }
    if (resource.startsWith('role/')) {
      return {
        ...base,
        kind: 'role',
        principalArn: text,
        roleName: resource.slice(resource.lastIndexOf('/') + 1),
      };
    }
    if (resource.startsWith('saml-provider/')) return { ...base, kind: 'saml' };
    if (resource.startsWith('oidc-provider/')) return { ...base, kind: 'web-identity' };
  }
  if (service === 'sts') {
    if (resource.startsWith('assumed-role/')) {
      const [, roleName = '', ...session] = resource.split('/');
      return {
        ...base,
        kind: 'role-session',
        roleName,
        sessionName: session.join('/'),
        principalArn: `arn:${partition}:iam::${account}:role/${roleName}`,
      };
    }
    if (resource.startsWith('federated-user/'))
      return { ...base, kind: 'federated-user', principalArn: text };
  }
  return { kind: 'unknown', text, arn: text, account, partition };
}

/** Reads a principal string (see `RequestInput.principal`). */
export function parsePrincipal(text: string): PrincipalInfo {
  if (text === 'anonymous' || text === '*') return { kind: 'anonymous', text };
  if (text.startsWith('arn:')) return parseArnPrincipal(text);
  const lower = text.toLowerCase();
  if (webIdentityHostsNamedByHost.has(lower)) return { kind: 'web-identity', text };
  if (lower.includes('.')) return { kind: 'service', text, serviceName: lower };
  return { kind: 'unknown', text };
}

const cache = new Map<string, PrincipalInfo>();
const cacheLimit = 4096;

/** {@link parsePrincipal} with a bounded cache: the fast path reads the same principals over and over. */
export function principalInfo(text: string): PrincipalInfo {
  let info = cache.get(text);
  if (info === undefined) {
    if (cache.size >= cacheLimit) cache.clear();
    info = parsePrincipal(text);
    cache.set(text, info);
  }
  return info;
}

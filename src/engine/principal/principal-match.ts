/**
 * The Principal and NotPrincipal elements. A match says how the request's principal was
 * named, because AWS treats the forms differently: naming the principal itself (`exact`)
 * grants alone in the same account; naming the role of a session (`role`) is still limited
 * by the role's boundary and session policies; naming the account (`account`) only
 * delegates to the account's identity policies.
 */
import type { RequestState } from '../evaluate/context.ts';
import { isAwsAccountId, parseArn, rootArnAccount } from '../names/arn.ts';

export type PrincipalMatchKind =
  'exact' | 'role' | 'account' | 'wildcard' | 'service' | 'federated';

export interface CompiledPrincipal {
  wildcard: boolean;
  /** Full ARNs named under `AWS` (users, roles, sessions, federated users). */
  arns: ReadonlySet<string>;
  /** Account ids named under `AWS` by id or root ARN. */
  accounts: ReadonlySet<string>;
  services: ReadonlySet<string>;
  federated: ReadonlySet<string>;
  /** `account:roleName` of every role session named under `AWS` (NotPrincipal then spares only those sessions). */
  sessionRoles: ReadonlySet<string>;
  /** Every entry as written, for explanations. */
  entries: { type: string; value: string }[];
}

/** `account:roleName` of a role session ARN (`arn:aws:sts::A:assumed-role/R/S`). */
function sessionRoleKey(text: string): string | undefined {
  const arn = parseArn(text);
  if (arn?.service !== 'sts' || !arn.resource.startsWith('assumed-role/')) return undefined;
  const [, roleName, sessionName] = arn.resource.split('/');
  return roleName && sessionName ? `${arn.account}:${roleName}` : undefined;
}

function list(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** Compiles a Principal or NotPrincipal value (`"*"` or an object of principal types). */
export function compilePrincipal(element: unknown): CompiledPrincipal {
  const arns = new Set<string>();
  const accounts = new Set<string>();
  const services = new Set<string>();
  const federated = new Set<string>();
  const sessionRoles = new Set<string>();
  const entries: { type: string; value: string }[] = [];
  let wildcard = false;
  if (element === '*') {
    wildcard = true;
    entries.push({ type: '*', value: '*' });
  } else if (element && typeof element === 'object' && !Array.isArray(element)) {
    for (const [type, raw] of Object.entries(element as Record<string, unknown>)) {
      for (const value of list(raw)) {
        entries.push({ type, value });
        if (type === 'AWS') {
          if (value === '*') wildcard = true;
          else if (isAwsAccountId(value)) accounts.add(value);
          else {
            const root = rootArnAccount(value);
            if (root !== undefined) accounts.add(root);
            else arns.add(value);
            const session = sessionRoleKey(value);
            if (session !== undefined) sessionRoles.add(session);
          }
        } else if (type === 'Service') services.add(value.toLowerCase());
        else if (type === 'Federated') federated.add(value.toLowerCase());
      }
    }
  }
  // Empty sets are shared: a compiled set stays small, and so quick to walk.
  const or = (set: Set<string>) => (set.size === 0 ? noNames : set);
  return {
    wildcard,
    arns: or(arns),
    accounts: or(accounts),
    services: or(services),
    federated: or(federated),
    sessionRoles: or(sessionRoles),
    entries,
  };
}

const noNames: ReadonlySet<string> = new Set();

/** How the Principal element names the request's principal, or null when it does not. */
export function matchPrincipal(
  p: CompiledPrincipal,
  state: RequestState,
): PrincipalMatchKind | null {
  if (p.wildcard) return 'wildcard';
  const who = state.principal;
  switch (who.kind) {
    case 'user':
    case 'federated-user':
      if (p.arns.has(who.arn!)) return 'exact';
      break;
    case 'role-session':
      if (p.arns.has(who.arn!)) return 'exact';
      if (state.principalArn !== undefined && p.arns.has(state.principalArn)) return 'role';
      break;
    case 'role':
      if (p.arns.has(who.arn!)) return 'role';
      break;
    case 'root':
      if (p.accounts.has(who.account!)) return 'exact';
      return null;
    case 'service':
      return p.services.has(who.serviceName!) ? 'service' : null;
    case 'web-identity':
    case 'saml':
      return p.federated.has(who.text.toLowerCase()) ? 'federated' : null;
    default:
      return null;
  }
  return who.account !== undefined && p.accounts.has(who.account) ? 'account' : null;
}

/**
 * Whether NotPrincipal names the request's principal completely (a Deny then spares it): AWS
 * checks the account, then the role, then the session (or the user), so every one of them must
 * be listed. Where sessions of the role are listed, only those are spared: "all principals
 * except the assumed-role user named ... are explicitly denied" (AWS JSON policy elements:
 * NotPrincipal); where none is, the role and its account spare every session of the role (the
 * same page recommends including "the ARN for a role and the ARN for the account containing
 * that role"). README "Where AWS's docs leave it open".
 */
export function notPrincipalCovers(p: CompiledPrincipal, state: RequestState): boolean {
  if (p.wildcard) return true;
  const who = state.principal;
  switch (who.kind) {
    case 'root':
      return p.accounts.has(who.account!);
    case 'user':
    case 'federated-user':
    case 'role':
      return p.accounts.has(who.account!) && p.arns.has(who.arn!);
    case 'role-session':
      return (
        p.accounts.has(who.account!) &&
        (p.arns.has(who.arn!) ||
          (state.principalArn !== undefined &&
            p.arns.has(state.principalArn) &&
            !p.sessionRoles.has(`${who.account}:${who.roleName}`)))
      );
    case 'service':
      return p.services.has(who.serviceName!);
    case 'web-identity':
    case 'saml':
      return p.federated.has(who.text.toLowerCase());
    default:
      return false;
  }
}

/**
 * Whether NotPrincipal names the request's principal in any form (its ARN, its role, its
 * account, its service or provider). An Allow with NotPrincipal "is not supported" (AWS JSON
 * policy elements: NotPrincipal), so the engine never lets one grant to a principal it lists.
 */
export function notPrincipalNames(p: CompiledPrincipal, state: RequestState): boolean {
  if (p.wildcard) return true;
  const who = state.principal;
  switch (who.kind) {
    case 'service':
      return p.services.has(who.serviceName!);
    case 'web-identity':
    case 'saml':
      return p.federated.has(who.text.toLowerCase());
    default:
      return (
        (who.account !== undefined && p.accounts.has(who.account)) ||
        (who.arn !== undefined && p.arns.has(who.arn)) ||
        (state.principalArn !== undefined && p.arns.has(state.principalArn))
      );
  }
}

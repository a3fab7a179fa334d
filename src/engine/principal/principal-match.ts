/**
 * The Principal and NotPrincipal elements. A match says how the request's principal was
 * named, because AWS treats the forms differently: naming the principal itself (`exact`)
 * grants alone in the same account; naming the role of a session (`role`) is still limited
 * by the role's boundary and session policies; naming the account (`account`) only
 * delegates to the account's identity policies.
 */
import type { RequestState } from '../evaluate/context.ts';
import { isAwsAccountId, rootArnAccount } from '../names/arn.ts';

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
  /** Every entry as written, for explanations. */
  entries: { type: string; value: string }[];
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
          }
        } else if (type === 'Service') services.add(value.toLowerCase());
        else if (type === 'Federated') federated.add(value.toLowerCase());
      }
    }
  }
  return { wildcard, arns, accounts, services, federated, entries };
}

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
 * Whether NotPrincipal names the request's principal completely: AWS checks the account, then
 * the role, then the session (or the user), so every one of them must be listed.
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
          (state.principalArn !== undefined && p.arns.has(state.principalArn)))
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

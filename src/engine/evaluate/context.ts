/**
 * The request context as conditions and variables see it: the request's own keys (matched
 * case-insensitively) and the keys AWS derives from the principal, resource and time.
 */
import type { ContextValue, RequestInput } from '../types.ts';
import { principalInfo, type PrincipalInfo } from '../principal/principal-info.ts';
import { splitArn } from '../match/arn.ts';

/** Reads one context key by its lower-case name; undefined when the request does not carry it. */
export interface ContextLookup {
  get(keyLower: string): ContextValue | undefined;
}

/** A context with no keys. */
export const emptyContext: ContextLookup = { get: () => undefined };

/** Everything the compiled policies need about one request. */
export interface RequestState {
  actionLower: string;
  resource: string;
  /** The six ARN components of the resource, or null when it is no ARN. */
  resourceArn: readonly string[] | null;
  principal: PrincipalInfo;
  resourceAccount: string | undefined;
  lookup: ContextLookup;
  /** The principal's role ARN as AWS sees it (context `aws:PrincipalArn` wins over the derived one). */
  principalArn: string | undefined;
  /** Whether a permissions boundary is attached to the principal. */
  hasBoundary: boolean;
}

function lowerKeyed(context: Record<string, ContextValue>): Map<string, ContextValue> {
  const map = new Map<string, ContextValue>();
  for (const key in context) map.set(key.toLowerCase(), context[key]!);
  return map;
}

function epochSeconds(iso: string): string | undefined {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : String(Math.floor(ms / 1000));
}

/** The derived keys (README "Derived context"); nothing else is invented. */
function derived(
  keyLower: string,
  request: RequestInput,
  principal: PrincipalInfo,
  resourceAccount: string | undefined,
): ContextValue | undefined {
  switch (keyLower) {
    case 'aws:principalarn':
      return principal.principalArn;
    case 'aws:principalaccount':
      return principal.kind === 'service' || principal.kind === 'anonymous'
        ? undefined
        : principal.account;
    case 'aws:username':
      return principal.kind === 'user' ? principal.userName : undefined;
    case 'aws:principalisawsservice':
      return principal.kind === 'anonymous'
        ? undefined
        : principal.kind === 'service'
          ? 'true'
          : 'false';
    case 'aws:principalservicename':
      return principal.kind === 'service' ? principal.serviceName : undefined;
    case 'aws:resourceaccount':
      return resourceAccount;
    case 'aws:currenttime':
      return request.now;
    case 'aws:epochtime':
      return request.now === undefined ? undefined : epochSeconds(request.now);
    default:
      return undefined;
  }
}

/** The resource's account: `resourceAccount`, else the ARN's account field, else the principal's. */
export function resourceAccountOf(
  request: RequestInput,
  arn: readonly string[] | null,
  principal: PrincipalInfo,
): string | undefined {
  if (request.resourceAccount) return request.resourceAccount;
  if (arn && arn[4]) return arn[4];
  return principal.account;
}

/** The request's context: its own keys (the lower-cased map is built on first read), then the derived ones. */
class RequestContext implements ContextLookup {
  private map: Map<string, ContextValue> | undefined;

  constructor(
    private readonly request: RequestInput,
    private readonly principal: PrincipalInfo,
    private readonly resourceAccount: string | undefined,
  ) {}

  get(keyLower: string): ContextValue | undefined {
    const context = this.request.context;
    if (context !== undefined) {
      if (this.map === undefined) this.map = lowerKeyed(context);
      const given = this.map.get(keyLower);
      if (given !== undefined) return given;
    }
    return derived(keyLower, this.request, this.principal, this.resourceAccount);
  }
}

/** Builds the per-request state; cheap: the context map is only built when a key is read. */
export function requestState(request: RequestInput, hasBoundary: boolean): RequestState {
  const principal = principalInfo(request.principal);
  const resourceArn = splitArn(request.resource);
  const resourceAccount = resourceAccountOf(request, resourceArn, principal);
  const lookup = new RequestContext(request, principal, resourceAccount);
  let principalArn = principal.principalArn;
  if (principal.kind === 'role-session' && request.context !== undefined) {
    const given = lookup.get('aws:principalarn');
    if (typeof given === 'string') principalArn = given;
  }
  return {
    actionLower: request.action.toLowerCase(),
    resource: request.resource,
    resourceArn,
    principal,
    resourceAccount,
    lookup,
    principalArn,
    hasBoundary,
  };
}

/** The whole effective context (given and derived keys), for explanations. */
export function effectiveContext(
  request: RequestInput,
  state: RequestState,
): Record<string, ContextValue> {
  const out: Record<string, ContextValue> = {};
  const names = [
    'aws:PrincipalArn',
    'aws:PrincipalAccount',
    'aws:username',
    'aws:PrincipalIsAWSService',
    'aws:PrincipalServiceName',
    'aws:ResourceAccount',
    'aws:CurrentTime',
    'aws:EpochTime',
  ];
  for (const name of names) {
    const value = state.lookup.get(name.toLowerCase());
    if (value !== undefined) out[name] = value;
  }
  for (const key in request.context ?? {}) out[key] = request.context![key]!;
  return out;
}

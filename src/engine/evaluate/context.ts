/**
 * The per-request state the compiled policies are tested against: the principal read from
 * its name, the resource and its ARN components, the resource's account and the context.
 */
import type { RequestInput } from '../types.ts';
import { principalInfo, type PrincipalInfo } from '../principal/principal-info.ts';
import { splitArn } from '../match/arn.ts';
import { PRINCIPAL_ARN } from './context-keys.ts';
import { RequestContext, type KeptRequest } from './request-context.ts';

/** Everything the compiled policies need about one request. */
export interface RequestState {
  actionLower: string;
  resource: string;
  /** The six ARN components of the resource, or null when it is no ARN. */
  resourceArn: readonly string[] | null;
  principal: PrincipalInfo;
  resourceAccount: string | undefined;
  lookup: RequestContext;
  /** The principal's role ARN as AWS sees it (context `aws:PrincipalArn` wins over the derived one). */
  readonly principalArn: string | undefined;
  /** Whether a permissions boundary is attached to the principal. */
  hasBoundary: boolean;
  /** The explanation's note for a Resource (NotResource) that does not cover the resource: made once per request. */
  resourceNote(notResource: boolean): string;
  /** The explanation's note for a Principal (NotPrincipal) that does not name (excludes) the principal. */
  principalNote(notPrincipal: boolean): string;
}

/** The resource's account: `resourceAccount`, else the ARN's account field, else the principal's. */
function resourceAccountOf(
  given: string | undefined,
  arn: readonly string[] | null,
  principal: PrincipalInfo,
): string | undefined {
  if (given) return given;
  if (arn && arn[4]) return arn[4];
  return principal.account;
}

/** The per-request state; `principalArn` is read from the context only when asked for. */
class State implements RequestState {
  actionLower = '';
  resource = '';
  resourceArn: readonly string[] | null = null;
  principal: PrincipalInfo = { kind: 'unknown', text: '' };
  resourceAccount: string | undefined = undefined;
  readonly lookup = new RequestContext();
  hasBoundary = false;
  /** Which request it holds: a new number per request filled in, a kept one's when restored. */
  generation = 0;
  private arn: string | undefined = undefined;
  private arnRead = false;
  private notes: (string | undefined)[] = [undefined, undefined, undefined, undefined];

  resourceNote(notResource: boolean): string {
    const at = notResource ? 1 : 0;
    return (this.notes[at] ??=
      `${notResource ? 'NotResource' : 'Resource'} does not cover \`${this.resource}\``);
  }

  principalNote(notPrincipal: boolean): string {
    const at = notPrincipal ? 3 : 2;
    return (this.notes[at] ??=
      `${notPrincipal ? 'NotPrincipal excludes' : 'Principal does not name'} \`${this.principal.text}\``);
  }

  get principalArn(): string | undefined {
    if (!this.arnRead) {
      this.arnRead = true;
      this.arn = this.principal.principalArn;
      if (this.principal.kind === 'role-session') {
        const given = this.lookup.byId(PRINCIPAL_ARN);
        if (typeof given === 'string') this.arn = given;
      }
    }
    return this.arn;
  }

  fill(request: RequestInput, actionLower: string, hasBoundary: boolean): this {
    const principal = principalInfo(request.principal);
    const resourceArn = splitArn(request.resource);
    const resourceAccount = resourceAccountOf(request.resourceAccount, resourceArn, principal);
    this.lookup.reset(request.context, request.now, principal, resourceAccount);
    this.generation = ++generations;
    return this.set(
      actionLower,
      request.resource,
      resourceArn,
      principal,
      resourceAccount,
      hasBoundary,
    );
  }

  restore(kept: KeptRequest, actionLower: string, hasBoundary: boolean): this {
    this.lookup.restore(kept);
    this.generation = kept.generation;
    const { resource, resourceArn, principal, resourceAccount } = kept;
    return this.set(actionLower, resource, resourceArn, principal, resourceAccount, hasBoundary);
  }

  private set(
    actionLower: string,
    resource: string,
    resourceArn: readonly string[] | null,
    principal: PrincipalInfo,
    resourceAccount: string | undefined,
    hasBoundary: boolean,
  ): this {
    this.actionLower = actionLower;
    this.resource = resource;
    this.resourceArn = resourceArn;
    this.principal = principal;
    this.resourceAccount = resourceAccount;
    this.hasBoundary = hasBoundary;
    this.arnRead = false;
    const notes = this.notes;
    notes[0] = notes[1] = notes[2] = notes[3] = undefined;
    return this;
  }
}

const scratch = new State();
let generations = 0;

/**
 * The per-request state, reusing one object (evaluation is synchronous, and neither the
 * decision nor the explanation keeps anything of it): no allocation per request.
 */
export function scratchState(
  request: RequestInput,
  actionLower: string,
  set: { boundary: unknown },
): RequestState {
  return scratch.fill(request, actionLower, set.boundary !== undefined);
}

/** What {@link restoredState} needs to give this request's state again, later. */
export function keepRequest(request: RequestInput, state: RequestState): KeptRequest {
  const { given, ids, values, readFor } = state.lookup.keep();
  return {
    principal: state.principal,
    resource: state.resource,
    resourceArn: state.resourceArn,
    resourceAccount: state.resourceAccount,
    now: request.now,
    given,
    ids,
    values,
    readFor,
    generation: scratch.generation,
  };
}

/**
 * The state of a kept request, as {@link scratchState} gave it (reusing the same object; as
 * it is when it still holds that request, no other having been filled in or restored since).
 */
export function restoredState(
  kept: KeptRequest,
  actionLower: string,
  set: { boundary: unknown },
): RequestState {
  if (scratch.generation === kept.generation) return scratch;
  return scratch.restore(kept, actionLower, set.boundary !== undefined);
}

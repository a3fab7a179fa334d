/**
 * The request context as conditions and variables see it: the request's own keys (matched
 * case-insensitively) and the keys AWS derives from the principal, resource and time.
 */
import type { ContextValue, RequestInput } from '../types.ts';
import { principalInfo, type PrincipalInfo } from '../principal/principal-info.ts';
import { splitArn } from '../match/arn.ts';
import { parseDate } from '../time/iso-date.ts';

/** Reads one context key by its lower-case name; undefined when the request does not carry it. */
export interface ContextLookup {
  get(keyLower: string): ContextValue | undefined;
}

/** A context with no keys. */
export const emptyContext: ContextLookup = { get: () => undefined };

/**
 * Context keys resolved once into small integer ids, so a condition finds its key in the
 * request by comparing numbers: policy keys get an id when they are compiled, and a request's
 * key is lower-cased once per distinct spelling (cached), never per request.
 */
const keyIds = new Map<string, number>();
/**
 * Request spellings to ids; `-1` (no policy asks for the key) holds only while no key is
 * added. A prototype-less object: property keys are interned, so a lookup is cheaper than a Map's.
 */
let spellings: Record<string, number> = Object.create(null) as Record<string, number>;
let spellingCount = 0;
let spellingsFor = 0;

/** The id of a lower-case key name (registered on first use: policy keys, derived keys). */
export function keyIdOf(keyLower: string): number {
  let id = keyIds.get(keyLower);
  if (id === undefined) {
    id = keyIds.size;
    keyIds.set(keyLower, id);
  }
  return id;
}

/** The id of a request's key as spelled, or -1 when no policy asks for it. */
function requestKeyId(key: string): number {
  if (spellingsFor !== keyIds.size || spellingCount >= 4096) {
    spellings = Object.create(null) as Record<string, number>;
    spellingCount = 0;
    spellingsFor = keyIds.size;
  }
  let id = spellings[key];
  if (id === undefined) {
    id = keyIds.get(key.toLowerCase()) ?? -1;
    spellings[key] = id;
    spellingCount++;
  }
  return id;
}

const PRINCIPAL_ARN = keyIdOf('aws:principalarn');
const PRINCIPAL_ACCOUNT = keyIdOf('aws:principalaccount');
const USERNAME = keyIdOf('aws:username');
const PRINCIPAL_IS_SERVICE = keyIdOf('aws:principalisawsservice');
const PRINCIPAL_SERVICE_NAME = keyIdOf('aws:principalservicename');
const RESOURCE_ACCOUNT = keyIdOf('aws:resourceaccount');
const CURRENT_TIME = keyIdOf('aws:currenttime');
const EPOCH_TIME = keyIdOf('aws:epochtime');

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

/** `aws:EpochTime` by request time (bounded: requests share a few clocks); null: no date. */
const epochs = new Map<string, string | null>();

/** `aws:EpochTime` from the request time. */
function epochSeconds(iso: string): string | undefined {
  let epoch = epochs.get(iso);
  if (epoch === undefined) {
    if (epochs.size >= 256) epochs.clear();
    const ms = parseDate(iso);
    epoch = ms === undefined ? null : String(Math.floor(ms / 1000));
    epochs.set(iso, epoch);
  }
  return epoch ?? undefined;
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

/** A request's own context keys and values, in for-in order, as {@link RequestContext.keep} kept them. */
export interface GivenContext {
  readonly keys: readonly string[];
  readonly values: readonly ContextValue[];
}

const noKeys: GivenContext = Object.freeze({ keys: Object.freeze([]), values: Object.freeze([]) });
const noIds: readonly number[] = Object.freeze([]);

/**
 * What a request's state is made from, kept apart from the request (whose context its caller
 * may change afterwards): the explanation builds the rest of itself from it when first read.
 */
export interface KeptRequest {
  principal: PrincipalInfo;
  resource: string;
  resourceArn: readonly string[] | null;
  /** As the state resolved it (given, else the ARN's, else the principal's). */
  resourceAccount: string | undefined;
  now: string | undefined;
  given: GivenContext;
  /** The keys policies ask for, as read (ids and values), and how many key ids existed then. */
  ids: readonly number[];
  values: readonly ContextValue[];
  readFor: number;
}

/**
 * The request's context: its own keys (read into id/value arrays on the first lookup), then
 * the derived keys (README "Derived context"; nothing else is invented).
 */
export class RequestContext implements ContextLookup {
  private context: Record<string, ContextValue> | undefined = undefined;
  private now: string | undefined = undefined;
  /** The request's keys and values as a {@link GivenContext} holds them, read instead of `context`. */
  private given: GivenContext | null = null;
  private principal!: PrincipalInfo;
  private resourceAccount: string | undefined;
  /** How many key ids existed when the request was read (-1: not read): a key added since re-reads it. */
  private readFor = -1;
  private count = 0;
  private readonly ids: number[] = [];
  private readonly values: ContextValue[] = [];
  /** Every key of the request as given, in for-in order, and its value (for the explanation's context). */
  private givenCount = 0;
  private readonly givenKeys: string[] = [];
  private readonly givenValues: ContextValue[] = [];

  reset(
    context: Record<string, ContextValue> | undefined,
    given: GivenContext | null,
    now: string | undefined,
    principal: PrincipalInfo,
    resourceAccount: string | undefined,
  ) {
    this.context = context;
    this.given = given;
    this.now = now;
    this.principal = principal;
    this.resourceAccount = resourceAccount;
    this.readFor = -1;
    this.count = 0;
    return this;
  }

  private readRequest(): void {
    this.readFor = keyIds.size;
    this.count = 0;
    this.givenCount = 0;
    if (this.given !== null) return this.readGiven(this.given);
    const context = this.context;
    if (context === undefined) return;
    let n = 0;
    let g = 0;
    for (const key in context) {
      const value = context[key]!;
      this.givenKeys[g] = key;
      this.givenValues[g++] = value;
      const id = requestKeyId(key);
      if (id < 0) continue;
      this.ids[n] = id;
      this.values[n] = value;
      n++;
    }
    this.count = n;
    this.givenCount = g;
  }

  /** {@link readRequest} from the keys and values a {@link GivenContext} kept. */
  private readGiven(given: GivenContext): void {
    const { keys, values } = given;
    let n = 0;
    for (let g = 0; g < keys.length; g++) {
      const key = keys[g]!;
      const value = values[g]!;
      this.givenKeys[g] = key;
      this.givenValues[g] = value;
      const id = requestKeyId(key);
      if (id < 0) continue;
      this.ids[n] = id;
      this.values[n] = value;
      n++;
    }
    this.count = n;
    this.givenCount = keys.length;
  }

  /** The request's keys as read, kept for {@link restore} (copies: they outlive this read). */
  keep(): Pick<KeptRequest, 'given' | 'ids' | 'values' | 'readFor'> {
    if (this.readFor !== keyIds.size) this.readRequest();
    const n = this.givenCount;
    const given =
      n === 0 ? noKeys : { keys: this.givenKeys.slice(0, n), values: this.givenValues.slice(0, n) };
    const count = this.count;
    return {
      given,
      ids: count === 0 ? noIds : this.ids.slice(0, count),
      values: count === 0 ? noKeys.values : this.values.slice(0, count),
      readFor: this.readFor,
    };
  }

  /** The context of a kept request, as it was read (read again from its keys if a key id was added since). */
  restore(kept: KeptRequest): void {
    this.context = undefined;
    this.given = kept.given;
    this.now = kept.now;
    this.principal = kept.principal;
    this.resourceAccount = kept.resourceAccount;
    const n = kept.ids.length;
    for (let i = 0; i < n; i++) {
      this.ids[i] = kept.ids[i]!;
      this.values[i] = kept.values[i]!;
    }
    this.count = n;
    this.readFor = kept.readFor;
    if (kept.given !== noKeys) {
      const { keys, values } = kept.given;
      for (let g = 0; g < keys.length; g++) {
        this.givenKeys[g] = keys[g]!;
        this.givenValues[g] = values[g]!;
      }
    }
    this.givenCount = kept.given.keys.length;
  }

  /** Copies the request's own keys into `out`, as a for-in over its context would (read once per request). */
  copyGiven(out: Record<string, ContextValue>): void {
    if (this.readFor !== keyIds.size) this.readRequest();
    const keys = this.givenKeys;
    const values = this.givenValues;
    for (let i = 0; i < this.givenCount; i++) out[keys[i]!] = values[i]!;
  }

  /** The value of the key with this id (see {@link keyIdOf}). */
  byId(id: number): ContextValue | undefined {
    if (this.readFor !== keyIds.size) this.readRequest();
    // From the end: of two spellings of one key, the later one wins.
    for (let i = this.count - 1; i >= 0; i--) if (this.ids[i] === id) return this.values[i];
    return this.derived(id);
  }

  get(keyLower: string): ContextValue | undefined {
    return this.byId(keyIdOf(keyLower));
  }

  private derived(id: number): ContextValue | undefined {
    const principal = this.principal;
    switch (id) {
      case PRINCIPAL_ARN:
        return principal.principalArn;
      case PRINCIPAL_ACCOUNT:
        return principal.kind === 'service' || principal.kind === 'anonymous'
          ? undefined
          : principal.account;
      case USERNAME:
        return principal.kind === 'user' ? principal.userName : undefined;
      case PRINCIPAL_IS_SERVICE:
        return principal.kind === 'anonymous'
          ? undefined
          : principal.kind === 'service'
            ? 'true'
            : 'false';
      case PRINCIPAL_SERVICE_NAME:
        return principal.kind === 'service' ? principal.serviceName : undefined;
      case RESOURCE_ACCOUNT:
        return this.resourceAccount;
      case CURRENT_TIME:
        return this.now;
      case EPOCH_TIME:
        return this.now === undefined ? undefined : epochSeconds(this.now);
      default:
        return undefined;
    }
  }
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
    this.lookup.reset(request.context, null, request.now, principal, resourceAccount);
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
  };
}

/** The state of a kept request, as {@link scratchState} gave it (reusing the same object). */
export function restoredState(
  kept: KeptRequest,
  actionLower: string,
  set: { boundary: unknown },
): RequestState {
  return scratch.restore(kept, actionLower, set.boundary !== undefined);
}

const derivedNames = [
  'aws:PrincipalArn',
  'aws:PrincipalAccount',
  'aws:username',
  'aws:PrincipalIsAWSService',
  'aws:PrincipalServiceName',
  'aws:ResourceAccount',
  'aws:CurrentTime',
  'aws:EpochTime',
];
const derivedIds = derivedNames.map((name) => keyIdOf(name.toLowerCase()));

/**
 * The whole effective context (given and derived keys), for explanations: the derived keys
 * in `derivedNames` order, then the request's own (a key spelled exactly as a derived one
 * keeps its place). The usual sets of derived keys are object literals, which
 * V8 builds far faster than one keyed store at a time.
 */
export function effectiveContext(state: RequestState): Record<string, ContextValue> {
  const lookup = state.lookup;
  const arn = lookup.byId(derivedIds[0]!);
  const account = lookup.byId(derivedIds[1]!);
  const userName = lookup.byId(derivedIds[2]!);
  const isService = lookup.byId(derivedIds[3]!);
  const serviceName = lookup.byId(derivedIds[4]!);
  const resourceAccount = lookup.byId(derivedIds[5]!);
  const time = lookup.byId(derivedIds[6]!);
  const epoch = lookup.byId(derivedIds[7]!);
  const present =
    (arn === undefined ? 0 : 1) |
    (account === undefined ? 0 : 2) |
    (userName === undefined ? 0 : 4) |
    (isService === undefined ? 0 : 8) |
    (serviceName === undefined ? 0 : 16) |
    (resourceAccount === undefined ? 0 : 32) |
    (time === undefined ? 0 : 64) |
    (epoch === undefined ? 0 : 128);
  let out: Record<string, ContextValue>;
  // Each literal lists its keys in `derivedNames` order.
  if (present === 0b11101011)
    out = {
      'aws:PrincipalArn': arn!,
      'aws:PrincipalAccount': account!,
      'aws:PrincipalIsAWSService': isService!,
      'aws:ResourceAccount': resourceAccount!,
      'aws:CurrentTime': time!,
      'aws:EpochTime': epoch!,
    };
  else if (present === 0b11101111)
    out = {
      'aws:PrincipalArn': arn!,
      'aws:PrincipalAccount': account!,
      'aws:username': userName!,
      'aws:PrincipalIsAWSService': isService!,
      'aws:ResourceAccount': resourceAccount!,
      'aws:CurrentTime': time!,
      'aws:EpochTime': epoch!,
    };
  else if (present === 0b11101010)
    out = {
      'aws:PrincipalAccount': account!,
      'aws:PrincipalIsAWSService': isService!,
      'aws:ResourceAccount': resourceAccount!,
      'aws:CurrentTime': time!,
      'aws:EpochTime': epoch!,
    };
  else {
    out = {};
    for (let i = 0; i < derivedNames.length; i++) {
      const value = lookup.byId(derivedIds[i]!);
      if (value !== undefined) out[derivedNames[i]!] = value;
    }
  }
  // The request's keys as `readRequest` read them (one for-in per request, not two).
  lookup.copyGiven(out);
  return out;
}

/**
 * The request context as conditions and variables see it: the request's own keys (matched
 * case-insensitively) and the keys AWS derives from the principal, resource and time.
 */
import type { ContextValue } from '../types.ts';
import type { PrincipalInfo } from '../principal/principal-info.ts';
import { parseDate } from '../time/iso-date.ts';
import {
  CURRENT_TIME,
  EPOCH_TIME,
  keyIdCount,
  keyIdOf,
  PRINCIPAL_ACCOUNT,
  PRINCIPAL_ARN,
  PRINCIPAL_IS_SERVICE,
  PRINCIPAL_SERVICE_NAME,
  requestKeyId,
  RESOURCE_ACCOUNT,
  USERNAME,
} from './context-keys.ts';

/** Reads one context key by its lower-case name; undefined when the request does not carry it. */
export interface ContextLookup {
  get(keyLower: string): ContextValue | undefined;
}

/** A context with no keys. */
export const emptyContext: ContextLookup = { get: () => undefined };

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

/** A request's own context keys and values, in for-in order, as {@link RequestContext.keep} kept them. */
interface GivenContext {
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
  /** The state's `generation` when it was kept. */
  generation: number;
}

/**
 * The request's context: its own keys (read into id/value arrays on the first lookup), then
 * the derived keys (README "Derived context"; nothing else is invented).
 */
export class RequestContext implements ContextLookup {
  /** The request's context object; undefined when it has none, or when restored from a {@link KeptRequest}. */
  private context: Record<string, ContextValue> | undefined = undefined;
  private now: string | undefined = undefined;
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
    now: string | undefined,
    principal: PrincipalInfo,
    resourceAccount: string | undefined,
  ) {
    this.context = context;
    this.now = now;
    this.principal = principal;
    this.resourceAccount = resourceAccount;
    this.readFor = -1;
    this.count = 0;
    this.givenCount = 0;
    return this;
  }

  /**
   * Reads the request's keys into id/value arrays: from its context object (for-in order),
   * or, restored from a {@link KeptRequest}, from the given keys {@link restore} put back.
   * One pass over the keys either way (each one through {@link readKey}).
   */
  private readRequest(): void {
    this.readFor = keyIdCount();
    const context = this.context;
    let n = 0;
    if (context !== undefined) {
      let g = 0;
      for (const key in context) n = this.readKey(g++, key, context[key]!, n);
      this.givenCount = g;
    } else {
      const keys = this.givenKeys;
      const values = this.givenValues;
      for (let g = 0; g < this.givenCount; g++) n = this.readKey(g, keys[g]!, values[g]!, n);
    }
    this.count = n;
  }

  /** Keeps the request's `g`th key and, when a policy asks for it, its id and value (the `n`th); the next `n`. */
  private readKey(g: number, key: string, value: ContextValue, n: number): number {
    this.givenKeys[g] = key;
    this.givenValues[g] = value;
    const id = requestKeyId(key);
    if (id < 0) return n;
    this.ids[n] = id;
    this.values[n] = value;
    return n + 1;
  }

  /** The request's keys as read, kept for {@link restore} (copies: they outlive this read). */
  keep(): Pick<KeptRequest, 'given' | 'ids' | 'values' | 'readFor'> {
    if (this.readFor !== keyIdCount()) this.readRequest();
    // From now on the keys are read again (a key id added) from the copies, not from the
    // caller's object, which it may change: this context is then what `restore` would make.
    this.context = undefined;
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
    if (this.readFor !== keyIdCount()) this.readRequest();
    const keys = this.givenKeys;
    const values = this.givenValues;
    for (let i = 0; i < this.givenCount; i++) out[keys[i]!] = values[i]!;
  }

  /** The value of the key with this id (see {@link keyIdOf}). */
  byId(id: number): ContextValue | undefined {
    if (this.readFor !== keyIdCount()) this.readRequest();
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

// Request classes: which requests the policies of one compiled set cannot tell apart, for one
// action. What the policies can read of a request (`requestReads`) is read from the documents,
// conservatively: a statement that may cover the action counts whole; anything this does not
// understand makes the whole request count. Two requests equal in all of it get the same
// explanation from the engine (the same statements apply, the same conditions fail), so one
// answer: the adapter asks the engine once per class, for AssumeRole and for any call alike.
// A request's class is its caller's part (`callerClass`: the principal or its class, the
// values of the keys read) and its resource's (`resourceClass`: the account, which Resource
// patterns cover it, as the engine matches them).

import {
  compilePolicies,
  evaluate,
  wildcardMatches,
  type CompiledPolicySet,
  type ContextValue,
  type RequestInput,
} from '../../engine';

export interface RequestReads {
  /** Condition keys (lower case) of the statements that may cover the action, sorted. */
  keys: string[];
  /** The principal's ARN itself may matter (else only its partition, service, account and type). */
  principal: boolean;
  /**
   * The resource's ARN itself may matter (else only its account): as far as `resources`
   * cover it (a resource covered by the same of them, in the same account, is the same).
   */
  resource: boolean;
  /** The Resource and NotResource patterns of those statements other than `*`, sorted. */
  resources: string[];
  /** A policy variable or an element this does not read: the whole request matters. */
  everything: boolean;
}

type Statement = Record<string, unknown>;

const EVERYTHING: RequestReads = Object.freeze({
  keys: [],
  principal: true,
  resource: true,
  resources: [],
  everything: true,
}) as RequestReads;

const ACCOUNT_PRINCIPAL = /^(\*|\d{12}|arn:[^:]+:iam::\d{12}:root)$/;
/** Keys the engine derives from the principal's ARN (or STS sets from the principal). */
const PRINCIPAL_KEY = /^aws:(principal|username$|userid$)/;

const strings = (value: unknown): string[] | undefined =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value) && value.every((v) => typeof v === 'string')
      ? value
      : undefined;

/** Whether the statement may cover the action (a NotAction, or anything unusual, may). */
function mayCover(s: Statement, action: string): boolean {
  if (!('Action' in s)) return true;
  const list = strings(s.Action);
  return list === undefined || list.some((p) => wildcardMatches(p, action, true));
}

/** Equal reads as one object (sides with the same reads share their callers' classes). */
const interned = new Map<string, RequestReads>();
function intern(reads: RequestReads): RequestReads {
  const key = JSON.stringify(reads);
  let hit = interned.get(key);
  if (!hit) {
    hit = reads;
    interned.set(key, hit);
  }
  return hit;
}

/** The reads of these documents' statements for requests of this action (equal reads: one object). */
export function requestReads(docs: readonly object[], action: string): RequestReads {
  const reads = readsOf(docs, action);
  return reads === EVERYTHING ? EVERYTHING : intern(reads);
}

const joins = new WeakMap<RequestReads, WeakMap<RequestReads, RequestReads>>();

/**
 * The reads of two sets' documents together, from each set's reads: `requestReads(a ++ b)`
 * (reads are a union over statements), made once per pair.
 */
export function joinedReads(a: RequestReads, b: RequestReads): RequestReads {
  let byB = joins.get(a);
  if (!byB) {
    byB = new WeakMap();
    joins.set(a, byB);
  }
  let both = byB.get(b);
  if (!both) {
    both =
      a.everything || b.everything
        ? EVERYTHING
        : intern({
            keys: [...new Set([...a.keys, ...b.keys])].sort(),
            principal: a.principal || b.principal,
            resource: a.resource || b.resource,
            resources: [...new Set([...a.resources, ...b.resources])].sort(),
            everything: false,
          });
    byB.set(b, both);
  }
  return both;
}

function readsOf(docs: readonly object[], action: string): RequestReads {
  const keys = new Set<string>();
  const resources = new Set<string>();
  let principal = false;
  for (const doc of docs) {
    const raw = (doc as { Statement?: unknown }).Statement;
    const list: unknown[] = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    for (const item of list) {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) return EVERYTHING;
      const s = item as Statement;
      if (!mayCover(s, action)) continue;
      if (JSON.stringify(s).includes('${')) return EVERYTHING;
      if ('NotResource' in s) {
        const patterns = strings(s.NotResource);
        if (patterns === undefined) return EVERYTHING;
        for (const p of patterns) resources.add(p);
      }
      if ('Resource' in s) {
        const patterns = strings(s.Resource);
        if (patterns === undefined) return EVERYTHING;
        for (const p of patterns) if (p !== '*') resources.add(p);
      }
      if ('NotPrincipal' in s) principal = true;
      if ('Principal' in s) {
        const p = s.Principal;
        if (typeof p === 'string') {
          if (p !== '*') principal = true;
        } else if (typeof p === 'object' && p !== null && !Array.isArray(p)) {
          for (const [type, value] of Object.entries(p)) {
            const values = strings(value);
            if (values === undefined) return EVERYTHING;
            // Service, Federated and CanonicalUser name a caller that is its own class.
            if (type === 'AWS' && values.some((v) => !ACCOUNT_PRINCIPAL.test(v))) principal = true;
          }
        } else return EVERYTHING;
      }
      if ('Condition' in s) {
        const block = s.Condition;
        if (typeof block !== 'object' || block === null || Array.isArray(block)) return EVERYTHING;
        for (const operator of Object.values(block)) {
          if (typeof operator !== 'object' || operator === null || Array.isArray(operator))
            return EVERYTHING;
          for (const key of Object.keys(operator)) {
            const lower = key.toLowerCase();
            keys.add(lower);
            if (PRINCIPAL_KEY.test(lower)) principal = true;
          }
        }
      }
    }
  }
  return {
    keys: [...keys].sort(),
    principal,
    resource: resources.size > 0,
    resources: [...resources].sort(),
    everything: false,
  };
}

/** An IAM or STS ARN up to its resource type (`arn:aws:iam::111122223333:user`); else itself. */
function classOf(arn: string): string {
  const m = /^arn:[^:]*:(?:iam|sts)::\d{12}:[^/:]+/.exec(arn);
  return m ? m[0] : arn;
}

/** The account of an ARN (`arn:aws:iam::111122223333:role/x`), or the ARN itself. */
function accountOf(arn: string): string {
  const m = /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/.exec(arn);
  return m ? m[1]! : arn;
}

const lowerContexts = new WeakMap<object, Map<string, ContextValue>>();

/** The request's context by lower-case key (made once per context object: callers share theirs). */
function lowerContext(context: Record<string, ContextValue>): Map<string, ContextValue> {
  let lower = lowerContexts.get(context);
  if (!lower) {
    lower = new Map();
    for (const key in context) lower.set(key.toLowerCase(), context[key]!);
    lowerContexts.set(context, lower);
  }
  return lower;
}

/**
 * The caller's part of a request's class (for requests that share everything else: action,
 * resource and its account, instant, and the question's own context `shared`): its principal
 * (or its class) and its values of the keys read that `shared` does not set. Callers with the
 * same part make requests of the same class. Undefined when the reads see everything: then
 * every caller is a class of its own.
 */
export function callerClass(
  principal: string,
  context: Record<string, ContextValue>,
  reads: RequestReads,
  shared?: Record<string, ContextValue>,
): string | undefined {
  if (reads.everything) return undefined;
  const lower = lowerContext(context);
  const fixed = shared ? lowerContext(shared) : undefined;
  let out = reads.principal ? principal : classOf(principal);
  for (const key of reads.keys) {
    if (fixed?.has(key)) continue;
    const value = lower.get(key);
    out += `\n${value === undefined ? '-' : JSON.stringify(value)}`;
  }
  return out;
}

/**
 * The resource's part of a request's class: its account, and which of the patterns read cover
 * it (the whole ARN when the reads are everything).
 */
export function resourceClass(resource: string, reads: RequestReads): string {
  if (reads.everything) return resource;
  return reads.resource
    ? `${accountOf(resource)} ${coveredBy(reads.resources, resource)}`
    : accountOf(resource);
}

/**
 * The request's class under these reads: two requests of the same class are the same request
 * to those policies.
 */
export function requestClass(request: RequestInput, reads: RequestReads): string {
  const head = [
    resourceClass(request.resource, reads),
    request.resourceAccount ?? '',
    request.action,
    request.now ?? '',
  ].join('\n');
  const caller = callerClass(request.principal, request.context ?? {}, reads);
  return caller === undefined
    ? `${head}\n${request.principal}\n${JSON.stringify(request.context ?? {})}`
    : `${head}\n${caller}`;
}

// Which Resource (or NotResource) patterns of a policy cover a resource, as the engine
// matches them: each pattern asked of the engine itself, as the one statement of a probe
// policy (so an ARN pattern is matched component by component, exactly as in a decision).

/** The probe's caller and the resource's account: one account, so the identity Allow alone decides. */
const PROBE_ACCOUNT = '000000000000';
const PROBE_PRINCIPAL = `arn:aws:iam::${PROBE_ACCOUNT}:user/rolecraft-probe`;
const PROBE_ACTION = 'rolecraft:Probe';

const probes = new Map<string, { set: CompiledPolicySet; covers: Map<string, boolean> }>();

/** Whether the pattern covers the resource, by the engine's decision on a probe policy. */
function patternCovers(pattern: string, resource: string): boolean {
  let probe = probes.get(pattern);
  if (!probe) {
    if (probes.size >= 20_000) probes.clear();
    const set = compilePolicies({
      identity: [
        { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: pattern }] },
      ],
    });
    probe = { set, covers: new Map() };
    probes.set(pattern, probe);
  }
  let covered = probe.covers.get(resource);
  if (covered === undefined) {
    if (probe.covers.size >= 50_000) probe.covers.clear();
    covered =
      evaluate(
        {
          principal: PROBE_PRINCIPAL,
          action: PROBE_ACTION,
          resource,
          resourceAccount: PROBE_ACCOUNT,
        },
        probe.set,
      ).decision === 'Allow';
    probe.covers.set(resource, covered);
  }
  return covered;
}

/** One character per pattern: `1` when it covers the resource, else `0`. */
function coveredBy(patterns: readonly string[], resource: string): string {
  let bits = '';
  for (const p of patterns) bits += patternCovers(p, resource) ? '1' : '0';
  return bits;
}

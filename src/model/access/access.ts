// The two questions every part of Rolecraft asks about a design, answered by STS and the
// engine exactly as the simulator answers them: can this node assume that role, can this
// node make this call. Each answer says whether it holds as the design stands, only under
// named conditions, or not at all (and which layer said no).

import {
  compilePolicies,
  evaluate,
  type CompiledPolicySet,
  type PolicyDocument,
  type PolicyInputs,
  type RequestInput,
} from '../../engine';
import {
  IdGenerator,
  assumeRole,
  callerPolicyInputs,
  prepareAssume,
  rolePolicyInputs,
  trustRequest,
  describeRole,
  principalCalls,
  sessionCalls,
  type CallInputs,
  type CallsOf,
  type WorldIndex,
  type ContextMap,
  type PreparedAssume,
  type RoleDefinition,
} from '../../sts';
import { contextText } from './context-text';
import { arnOf } from '../arn';
import { onEntities } from '../entity-memo';
import { findEntity } from '../lookup';
import type { Design, Entity, EntityId } from '../types';
import { DEFAULT_NOW_MS, DEFAULT_SESSION_NAME } from './defaults';
import { type ConditionNeed } from './solve';
import {} from './sources';
import { allowed, type AccessStatus, type AccessVerdict } from './verdict';
import {
  callerSignature,
  requestReads,
  requestSignature,
  resourceSignature,
  signatureButResource,
  type RequestReads,
} from './request-reads';
import { designWorld, worldForResource, type DesignWorld } from './world';

import {
  type AssumeQuestion,
  type CallQuestion,
  SIMULATION_SEED,
  ALLOW_ALL,
  freshSession,
  type CallerSetup,
  assumeSetup,
  callerSetup,
  deniedEvaluation,
  denied,
  stsDenied,
  solve,
} from './setup';
export type { AssumeQuestion, CallQuestion } from './setup';

/**
 * What the analysis reads of a verdict: its status and needs, exactly those of the full
 * verdict (`canAssume`, `canCall`), without the explanation and the words for people.
 */
export interface AccessAnswer {
  status: AccessStatus;
  needs: ConditionNeed[];
}

const ALLOWED: AccessAnswer = Object.freeze({ status: 'allowed', needs: [] }) as AccessAnswer;
const DENIED: AccessAnswer = Object.freeze({ status: 'denied', needs: [] }) as AccessAnswer;
const answerOf = (v: AccessVerdict): AccessAnswer =>
  v.status === 'allowed'
    ? ALLOWED
    : v.status === 'denied'
      ? DENIED
      : { status: v.status, needs: v.needs };

/**
 * Whether no statement of these policies has a condition. Then no request context can change
 * the decision, and a denial is final: the explanation would show no condition to meet (see
 * `proposeContext`), so the fast decision alone answers.
 */
function conditionFree(inputs: PolicyInputs): boolean {
  return documentsOf(inputs).every((doc) => {
    const raw = doc.Statement;
    const list: unknown[] = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    return list.every(
      (st) => !st || typeof st !== 'object' || !('Condition' in st) || st.Condition === undefined,
    );
  });
}

/** Policies compiled once, with whether any of their statements has a condition. */
interface CompiledSide {
  set: CompiledPolicySet;
  conditionFree: boolean;
  /** The documents compiled (every kind, in no particular order). */
  docs: readonly PolicyDocument[];
  /** What requests of each action read of these policies (see `requestReads`), made on first use. */
  reads?: Map<string, RequestReads>;
  /** The conditions found for a denied request, by its signature under those reads. */
  solved?: Map<string, SolvedAssume>;
  /** Each action's reads as a number shared by sides with the same reads (see `readsNumber`). */
  readsNumbers?: Map<string, number>;
  /**
   * AssumeRole answers on these policies (a caller's side joined with a trust), by the role's
   * class (`roleClass`), then the caller's (`callerClass`).
   */
  answers?: Map<string, Map<string, AccessAnswer>>;
}

/** The reads of every side, numbered by what they read: callers' classes are kept per number. */
const readsNumbering = new Map<string, number>();
function readsNumber(reads: RequestReads): number {
  const key = JSON.stringify(reads);
  let n = readsNumbering.get(key);
  if (n === undefined) {
    n = readsNumbering.size;
    readsNumbering.set(key, n);
  }
  return n;
}

/** The number of a side's reads for an action (made once per side and action). */
function readsNumberOn(side: CompiledSide, action: string): number {
  side.readsNumbers ??= new Map();
  let n = side.readsNumbers.get(action);
  if (n === undefined) {
    n = readsNumber(readsOn(side, action));
    side.readsNumbers.set(action, n);
  }
  return n;
}

/**
 * A conditional AssumeRole found by explaining one request: the context that met its
 * conditions in one round (merged as `assumeSide` merges it, with that side's cache key) and
 * the needs. A request of the same signature on the same set gets the same explanation, so the
 * same needs; the context is still checked for each caller by the fast decision.
 */
interface SolvedAssume {
  context: ContextMap;
  /** `assumeSide`'s key for the caller with that context. */
  key: string | number;
  needs: ConditionNeed[];
}

/**
 * Compiled sides shared by every caller (or target) whose inputs are the same documents (the
 * same objects: principals sharing a managed policy or a group share its parsed document):
 * `compilePolicies` reads only the documents and their places, so one compiled set serves
 * them all, and so does each join of two sides (with the action plans the engine fills in).
 */
class SideCache {
  private readonly ids = new WeakMap<object, number>();
  private nextId = 0;
  private readonly sides = new Map<string, CompiledSide>();
  private readonly joins = new WeakMap<CompiledSide, Map<CompiledSide, CompiledSide>>();

  private id(doc: object): number {
    let id = this.ids.get(doc);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(doc, id);
    }
    return id;
  }

  private list(docs: readonly object[] | undefined): string {
    return docs === undefined ? '-' : docs.map((d) => this.id(d)).join(',');
  }

  private levels(levels: readonly (readonly object[])[] | undefined): string {
    return levels === undefined ? '-' : levels.map((l) => this.list(l)).join(';');
  }

  side(inputs: PolicyInputs): CompiledSide {
    const { identity, permissionsBoundary: b, session, resource: r, scp, rcp } = inputs;
    const key = `${this.list(identity)}|${b ? this.id(b) : '-'}|${this.list(session)}|${r ? this.id(r) : '-'}|${this.levels(scp)}|${this.levels(rcp)}`;
    let side = this.sides.get(key);
    if (!side) {
      side = compiledSide(inputs);
      this.sides.set(key, side);
    }
    return side;
  }

  /** The two sides as one set (`joined`), made once per pair of sides. */
  joined(caller: CompiledSide, target: CompiledSide): CompiledSide {
    let byTarget = this.joins.get(caller);
    if (!byTarget) {
      byTarget = new Map();
      this.joins.set(caller, byTarget);
    }
    let both = byTarget.get(target);
    if (!both) {
      both = {
        set: joined(caller.set, target.set),
        conditionFree: caller.conditionFree && target.conditionFree,
        docs: [...caller.docs, ...target.docs],
      };
      byTarget.set(target, both);
    }
    return both;
  }
}

const documentsOf = (inputs: PolicyInputs): PolicyDocument[] => [
  ...(inputs.identity ?? []),
  ...(inputs.permissionsBoundary ? [inputs.permissionsBoundary] : []),
  ...(inputs.session ?? []),
  ...(inputs.resource ? [inputs.resource] : []),
  ...(inputs.scp ?? []).flat(),
  ...(inputs.rcp ?? []).flat(),
];

const compiledSide = (inputs: PolicyInputs): CompiledSide => ({
  set: compilePolicies(inputs),
  conditionFree: conditionFree(inputs),
  docs: documentsOf(inputs),
});

/** What requests of an action read of a side's policies (made once per side and action). */
function readsOn(side: CompiledSide, action: string): RequestReads {
  side.reads ??= new Map();
  let reads = side.reads.get(action);
  if (!reads) {
    reads = requestReads(side.docs, action);
    side.reads.set(action, reads);
  }
  return reads;
}

/** The signature of a request on a side (its reads for the request's action made once). */
function signatureOn(side: CompiledSide, request: RequestInput): string {
  return requestSignature(request, readsOn(side, request.action));
}

/** A caller's half of AssumeRole, prepared once for every role it is asked about. */
interface AssumeSide {
  setup: CallerSetup;
  prepared: PreparedAssume;
  /** The caller's policies (identity, boundary, session, SCPs), compiled once. */
  compiled: CompiledSide;
  /** Its class under each number of reads (see `callerClass`). */
  classes?: Map<number, string>;
  /** The action its AssumeRole authorizes (`sts:<api>`). */
  action: string;
}

/** A role as STS knows it, with its trust side compiled. */
interface TrustTarget {
  role: RoleDefinition;
  trust: CompiledSide;
  /** What STS reads of the role before the policies: whether its ARN is one, its maximum session. */
  before: string;
  /** Its class under each number of reads (see `roleClass`). */
  classes?: Map<number, string>;
}

/** A call's caller and resource: the request builder and the policies, compiled once. */
interface CallSide {
  build: (action: string, context: ContextMap) => CallInputs;
  compiled: CompiledSide;
  /** The caller's half of `compiled` (identity, boundary, session, SCPs). */
  caller: CompiledSide;
}

/**
 * What a caller signs into every call (the same for any action and resource of the design's
 * world): its principal, its own context keys and its compiled half of the policies, read
 * from one request it built.
 */
interface CallerProfile {
  principal: string;
  context: ContextMap;
  side: CompiledSide;
  nowMs: number;
  /** Its `callerSignature` by reads and by the question's context (text), made once each. */
  signatures: WeakMap<RequestReads, Map<string, string | undefined>>;
}

/** The caller's `callerSignature` under these reads and the question's context. */
function signatureOf(
  profile: CallerProfile,
  reads: RequestReads,
  context: ContextMap | undefined,
): string | undefined {
  let byContext = profile.signatures.get(reads);
  if (!byContext) {
    byContext = new Map();
    profile.signatures.set(reads, byContext);
  }
  const text = contextText(context);
  if (byContext.has(text)) return byContext.get(text);
  const signature = callerSignature(profile.principal, profile.context, reads, context);
  byContext.set(text, signature);
  return signature;
}

/**
 * The callers asked one question (action, resource, instant and context the same) whose
 * policies are the same compiled half: their answers by `callerSignature` under what requests
 * of the action read of the policies (caller's and resource's). Callers with the same part of
 * the signature make requests the same to those policies: the engine's answer to one is the
 * answer to each (see `requestReads`).
 */
interface CallGroup {
  reads: RequestReads;
  answers: Map<string, AccessAnswer>;
}

/**
 * The caller's and the role's policies as one set: what `compilePolicies` makes of both
 * sides' inputs together, each side compiled once.
 */
const joined = (caller: CompiledPolicySet, role: CompiledPolicySet): CompiledPolicySet => ({
  identity: caller.identity,
  boundary: caller.boundary,
  session: caller.session,
  scp: caller.scp,
  resource: role.resource,
  rcp: role.rcp,
  plans: [],
});

/** The questions of one design, with what they share (the world, compiled policies) cached. */
export class DesignAccess {
  readonly world: DesignWorld;
  private readonly assumeSides = new Map<EntityId, Map<string | number, AssumeSide | null>>();
  private readonly trustTargets = new Map<EntityId, TrustTarget | null>();
  private readonly callSides = new Map<string, CallSide | null>();
  private readonly callerProfiles = new Map<EntityId, CallerProfile | null>();
  private readonly callGroups = new Map<string, CallGroup>();
  private readonly sideSerials = new WeakMap<CompiledSide, number>();
  private nextSerial = 0;
  private readonly sides = new SideCache();
  private readonly callerByIdentity = new WeakMap<
    PolicyDocument[],
    {
      boundary?: PolicyDocument;
      session?: PolicyDocument[];
      scp?: PolicyDocument[][];
      side: CompiledSide;
    }
  >();
  private readonly resourceWorlds = new Map<string, DesignWorld>();
  /** How each node signs calls, by the world of the call's resource (almost always the design's). */
  private readonly signers = new WeakMap<DesignWorld, Map<string, CallsOf | string>>();

  constructor(readonly design: Design) {
    this.world = designWorld(design);
  }

  /** Can `source` assume `role` with the default parameters (and, failing that, under which conditions)? */
  canAssume(q: AssumeQuestion): AccessVerdict {
    const setup = assumeSetup(this.design, this.world, q);
    if (typeof setup === 'string') return stsDenied(setup);
    const role = this.world.index.role(setup.roleArn);
    if (!role) return stsDenied(`role \`${setup.roleArn}\` does not exist`);
    const nowMs = q.now ?? DEFAULT_NOW_MS;
    const run = (context: ContextMap) =>
      assumeRole(
        {
          api: setup.api,
          caller: setup.caller({ ...q.context, ...context }),
          role,
          params: setup.params,
        },
        { nowMs, ids: new IdGenerator(SIMULATION_SEED) },
      );
    const result = run({});
    if (result.ok) return allowed(result.evaluations[0]?.explanation);
    const explanation = deniedEvaluation(result);
    if (!explanation) return stsDenied(result.error.message);
    const conditional = solve(explanation, (context) => {
      const next = run(context);
      return next.ok ? 'allowed' : deniedEvaluation(next);
    });
    return conditional ?? denied(explanation);
  }

  /**
   * `canAssume`'s status and needs, for questions asked by the thousand (the analysis): the
   * caller's half of STS and its policies are prepared once per caller, the trust policy
   * compiled once per role, and the engine's fast decision answers an Allow. Only when the
   * engine says no does it explain, and propose context the way `canAssume` does; anything
   * STS refuses before the policies (or a narrower `as`) is asked of `canAssume` itself.
   */
  assumeAnswer(q: AssumeQuestion): AccessAnswer {
    const side = q.as === undefined ? this.assumeSide(q) : undefined;
    const target = side && this.trustTarget(q.role);
    if (!side || !target) return answerOf(this.canAssume(q));
    if (q.context !== undefined) return this.assumeOnce(q, side, target);
    // Callers these policies cannot tell apart (the same compiled caller side, requests equal
    // in all the policies read: see `requestReads`) get the same explanation from the engine,
    // so one answer: asked for the first of them, kept for the others.
    const both = this.sides.joined(side.compiled, target.trust);
    const { prepared } = side;
    if (!prepared.callerStepsPass || !prepared.onlyTrustAction)
      return this.assumeOnce(q, side, target);
    const { action } = side;
    const n = readsNumberOn(both, action);
    const group = this.callerClass(side, both, action, n);
    const place = this.roleClass(target, both, action, n);
    both.answers ??= new Map();
    let byClass = both.answers.get(place);
    if (!byClass) {
      byClass = new Map();
      both.answers.set(place, byClass);
    }
    let answer = byClass.get(group);
    if (!answer) {
      answer = this.assumeOnce(q, side, target);
      byClass.set(group, answer);
    }
    return answer;
  }

  /**
   * The caller's class on these policies: its trust request's signature under their reads
   * (without the role, which the class is kept under) with what else of the caller STS reads
   * before the policies (the session duration asked, a chained session). Only for a caller
   * STS does not refuse itself and authorizes for `sts:<api>` alone (others are asked alone).
   */
  private callerClass(side: AssumeSide, both: CompiledSide, action: string, n: number): string {
    const { prepared } = side;
    side.classes ??= new Map();
    let group = side.classes.get(n);
    if (group === undefined) {
      // The request `trustRequest` builds, but for its resource (the role's ARN).
      const request = {
        principal: prepared.caller.principal,
        action,
        context: prepared.context,
        now: prepared.nowIso,
      };
      group = `${signatureButResource(request, readsOn(both, action))}\n${prepared.params.DurationSeconds ?? ''}\n${prepared.chained}`;
      side.classes.set(n, group);
    }
    return group;
  }

  /**
   * The role's class on these policies (which its callers' classes are kept under): its ARN's
   * signature under their reads for the call (`sts:AssumeRole*`), with what else of the role
   * STS reads before the policies (whether its ARN is one, its maximum session).
   */
  private roleClass(target: TrustTarget, both: CompiledSide, action: string, n: number): string {
    const { role } = target;
    target.classes ??= new Map();
    let place = target.classes.get(n);
    if (place === undefined) {
      place = `${target.before}\n${resourceSignature(role.arn, readsOn(both, action))}`;
      target.classes.set(n, place);
    }
    return place;
  }

  /** `assumeAnswer` of one question: the engine's fast decision, explained only when it says no. */
  private assumeOnce(q: AssumeQuestion, side: AssumeSide, target: TrustTarget): AccessAnswer {
    const role = target.role;
    const request = trustRequest(side.prepared, role);
    if (!request) return answerOf(this.canAssume(q));
    const trust = target.trust;
    const both = this.sides.joined(side.compiled, trust);
    const set = both.set;
    if (evaluate(request, set).decision === 'Allow') return ALLOWED;
    if (both.conditionFree) return DENIED;
    // The same caller with this context: prepared once per context (pairs share them).
    const allowedWith = (context: ContextMap, key?: string | number) => {
      const next = this.assumeSide({ ...q, context }, key);
      const nextRequest = next && trustRequest(next.prepared, role);
      if (!nextRequest) return undefined;
      return evaluate(nextRequest, set).decision === 'Allow' ? 'allowed' : nextRequest;
    };
    // Explaining is the slow path: a request the same to these policies as one explained
    // before has its needs, once the fast decision allows it with that context.
    const signature = q.context === undefined ? signatureOn(both, request) : undefined;
    const known = signature === undefined ? undefined : both.solved?.get(signature);
    if (known && allowedWith(known.context, known.key) === 'allowed')
      return { status: 'conditional', needs: known.needs };
    let rounds = 0;
    let met: ContextMap = {};
    const conditional = solve(evaluate(request, set, { explain: true }).explanation, (context) => {
      rounds++;
      met = { ...q.context, ...context };
      const next = allowedWith(met);
      return next === 'allowed' || next === undefined
        ? next
        : evaluate(next, set, { explain: true }).explanation;
    });
    if (conditional?.status !== 'conditional') return DENIED;
    const needs = Object.freeze(conditional.needs) as ConditionNeed[];
    if (signature !== undefined && rounds === 1)
      (both.solved ??= new Map()).set(signature, {
        context: met,
        key: DesignAccess.sideKey(q.now ?? DEFAULT_NOW_MS, met),
        needs,
      });
    return { status: 'conditional', needs };
  }

  /** A role of the design as STS knows it, with its trust side compiled (once per role). */
  private trustTarget(id: EntityId): TrustTarget | undefined {
    let hit = this.trustTargets.get(id);
    if (hit === undefined) {
      const found = findEntity(this.design, id);
      const roleArn = found?.kind === 'role' ? arnOf(this.design, found) : undefined;
      const role = roleArn === undefined ? undefined : this.world.index.role(roleArn);
      hit = role
        ? {
            role,
            trust: this.sides.side(rolePolicyInputs(role)),
            before: `${describeRole(role.arn) !== undefined}\n${role.maxSessionDuration ?? ''}`,
          }
        : null;
      this.trustTargets.set(id, hit);
    }
    return hit ?? undefined;
  }

  /** The key of `assumeSide`'s cache for an instant and context. */
  private static sideKey(nowMs: number, context: ContextMap | undefined): string | number {
    return context ? `${nowMs}\n${JSON.stringify(context)}` : nowMs;
  }

  /** `key`: `sideKey(q.now, q.context)` when the caller has it already. */
  private assumeSide(q: AssumeQuestion, key?: string | number): AssumeSide | undefined {
    const nowMs = q.now ?? DEFAULT_NOW_MS;
    // By source, then by instant and context (a string made only when there is a context).
    let bySource = this.assumeSides.get(q.source);
    if (!bySource) {
      bySource = new Map();
      this.assumeSides.set(q.source, bySource);
    }
    key ??= DesignAccess.sideKey(nowMs, q.context);
    let side = bySource.get(key);
    if (side === undefined) {
      const setup = callerSetup(this.design, this.world, q);
      const prepared =
        typeof setup === 'string'
          ? undefined
          : prepareAssume(
              { api: setup.api, params: setup.params, caller: setup.caller({ ...q.context }) },
              nowMs,
            );
      side =
        typeof setup === 'string' || !prepared
          ? null
          : {
              setup,
              prepared,
              compiled: this.sides.side(callerPolicyInputs(prepared.caller)),
              action: `sts:${prepared.api}`,
            };
      bySource.set(key, side);
    }
    return side ?? undefined;
  }

  /**
   * `canCall`'s status and needs, for questions asked by the thousand: the request builder
   * and the policies of a (caller, resource) prepared once, the engine's fast decision for
   * an Allow, and a denial by policies without any condition final; otherwise `canCall`.
   */
  callAnswer(q: CallQuestion): AccessAnswer {
    const nowMs = q.now ?? DEFAULT_NOW_MS;
    // Callers whose policies are the same compiled half and whose requests are the same to
    // them share one answer: asked of the engine once per group (the first caller's).
    const profile = this.callerProfile(q.source, nowMs);
    const groupKey = profile
      ? `${this.serialOf(profile.side)}\n${q.action}\n${q.resource}\n${nowMs}\n${contextText(q.context)}`
      : undefined;
    const group = groupKey === undefined ? undefined : this.callGroups.get(groupKey);
    const member = group && signatureOf(profile!, group.reads, q.context);
    const known = member === undefined ? undefined : group!.answers.get(member);
    if (known) return known;
    const { answer, side } = this.callAnswerAlone(q, nowMs);
    // Shared only when the caller's requests are the ones its profile says (the design's world).
    if (groupKey !== undefined && side && side.caller === profile!.side) {
      let g = group;
      if (!g) {
        g = { reads: readsOn(side.compiled, q.action), answers: new Map() };
        this.callGroups.set(groupKey, g);
      }
      const signature = signatureOf(profile!, g.reads, q.context);
      if (signature !== undefined) g.answers.set(signature, answer);
    }
    return answer;
  }

  /** `callAnswer` for one caller, asked of the engine (with the side it used, if any). */
  private callAnswerAlone(
    q: CallQuestion,
    nowMs: number,
  ): { answer: AccessAnswer; side?: CallSide } {
    const key = `${q.source}\n${q.resource}\n${nowMs}`;
    let side = this.callSides.get(key);
    // A side made for this question: its first request is this question's (built once).
    let first: CallInputs | undefined;
    if (side === undefined) {
      const build = this.callBuilder(q);
      if (typeof build !== 'string') first = build(q.action, q.context ?? {});
      side = typeof build === 'string' || !first ? null : this.callSide(build, first.policies);
      this.callSides.set(key, side);
    }
    if (!side) return { answer: answerOf(this.canCall(q)) };
    const { request } = first ?? side.build(q.action, q.context ?? {});
    if (evaluate(request, side.compiled.set).decision === 'Allow') return { answer: ALLOWED, side };
    if (side.compiled.conditionFree) return { answer: DENIED, side };
    return { answer: answerOf(this.canCall(q)), side };
  }

  /**
   * A caller's profile for `callAnswer`'s groups, from one request it builds on the design's
   * own world (where every caller's identity side is the one any call of it uses); none for
   * what signs no calls.
   */
  private callerProfile(source: EntityId, nowMs: number): CallerProfile | undefined {
    let hit = this.callerProfiles.get(source);
    // One instant at a time (an analysis asks at one): another instant makes it again.
    if (hit === undefined || (hit !== null && hit.nowMs !== nowMs)) {
      hit = null;
      const entity = findEntity(this.design, source);
      // The signer `callBuilder` keeps for the caller on the design's world (made once).
      const build =
        entity && (entity.kind === 'user' || entity.kind === 'role')
          ? this.callBuilder({ source, resource: '*', now: nowMs })
          : undefined;
      if (build && typeof build !== 'string') {
        const probe = build('sts:GetCallerIdentity', {});
        hit = {
          principal: probe.request.principal,
          context: probe.request.context ?? {},
          side: this.callerSide(probe.policies),
          nowMs,
          signatures: new WeakMap(),
        };
      }
      this.callerProfiles.set(source, hit);
    }
    return hit ?? undefined;
  }

  /** A number per compiled side (the groups' keys name sides by it). */
  private serialOf(side: CompiledSide): number {
    let n = this.sideSerials.get(side);
    if (n === undefined) {
      n = this.nextSerial++;
      this.sideSerials.set(side, n);
    }
    return n;
  }

  private callSide(build: CallSide['build'], inputs: PolicyInputs): CallSide {
    const caller = this.callerSide(inputs);
    return { build, caller, compiled: this.sides.joined(caller, this.targetSide(inputs)) };
  }

  /**
   * A call's policies compiled as `compilePolicies(inputs)` would: the caller's side
   * (identity, boundary, session, SCPs) and the resource's side (resource policy, RCPs) each
   * compiled once per set of documents, and joined once per pair of sides.
   */
  private callPolicies(inputs: PolicyInputs): CompiledSide {
    return this.sides.joined(this.callerSide(inputs), this.targetSide(inputs));
  }

  /** The caller's half of a call's policies (identity, boundary, session, SCPs), compiled once. */
  private callerSide(inputs: PolicyInputs): CompiledSide {
    const { identity, permissionsBoundary, session, scp } = inputs;
    // A signer passes the same lists for every call: remembered by its identity list.
    const known = identity && this.callerByIdentity.get(identity);
    let caller =
      known &&
      known.boundary === permissionsBoundary &&
      known.session === session &&
      known.scp === scp
        ? known.side
        : undefined;
    if (!caller) {
      const only: PolicyInputs = {};
      if (identity) only.identity = identity;
      if (permissionsBoundary) only.permissionsBoundary = permissionsBoundary;
      if (session) only.session = session;
      if (scp) only.scp = scp;
      caller = this.sides.side(only);
      if (identity)
        this.callerByIdentity.set(identity, {
          boundary: permissionsBoundary,
          session,
          scp,
          side: caller,
        });
    }
    return caller;
  }

  /** The resource's half of a call's policies (resource policy, RCPs), compiled once. */
  private targetSide({ resource, rcp }: PolicyInputs): CompiledSide {
    const target: PolicyInputs = {};
    if (resource) target.resource = resource;
    if (rcp) target.rcp = rcp;
    return this.sides.side(target);
  }

  /** Can `source` make this call (a role: from a fresh session), and failing that, under which conditions? */
  canCall(q: CallQuestion): AccessVerdict {
    const build = this.callBuilder(q);
    if (typeof build === 'string') return stsDenied(build);
    const first = build(q.action, q.context ?? {});
    const compiled = this.callPolicies(first.policies).set;
    const { decision, explanation } = evaluate(first.request, compiled, { explain: true });
    if (decision === 'Allow') return allowed(explanation);
    const explain = (context: ContextMap) => {
      const { request } = build(q.action, { ...q.context, ...context });
      const next = evaluate(request, compiled, { explain: true });
      return next.decision === 'Allow' ? ('allowed' as const) : next.explanation!;
    };
    return solve(explanation!, explain) ?? denied(explanation!);
  }

  /** The engine's inputs for calls of `q.source` on `q.resource` (any action, any context). */
  private callBuilder(q: Omit<CallQuestion, 'action'>) {
    const source = findEntity(this.design, q.source);
    if (!source) return `\`${q.source}\` is not in the design`;
    const nowMs = q.now ?? DEFAULT_NOW_MS;
    let resourceWorld = this.resourceWorlds.get(q.resource);
    if (!resourceWorld) {
      resourceWorld = worldForResource(this.world, q.resource);
      this.resourceWorlds.set(q.resource, resourceWorld);
    }
    let signers = this.signers.get(resourceWorld);
    if (!signers) {
      signers = new Map();
      this.signers.set(resourceWorld, signers);
    }
    const key = `${q.source}\n${nowMs}`;
    let calls = signers.get(key);
    if (calls === undefined) {
      calls = this.signer(source, resourceWorld.index, nowMs);
      signers.set(key, calls);
    }
    if (typeof calls === 'string') return calls;
    const signed = calls;
    return (action: string, context: ContextMap): CallInputs =>
      signed({ action, resource: q.resource, context });
  }

  /** How a node signs its calls in a world at an instant (made once per node, world and instant). */
  private signer(source: Entity, world: WorldIndex, nowMs: number): CallsOf | string {
    switch (source.kind) {
      case 'user': {
        const arn = arnOf(this.design, source);
        if (!arn) return `user \`${source.name}\` is in no account`;
        return principalCalls(world.principal(arn) ?? { arn }, world, nowMs);
      }
      case 'role': {
        const arn = arnOf(this.design, source);
        const session = arn && freshSession(arn, DEFAULT_SESSION_NAME, nowMs);
        if (!session) return `role \`${source.name}\` is in no account`;
        return sessionCalls(session, world, nowMs);
      }
      case 'service':
        return principalCalls({ arn: source.name }, world, nowMs);
      case 'outside':
        return principalCalls(
          source.scope === 'anyone'
            ? { arn: 'anonymous' }
            : { arn: `arn:aws:iam::${source.awsAccountId}:root`, identityPolicies: [ALLOW_ALL] },
          world,
          nowMs,
        );
      default:
        return `a ${source.kind} makes no calls itself`;
    }
  }
}

/**
 * The access questions of a design, with their caches: shared by designs that differ only in
 * layout, name or drafts (which no question reads), so a drop keeps every answer.
 */
export const access = onEntities((design: Design) => new DesignAccess(design));

/** Can `source` assume `role`? See `DesignAccess.canAssume`. */
export const canAssume = (design: Design, q: AssumeQuestion): AccessVerdict =>
  access(design).canAssume(q);

/** Can `source` make this call? See `DesignAccess.canCall`. */
export const canCall = (design: Design, q: CallQuestion): AccessVerdict =>
  access(design).canCall(q);

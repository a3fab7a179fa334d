// Can a node assume a role: `canAssume` asks STS itself (the full verdict, with the
// explanation); `assumeAnswer` gives its status and needs for questions asked by the thousand.

import { evaluate } from '../../engine';
import {
  IdGenerator,
  assumeRole,
  callerPolicyInputs,
  describeRole,
  prepareAssume,
  rolePolicyInputs,
  trustRequest,
  type ContextMap,
  type PreparedAssume,
  type RoleDefinition,
} from '../../sts';
import { arnOf } from '../arn';
import { findEntity } from '../lookup';
import type { Design, EntityId } from '../types';
import {
  ALLOWED,
  AnswerClasses,
  DENIED,
  answerOf,
  classedCaller,
  type AccessAnswer,
  type ClassedCaller,
} from './answer-classes';
import { readsOn, type CompiledSide, type SideCache } from './compiled-sides';
import { DEFAULT_NOW_MS } from './defaults';
import { requestClass, resourceClass, type RequestReads } from './request-class';
import {
  SIMULATION_SEED,
  assumeSetup,
  callerSetup,
  type AssumeQuestion,
  type CallerSetup,
} from './setup';
import { denied, deniedEvaluation, solve, stsDenied } from './denials';
import type { ConditionNeed } from './solve';
import { allowed, type AccessVerdict } from './verdict';
import type { DesignWorld } from './world';

/** A caller's half of AssumeRole, prepared once for every role it is asked about. */
interface AssumeSide {
  setup: CallerSetup;
  prepared: PreparedAssume;
  /** The caller's policies (identity, boundary, session, SCPs), compiled once. */
  compiled: CompiledSide;
  /** The action its AssumeRole authorizes (`sts:<api>`). */
  action: string;
  /**
   * The caller as its trust requests' classes read it, with its action and instant and what
   * else STS reads of it before the policies (the session duration asked, a chained session).
   */
  classed: ClassedCaller;
}

/** A role as STS knows it, with its trust side compiled. */
interface TrustTarget {
  role: RoleDefinition;
  trust: CompiledSide;
  /** What STS reads of the role before the policies: whether its ARN is one, its maximum session. */
  before: string;
  /** Its class under each reads (see `roleClass`). */
  classes: WeakMap<RequestReads, string>;
}

/**
 * A conditional AssumeRole found by explaining one request: the context that met its
 * conditions in one round (merged as `assumeSide` merges it, with that side's cache key) and
 * the needs. A request of the same class on the same set gets the same explanation, so the
 * same needs; the context is still checked for each caller by the fast decision.
 */
interface SolvedAssume {
  context: ContextMap;
  /** `assumeSide`'s key for the caller with that context. */
  key: string | number;
  needs: ConditionNeed[];
}

/** The key of `assumeSide`'s cache for an instant and context. */
const sideKey = (nowMs: number, context: ContextMap | undefined): string | number =>
  context ? `${nowMs}\n${JSON.stringify(context)}` : nowMs;

/** The AssumeRole questions of one design, with the callers' and roles' halves cached. */
export class AssumeQuestions {
  private readonly assumeSides = new Map<EntityId, Map<string | number, AssumeSide | null>>();
  private readonly trustTargets = new Map<EntityId, TrustTarget | null>();
  /** The conditions found for a denied request, by policy set and by the request's class. */
  private readonly solved = new WeakMap<CompiledSide, Map<string, SolvedAssume>>();
  private readonly classes = new AnswerClasses();

  constructor(
    private readonly design: Design,
    private readonly world: DesignWorld,
    private readonly sides: SideCache,
  ) {}

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
    const { prepared } = side;
    if (q.context !== undefined || !prepared.callerStepsPass || !prepared.onlyTrustAction)
      return this.assumeOnce(q, side, target);
    // One answer per class of callers (`answer-classes.ts`), kept by the role's class.
    const both = this.sides.joined(side.compiled, target.trust);
    const reads = readsOn(both, side.action);
    const place = this.roleClass(target, reads);
    const known = this.classes.known(both, place, side.classed, undefined);
    if (known) return known;
    const answer = this.assumeOnce(q, side, target);
    this.classes.keep(both, place, reads, side.classed, undefined, answer);
    return answer;
  }

  /**
   * The role's class on these reads (its callers' classes are kept under it): its ARN's class
   * under the reads for the call (`sts:AssumeRole*`), with what else of the role STS reads
   * before the policies (whether its ARN is one, its maximum session).
   */
  private roleClass(target: TrustTarget, reads: RequestReads): string {
    let place = target.classes.get(reads);
    if (place === undefined) {
      place = `${target.before}\n${resourceClass(target.role.arn, reads)}`;
      target.classes.set(reads, place);
    }
    return place;
  }

  /** `assumeAnswer` of one question: the engine's fast decision, explained only when it says no. */
  private assumeOnce(q: AssumeQuestion, side: AssumeSide, target: TrustTarget): AccessAnswer {
    const role = target.role;
    const request = trustRequest(side.prepared, role);
    if (!request) return answerOf(this.canAssume(q));
    const both = this.sides.joined(side.compiled, target.trust);
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
    // Explaining is the slow path: a request of the same class as one explained before has
    // its needs, once the fast decision allows it with that context.
    const signature =
      q.context === undefined ? requestClass(request, readsOn(both, request.action)) : undefined;
    const known = signature === undefined ? undefined : this.solved.get(both)?.get(signature);
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
    if (signature !== undefined && rounds === 1) {
      let byClass = this.solved.get(both);
      if (!byClass) {
        byClass = new Map();
        this.solved.set(both, byClass);
      }
      byClass.set(signature, { context: met, key: sideKey(q.now ?? DEFAULT_NOW_MS, met), needs });
    }
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
            classes: new WeakMap(),
          }
        : null;
      this.trustTargets.set(id, hit);
    }
    return hit ?? undefined;
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
    key ??= sideKey(nowMs, q.context);
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
              classed: classedCaller(
                prepared.caller.principal,
                prepared.context,
                `${prepared.api}\n${prepared.nowIso}\n${prepared.params.DurationSeconds ?? ''}\n${prepared.chained}`,
              ),
            };
      bySource.set(key, side);
    }
    return side ?? undefined;
  }
}

// Can a node make a call: `canCall` asks the engine with the explanation (and proposes context
// when it says no); `callAnswer` gives its status and needs for questions asked by the thousand.

import { evaluate } from '../../engine';
import {
  principalCalls,
  sessionCalls,
  type CallInputs,
  type CallsOf,
  type ContextMap,
  type WorldIndex,
} from '../../sts';
import { arnOf } from '../arn';
import { findEntity } from '../lookup';
import type { Design, Entity, EntityId } from '../types';
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
import { contextText } from './context-text';
import { DEFAULT_NOW_MS, DEFAULT_SESSION_NAME } from './defaults';
import { denied, solve, stsDenied } from './denials';
import { ALLOW_ALL, freshSession, type CallQuestion } from './setup';
import { allowed, type AccessVerdict } from './verdict';
import { worldForResource, type DesignWorld } from './world';

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
  classed: ClassedCaller;
  side: CompiledSide;
  nowMs: number;
}

/** The call questions of one design, with each caller's signer and policies cached. */
export class CallQuestions {
  private readonly callSides = new Map<string, CallSide | null>();
  private readonly callerProfiles = new Map<EntityId, CallerProfile | null>();
  readonly classes = new AnswerClasses();
  private readonly resourceWorlds = new Map<string, DesignWorld>();
  /** How each node signs calls, by the world of the call's resource (almost always the design's). */
  private readonly signers = new WeakMap<DesignWorld, Map<string, CallsOf | string>>();

  constructor(
    private readonly design: Design,
    private readonly world: DesignWorld,
    private readonly sides: SideCache,
  ) {}

  /** Can `source` make this call (a role: from a fresh session), and failing that, under which conditions? */
  canCall(q: CallQuestion): AccessVerdict {
    const build = this.callBuilder(q);
    if (typeof build === 'string') return stsDenied(build);
    const first = build(q.action, q.context ?? {});
    const compiled = this.sides.callPolicies(first.policies).set;
    const { decision, explanation } = evaluate(first.request, compiled, { explain: true });
    if (decision === 'Allow') return allowed(explanation);
    const explain = (context: ContextMap) => {
      const { request } = build(q.action, { ...q.context, ...context });
      const next = evaluate(request, compiled, { explain: true });
      return next.decision === 'Allow' ? ('allowed' as const) : next.explanation!;
    };
    return solve(explanation!, explain) ?? denied(explanation!);
  }

  /**
   * `canCall`'s status and needs, for questions asked by the thousand: the request builder
   * and the policies of a (caller, resource) prepared once, the engine's fast decision for
   * an Allow, and a denial by policies without any condition final; otherwise `canCall`.
   */
  callAnswer(q: CallQuestion): AccessAnswer {
    const nowMs = q.now ?? DEFAULT_NOW_MS;
    // One answer per class of callers (`answer-classes.ts`) of the question on the same
    // compiled caller half: asked of the engine for the first of the class.
    const profile = this.callerProfile(q.source, nowMs);
    const key = profile
      ? `${q.action}\n${q.resource}\n${nowMs}\n${contextText(q.context)}`
      : undefined;
    const known =
      key === undefined
        ? undefined
        : this.classes.known(profile!.side, key, profile!.classed, q.context);
    if (known) return known;
    const { answer, side } = this.callAnswerAlone(q, nowMs);
    // Kept only when the caller's requests are the ones its profile says (the design's world).
    if (key !== undefined && side && side.caller === profile!.side)
      this.classes.keep(
        profile!.side,
        key,
        readsOn(side.compiled, q.action),
        profile!.classed,
        q.context,
        answer,
      );
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
      side = typeof build === 'string' || !first ? null : this.callSide(build, first);
      this.callSides.set(key, side);
    }
    if (!side) return { answer: answerOf(this.canCall(q)) };
    const { request } = first ?? side.build(q.action, q.context ?? {});
    if (evaluate(request, side.compiled.set).decision === 'Allow') return { answer: ALLOWED, side };
    if (side.compiled.conditionFree) return { answer: DENIED, side };
    return { answer: answerOf(this.canCall(q)), side };
  }

  private callSide(build: CallSide['build'], first: CallInputs): CallSide {
    const caller = this.sides.callerSide(first.policies);
    return {
      build,
      caller,
      compiled: this.sides.joined(caller, this.sides.targetSide(first.policies)),
    };
  }

  /**
   * A caller's profile for `callAnswer`'s classes, from one request it builds on the design's
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
          classed: classedCaller(probe.request.principal, probe.request.context ?? {}),
          side: this.sides.callerSide(probe.policies),
          nowMs,
        };
      }
      this.callerProfiles.set(source, hit);
    }
    return hit ?? undefined;
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

/**
 * The parts of an explanation made when first read (the effective `context` and every
 * policy explained): what they are made from, kept on the explanation as a private field,
 * and the accessors that make them.
 */
import type { ContextValue } from '../types.ts';
import type { CompiledPolicySet } from './compile.ts';
import { restoredState } from './context.ts';
import { effectiveContext } from './effective-context.ts';
import { explainPolicies } from './explain-policies.ts';
import type { PolicyExplanation } from './explain.ts';
import type { Participation } from './facts.ts';
import type { ActionPlan } from './plan.ts';
import type { KeptRequest } from './request-context.ts';

/** What an explanation needs to make its context and policies when they are first read. */
export interface Deferred {
  set: CompiledPolicySet;
  plan: ActionPlan;
  part: Participation;
  request: KeptRequest;
  /** What the first pass found (`testedResults`): not tested again. */
  tested: readonly number[];
  /** Kept once made (or assigned). */
  context: Record<string, ContextValue> | undefined;
  policies: PolicyExplanation[] | undefined;
}

/** Returns the object it is given, so that a subclass's private field is added to that object. */
class Given {
  constructor(o: object) {
    return o;
  }
}

/**
 * Gives an explanation its {@link Deferred} as a private field: no for-in, JSON, structured
 * clone, `Reflect.ownKeys` or deep-equal sees it, the explanation stays a plain object (its
 * prototype and constructor are Object's), and adding it is an ordinary store (a hidden
 * property defined with `Object.defineProperty` costs ten times as much).
 */
export class Deferring extends Given {
  #deferred: Deferred | undefined;

  constructor(o: object, d: Deferred) {
    super(o);
    this.#deferred = d;
  }

  static of(o: object): Deferred | undefined {
    return #deferred in o ? (o as Deferring).#deferred : undefined;
  }
}

/** The effective context, made from the request as it was evaluated. */
function deferredContext(d: Deferred): Record<string, ContextValue> {
  return (d.context ??= effectiveContext(restoredState(d.request, d.plan.actionLower, d.set)));
}

/**
 * Every statement of every policy explained: the explaining pass, on the request as it was
 * evaluated (kept apart from the request object, which its caller may change since).
 */
function deferredPolicies(d: Deferred): PolicyExplanation[] {
  if (d.policies === undefined) {
    const state = restoredState(d.request, d.plan.actionLower, d.set);
    d.policies = explainPolicies(d.set, state, d.plan, d.part, d.tested);
  }
  return d.policies;
}

/**
 * `context` and `policies`: made when first read, then kept (assigning one replaces it). The
 * descriptors are shared: only the hidden {@link Deferred} differs from one explanation to
 * the next. They stay accessors (turning them into data properties on read cost more than it
 * saved); every reader that copies, prints or compares an explanation reads through them.
 */
export const contextDescriptor: PropertyDescriptor = {
  get(this: object) {
    const d = Deferring.of(this);
    return d === undefined ? {} : deferredContext(d);
  },
  set(this: object, value: Record<string, ContextValue>) {
    const d = Deferring.of(this);
    if (d !== undefined) d.context = value;
  },
  enumerable: true,
  configurable: true,
};
export const policiesDescriptor: PropertyDescriptor = {
  get(this: object) {
    const d = Deferring.of(this);
    return d === undefined ? [] : deferredPolicies(d);
  },
  set(this: object, value: PolicyExplanation[]) {
    const d = Deferring.of(this);
    if (d !== undefined) d.policies = value;
  },
  enumerable: true,
  configurable: true,
};

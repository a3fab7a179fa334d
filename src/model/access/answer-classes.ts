// One answer per class of callers: callers a question's policies cannot tell apart (the same
// compiled policies, requests of the same class: see `request-class.ts`) get the same
// explanation from the engine, so the adapter asks it for the first of them and keeps the
// answer for the others. AssumeRole and calls group their callers here alike.

import type { ContextMap } from '../../sts';
import { contextText } from './context-text';
import { callerClass, type RequestReads } from './request-class';
import type { ConditionNeed } from './solve';
import type { AccessStatus, AccessVerdict } from './verdict';

/**
 * What the analysis reads of a verdict: its status and needs, exactly those of the full
 * verdict (`canAssume`, `canCall`), without the explanation and the words for people.
 */
export interface AccessAnswer {
  status: AccessStatus;
  needs: ConditionNeed[];
}

export const ALLOWED: AccessAnswer = Object.freeze({
  status: 'allowed',
  needs: [],
}) as AccessAnswer;
export const DENIED: AccessAnswer = Object.freeze({ status: 'denied', needs: [] }) as AccessAnswer;
export const answerOf = (v: AccessVerdict): AccessAnswer =>
  v.status === 'allowed'
    ? ALLOWED
    : v.status === 'denied'
      ? DENIED
      : { status: v.status, needs: v.needs };

/** A caller as its requests' classes read it, prepared once per caller. */
export interface ClassedCaller {
  /** The principal its requests carry. */
  principal: string;
  /** The context its requests carry (before a question's own). */
  context: ContextMap;
  /** What else of the caller decides the answer before the policies (STS's own checks). */
  suffix: string;
  /** Its class by reads and by the question's context (text), made once each. */
  classes: WeakMap<RequestReads, Map<string, string>>;
}

export const classedCaller = (
  principal: string,
  context: ContextMap,
  suffix = '',
): ClassedCaller => ({ principal, context, suffix, classes: new WeakMap() });

/**
 * The caller's class under these reads and the question's own context (`callerClass`);
 * undefined when it is a class of its own.
 */
function classOf(
  caller: ClassedCaller,
  reads: RequestReads,
  shared: ContextMap | undefined,
): string | undefined {
  if (reads.everything) return undefined;
  let byContext = caller.classes.get(reads);
  if (!byContext) {
    byContext = new Map();
    caller.classes.set(reads, byContext);
  }
  const text = contextText(shared);
  let found = byContext.get(text);
  if (found === undefined) {
    found = `${callerClass(caller.principal, caller.context, reads, shared)}\n${caller.suffix}`;
    byContext.set(text, found);
  }
  return found;
}

/** The callers of one question: what its policies read of their requests, their answers by class. */
interface Question {
  reads: RequestReads;
  answers: Map<string, AccessAnswer>;
}

/** The policies a question is asked of, compiled (see `compiled-sides.ts`). */
interface Scope {
  id: number;
}

/**
 * Answers by question and class of caller. A question is named by the compiled policies it
 * is asked of (`scope`) and a key for all else its callers share (the action, the resource or
 * its class, the instant, the question's own context: each part of the key or of the callers'
 * classes).
 */
export class AnswerClasses {
  private readonly scopes = new Map<Scope, Map<string, Question>>();

  /** Every question asked, by scope and key (what the engine was asked: one answer per class). */
  get questions(): Map<string, Question> {
    const all = new Map<string, Question>();
    for (const [scope, byKey] of this.scopes)
      for (const [key, question] of byKey) all.set(`${scope.id}\n${key}`, question);
    return all;
  }

  /** The answer kept for this caller's class, if any. */
  known(
    scope: Scope,
    key: string,
    caller: ClassedCaller,
    shared: ContextMap | undefined,
  ): AccessAnswer | undefined {
    const question = this.scopes.get(scope)?.get(key);
    const member = question && classOf(caller, question.reads, shared);
    return member === undefined ? undefined : question!.answers.get(member);
  }

  /** Keeps the answer for the caller's class (`reads`: what the question's policies read). */
  keep(
    scope: Scope,
    key: string,
    reads: RequestReads,
    caller: ClassedCaller,
    shared: ContextMap | undefined,
    answer: AccessAnswer,
  ): void {
    let byKey = this.scopes.get(scope);
    if (!byKey) {
      byKey = new Map();
      this.scopes.set(scope, byKey);
    }
    let question = byKey.get(key);
    if (!question) {
      question = { reads, answers: new Map() };
      byKey.set(key, question);
    }
    const member = classOf(caller, question.reads, shared);
    if (member !== undefined) question.answers.set(member, answer);
  }
}

// The two questions every part of Rolecraft asks about a design, answered by STS and the
// engine exactly as the simulator answers them: can this node assume that role, can this
// node make this call. Each answer says whether it holds as the design stands, only under
// named conditions, or not at all (and which layer said no).
//
// The world (`world.ts`), the set-ups of callers and roles (`setup.ts`), compiled policies
// (`compiled-sides.ts`), AssumeRole (`assume.ts`), calls (`call.ts`) and the one grouping of
// callers the policies cannot tell apart (`request-class.ts`, `answer-classes.ts`).

import { onEntities } from '../entity-memo';
import type { Design } from '../types';
import type { AccessAnswer, AnswerClasses } from './answer-classes';
import { AssumeQuestions } from './assume';
import { CallQuestions } from './call';
import { SideCache } from './compiled-sides';
import type { AssumeQuestion, CallQuestion } from './setup';
import type { AccessVerdict } from './verdict';
import { designWorld, type DesignWorld } from './world';

export type { AssumeQuestion, CallQuestion } from './setup';
export type { AccessAnswer } from './answer-classes';

/** The questions of one design, with what they share (the world, compiled policies) cached. */
export class DesignAccess {
  readonly world: DesignWorld;
  private readonly assumes: AssumeQuestions;
  private readonly calls: CallQuestions;

  constructor(readonly design: Design) {
    this.world = designWorld(design);
    const sides = new SideCache();
    this.assumes = new AssumeQuestions(design, this.world, sides);
    this.calls = new CallQuestions(design, this.world, sides);
  }

  /** The call questions asked, by key, each with its answers by class of caller. */
  get callGroups(): AnswerClasses['questions'] {
    return this.calls.classes.questions;
  }

  /** Can `source` assume `role` with the default parameters (and, failing that, under which conditions)? */
  canAssume(q: AssumeQuestion): AccessVerdict {
    return this.assumes.canAssume(q);
  }

  /** `canAssume`'s status and needs, for questions asked by the thousand (see `AssumeQuestions`). */
  assumeAnswer(q: AssumeQuestion): AccessAnswer {
    return this.assumes.assumeAnswer(q);
  }

  /** Can `source` make this call (a role: from a fresh session), and failing that, under which conditions? */
  canCall(q: CallQuestion): AccessVerdict {
    return this.calls.canCall(q);
  }

  /** `canCall`'s status and needs, for questions asked by the thousand (see `CallQuestions`). */
  callAnswer(q: CallQuestion): AccessAnswer {
    return this.calls.callAnswer(q);
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

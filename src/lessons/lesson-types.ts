// A guided lesson as its file describes it: a design to open and the steps a learner plays on
// it. Lessons are data (one JSON file each under ./library); `readLesson` checks a file.

import type { Design, EntityId } from '../model';

/** The simulation tab a step shows when it opens. */
export type LessonTab = 'assume' | 'call' | 'log';

/** Which policy of an entity: its trust or resource policy, boundary, or a permission policy by name. */
export type LessonSlot = 'trust' | 'resource' | 'boundary' | { permission: string };

/** What a step points at: entities selected on the canvas, a policy opened in the inspector. */
export interface LessonHighlight {
  /** Selected on the canvas; the first one opens in the inspector. */
  entities: EntityId[];
  /** A policy of the first entity, opened in the editor with `find` (its first occurrence) picked out. */
  policy?: { slot: LessonSlot; find?: string };
}

/** The outcome STS or the API call must give, and what to say when it does not any more. */
export interface LessonExpectation {
  /** `OK`, or the error code of the event (`AccessDenied`, `ExpiredToken`, …). */
  outcome: string;
  /** Shown when the outcome differs: what the learner changed and what happens now. */
  notice: string;
}

/** Assume form fields a lesson sets; the rest keep the form's defaults for the caller. */
export interface LessonAssumeForm {
  sessionName?: string;
  duration?: number;
  externalId?: string;
  mfa?: boolean;
  sourceIdentity?: string;
}

export type LessonAction =
  | {
      do: 'assume';
      /** A user, service or identity provider of the design. */
      caller: EntityId;
      role: EntityId;
      form?: LessonAssumeForm;
      /** Token claims or SAML attributes set on top of the form's suggestions, by key. */
      claims?: Record<string, string>;
      /** `aws:SourceAccount` / `aws:SourceArn` a service caller sends. */
      service?: { sourceAccount?: string; sourceArn?: string };
      expect: LessonExpectation;
    }
  | {
      do: 'call';
      /** A user signing with its long-term keys, or the latest session of a role. */
      caller: { user: EntityId } | { session: EntityId };
      action: string;
      resource: string;
      expect: LessonExpectation;
    }
  | {
      do: 'reassume';
      /** Re-assume the latest session of this role, as the credentials card does. */
      role: EntityId;
      expect: LessonExpectation;
    }
  | { do: 'advance'; seconds: number }
  | {
      do: 'edit-policy';
      entity: EntityId;
      slot: LessonSlot;
      /** Replace the first occurrence of `find` in the policy text with `replace`. */
      find: string;
      replace: string;
    };

export interface LessonStep {
  title: string;
  /** What to look at and why it matters. */
  text: string;
  /** The AWS concept this step teaches, as AWS documents it. */
  cite?: string;
  highlight?: LessonHighlight;
  show?: LessonTab;
  /** What "Do it for me" does, in order; empty for a step that only explains. */
  actions: LessonAction[];
}

export interface Lesson {
  /** Matches the file name (`break-glass.json` → `break-glass`). */
  id: string;
  /** Position in the gallery. */
  order: number;
  title: string;
  /** The one line on the gallery card. */
  summary: string;
  /** The AWS concept the lesson teaches. */
  concept: string;
  design: Design;
  steps: LessonStep[];
}

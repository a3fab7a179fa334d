import type { Span } from './language/cursor';

/** A range of one policy to pick out in the editor (the statement a simulated check points at). */
export interface EditorReveal {
  /** Tells requests apart: each one is carried out once. */
  nonce: number;
  /** Offsets into `text`; absent to only open the policy. */
  range?: Span;
  /** The text the range was measured on; a policy showing other text is opened, not marked. */
  text?: string;
  /** Move the keyboard focus into the editor. */
  focus: boolean;
}

/** A reveal aimed at one tab of a `PolicyTabs`. */
export interface TabReveal extends EditorReveal {
  /** The `key` of the tab to open. */
  key: string;
}

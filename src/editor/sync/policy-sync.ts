// Two-way sync between an editor's text and the app's value for one policy: the user's
// edits go out debounced; values coming in replace the text with one minimal edit, except
// the echo of an earlier send that the user has already typed past.
import { debounce, type Debounced, type Timers } from './debounce';
import { minimalEdit, type TextEdit } from './minimal-edit';

export interface SyncedText {
  getText(): string;
  /** The text's length, when cheaper to know than the text (a large text waits longer to go out). */
  length?(): number;
  /** Applies an edit that did not come from the user's typing (one undo step of its own). */
  applyExternal(edit: TextEdit): void;
}

export interface SyncOptions {
  /** Quiet time after the last keystroke before sending. */
  wait?: number;
  /** Longest a keystroke waits while the user keeps typing. */
  maxWait?: number;
  timers?: Timers;
}

const SEND_WAIT_MS = 120;
const SEND_MAX_WAIT_MS = 250;

/**
 * From this length on a text goes out only after a pause in typing: every send re-derives the
 * design's edges from it, which in a 2,000-statement policy is a long task of its own. (IAM's
 * largest policy is 10,240 characters; this is far past any real one.)
 */
export const LARGE_TEXT_CHARS = 100_000;
export const LARGE_SEND_WAIT_MS = 600;
export const LARGE_SEND_MAX_WAIT_MS = 2_000;

export class PolicySync {
  private lastSent: string | undefined;
  private readonly normal: Debounced;
  private readonly large: Debounced;

  constructor(
    private readonly doc: SyncedText,
    private onChange: (text: string) => void,
    options: SyncOptions = {},
  ) {
    this.normal = debounce(
      () => this.send(),
      options.wait ?? SEND_WAIT_MS,
      options.maxWait ?? SEND_MAX_WAIT_MS,
      options.timers,
    );
    this.large = debounce(
      () => this.send(),
      LARGE_SEND_WAIT_MS,
      LARGE_SEND_MAX_WAIT_MS,
      options.timers,
    );
  }

  /** Where sends go from now on (the owner re-renders with a new callback). */
  setOnChange(onChange: (text: string) => void): void {
    this.onChange = onChange;
  }

  /** The user changed the text. */
  edited(): void {
    const large = (this.doc.length?.() ?? 0) >= LARGE_TEXT_CHARS;
    (large ? this.normal : this.large).cancel();
    (large ? this.large : this.normal).schedule();
  }

  /** Whether edits are waiting to be sent. */
  get pending(): boolean {
    return this.normal.pending || this.large.pending;
  }

  /** The app's current value for the policy; returns whether the text was replaced. */
  receive(value: string): boolean {
    const current = this.doc.getText();
    if (value === current) return false;
    if (this.pending && value === this.lastSent) return false;
    // A change from elsewhere (the canvas, app undo) wins over keystrokes not yet sent.
    this.normal.cancel();
    this.large.cancel();
    const edit = minimalEdit(current, value);
    if (edit) this.doc.applyExternal(edit);
    return true;
  }

  /** Sends pending edits now (before the editor closes or switches policy). */
  flush(): void {
    this.normal.flush();
    this.large.flush();
  }

  private send(): void {
    const text = this.doc.getText();
    this.lastSent = text;
    this.onChange(text);
  }
}

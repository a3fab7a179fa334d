// Two-way sync between an editor's text and the app's value for one policy: the user's
// edits go out debounced; values coming in replace the text with one minimal edit, except
// the echo of an earlier send that the user has already typed past.
import { debounce, type Debounced, type Timers } from './debounce';
import { minimalEdit, type TextEdit } from './minimal-edit';

export interface SyncedText {
  getText(): string;
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

export const SEND_WAIT_MS = 120;
export const SEND_MAX_WAIT_MS = 250;

export class PolicySync {
  private lastSent: string | undefined;
  private readonly sender: Debounced;

  constructor(
    private readonly doc: SyncedText,
    private onChange: (text: string) => void,
    options: SyncOptions = {},
  ) {
    this.sender = debounce(
      () => this.send(),
      options.wait ?? SEND_WAIT_MS,
      options.maxWait ?? SEND_MAX_WAIT_MS,
      options.timers,
    );
  }

  /** Where sends go from now on (the owner re-renders with a new callback). */
  setOnChange(onChange: (text: string) => void): void {
    this.onChange = onChange;
  }

  /** The user changed the text. */
  edited(): void {
    this.sender.schedule();
  }

  /** Whether edits are waiting to be sent. */
  get pending(): boolean {
    return this.sender.pending;
  }

  /** The app's current value for the policy; returns whether the text was replaced. */
  receive(value: string): boolean {
    const current = this.doc.getText();
    if (value === current) return false;
    if (this.sender.pending && value === this.lastSent) return false;
    // A change from elsewhere (the canvas, app undo) wins over keystrokes not yet sent.
    this.sender.cancel();
    const edit = minimalEdit(current, value);
    if (edit) this.doc.applyExternal(edit);
    return true;
  }

  /** Sends pending edits now (before the editor closes or switches policy). */
  flush(): void {
    this.sender.flush();
  }

  private send(): void {
    const text = this.doc.getText();
    this.lastSent = text;
    this.onChange(text);
  }
}

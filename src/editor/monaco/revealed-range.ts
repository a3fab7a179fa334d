// A range picked out in one policy's text model (the statement a simulated check points at):
// a whole-line highlight that lasts until the text changes. The host element carries the
// highlighted offsets as `data-revealed-range="start-end"` while the policy is on screen.
import type { Span } from '../language/cursor';
import { monaco } from './monaco';
import { rangeOfSpan } from './policy-language';
import './revealed.css';

const HIGHLIGHT: monaco.editor.IModelDecorationOptions = {
  className: 'rolecraft-revealed',
  linesDecorationsClassName: 'rolecraft-revealed-gutter',
  isWholeLine: true,
  stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
  overviewRuler: { color: '#d97706', position: monaco.editor.OverviewRulerLane.Full },
};

export class RevealedRange {
  private ids: string[] = [];
  private readonly listener: monaco.IDisposable;

  constructor(
    private readonly model: monaco.editor.ITextModel,
    /** Called when the highlight appears or goes (the policy changed). */
    private readonly onChange: () => void,
  ) {
    this.listener = model.onDidChangeContent(() => {
      if (this.ids.length === 0) return;
      this.clear();
      this.onChange();
    });
  }

  /** Highlights `span`, replacing any earlier highlight; returns its Monaco range. */
  set(span: Span): monaco.Range {
    const range = rangeOfSpan(this.model, span);
    this.ids = this.model.deltaDecorations(this.ids, [{ range, options: HIGHLIGHT }]);
    this.onChange();
    return range;
  }

  clear(): void {
    if (this.ids.length === 0) return;
    this.ids = this.model.deltaDecorations(this.ids, []);
  }

  /** The highlighted offsets now, if there is a highlight. */
  span(): Span | undefined {
    const range = this.ids[0] ? this.model.getDecorationRange(this.ids[0]) : null;
    if (!range) return undefined;
    return {
      start: this.model.getOffsetAt(range.getStartPosition()),
      end: this.model.getOffsetAt(range.getEndPosition()),
    };
  }

  dispose(): void {
    this.listener.dispose();
    if (!this.model.isDisposed()) this.clear();
  }
}

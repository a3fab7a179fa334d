// One Monaco editor showing one policy at a time, with a text model per policy (each keeps
// its own undo stack and view state). Keeps each model in sync with the app's value,
// validates as the user types, and reports the problems of the policy on screen.
import type { Diagnostic } from '../../engine';
import { iamCatalogue } from '../catalogue/catalogue';
import type { Span } from '../language/cursor';
import { sortProblems } from '../language/markers';
import { loadQuickFixData } from '../language/quick-fixes';
import { createWorkerDiagnoser } from '../language/worker-diagnoser';
import type { DesignEntity, LanguageEnv, PolicyType } from '../language/types';
import { debounce, type Debounced } from '../sync/debounce';
import { registerPendingFlush } from '../sync/flush-registry';
import { LARGE_TEXT_CHARS, PolicySync } from '../sync/policy-sync';
import { monaco } from './monaco';
import {
  bindModel,
  rangeOfSpan,
  registerPolicyLanguage,
  setDiagnostics,
  unbindModel,
} from './policy-language';
import { RevealedRange } from './revealed-range';

export interface PolicyDocumentInput {
  /** Identifies the policy: one text model (and undo stack) per key. */
  key: string;
  policyType: PolicyType;
  value: string;
  onChange: (text: string) => void;
  readOnly?: boolean;
  /** Empty text means "no policy" (a resource or session policy), not an error. */
  optional?: boolean;
}

export interface Problem {
  diagnostic: Diagnostic;
  line: number;
  column: number;
}

export interface SessionOptions {
  ariaLabel: string;
  entities: () => readonly DesignEntity[];
  onProblems: (problems: Problem[]) => void;
  dark: boolean;
}

interface OpenDocument {
  input: PolicyDocumentInput;
  model: monaco.editor.ITextModel;
  sync: PolicySync;
  validation: Debounced;
  largeValidation: Debounced;
  env: LanguageEnv;
  viewState: monaco.editor.ICodeEditorViewState | null;
  applyingExternal: boolean;
  diagnostics: readonly Diagnostic[];
  /** A validation is under way (in the worker); `again` asks for one more when it ends. */
  validating: boolean;
  again: boolean;
  revealed: RevealedRange;
  disposables: monaco.IDisposable[];
}

export interface RevealOptions {
  /** The text the span was measured on: nothing is picked out when the policy shows other text. */
  text?: string;
  /** Move the keyboard focus into the editor. */
  focus: boolean;
}

const diagnoser = createWorkerDiagnoser(iamCatalogue);
const VALIDATE_WAIT_MS = 100;
const VALIDATE_MAX_WAIT_MS = 250;
/** A large policy (see LARGE_TEXT_CHARS) is validated and offered suggestions after a pause in typing. */
const LARGE_VALIDATE_WAIT_MS = 300;
const LARGE_VALIDATE_MAX_WAIT_MS = 1_000;
const SUGGEST_DELAY_MS = 10;
const LARGE_SUGGEST_DELAY_MS = 500;
let sessions = 0;

const undoRedoKeys = new Set(['z', 'y']);

/** The app's own undo listens on the page: keep undo and redo typed in the editor in the editor. */
function keepUndoInEditor(event: KeyboardEvent) {
  if ((event.ctrlKey || event.metaKey) && undoRedoKeys.has(event.key.toLowerCase()))
    event.stopPropagation();
}

export class PolicyEditorSession {
  private readonly editor: monaco.editor.IStandaloneCodeEditor;
  private readonly docs = new Map<string, OpenDocument>();
  private active: OpenDocument | undefined;
  private readonly id = ++sessions;
  private readonly disposables: monaco.IDisposable[] = [];
  private readonly unregisterFlush: () => void;

  constructor(
    private readonly host: HTMLElement,
    private options: SessionOptions,
  ) {
    registerPolicyLanguage();
    this.editor = monaco.editor.create(host, {
      model: null,
      ariaLabel: options.ariaLabel,
      editContext: false,
      automaticLayout: true,
      fixedOverflowWidgets: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      wordWrap: 'off',
      fontSize: 12,
      lineNumbersMinChars: 3,
      folding: true,
      // Sticky scroll from indentation: its default (the outline) rebuilds every symbol of the
      // document after each edit, a long task in a 2,000-statement policy.
      stickyScroll: { enabled: true, defaultModel: 'indentationModel' },
      tabSize: 2,
      quickSuggestions: { other: 'on', strings: 'on', comments: 'off' },
      wordBasedSuggestions: 'off',
      suggest: { insertMode: 'replace', showWords: false },
      lightbulb: { enabled: monaco.editor.ShowLightbulbIconMode.OnCode },
      theme: options.dark ? 'vs-dark' : 'vs',
    });
    host.addEventListener('keydown', keepUndoInEditor);
    window.addEventListener('pagehide', this.flushAll);
    this.unregisterFlush = registerPendingFlush(this.flushAll);
    document.addEventListener('visibilitychange', this.flushAll);
    this.disposables.push(
      this.editor.onDidBlurEditorText(() => this.active?.sync.flush()),
      this.editor.onDidChangeCursorSelection(({ selection }) => {
        const model = this.editor.getModel();
        if (!model) return;
        const start = model.getOffsetAt(selection.getStartPosition());
        const end = model.getOffsetAt(selection.getEndPosition());
        host.dataset.selection = `${start}-${end}`;
      }),
    );
  }

  update(options: Partial<SessionOptions>): void {
    this.options = { ...this.options, ...options };
    if (options.dark !== undefined) monaco.editor.setTheme(options.dark ? 'vs-dark' : 'vs');
    if (options.ariaLabel !== undefined)
      this.editor.updateOptions({ ariaLabel: options.ariaLabel });
  }

  /** Shows a policy (creating its model on first sight) and brings it up to date with `value`. */
  show(input: PolicyDocumentInput): void {
    const doc = this.docs.get(input.key) ?? this.open(input);
    doc.input = input;
    doc.sync.setOnChange(input.onChange);
    if (doc !== this.active) {
      if (this.active) {
        this.active.sync.flush();
        this.active.viewState = this.editor.saveViewState();
      }
      this.active = doc;
      this.editor.setModel(doc.model);
      if (doc.viewState) this.editor.restoreViewState(doc.viewState);
      this.reportProblems();
      this.markRevealed();
    }
    this.editor.updateOptions({ readOnly: input.readOnly ?? false });
    doc.sync.receive(input.value);
    this.suggestBySize();
  }

  private suggestDelay = SUGGEST_DELAY_MS;

  /** Suggestions in a large policy wait for a pause: each reads the statement under the cursor out of the whole text. */
  private suggestBySize(): void {
    const length = this.active?.model.getValueLength() ?? 0;
    const delay = length >= LARGE_TEXT_CHARS ? LARGE_SUGGEST_DELAY_MS : SUGGEST_DELAY_MS;
    if (delay === this.suggestDelay) return;
    this.suggestDelay = delay;
    this.editor.updateOptions({ quickSuggestionsDelay: delay });
  }

  /** Selects a problem's range and brings it into view, cursor in the editor. */
  reveal(diagnostic: Diagnostic): void {
    const model = this.active?.model;
    if (!model) return;
    const range = rangeOfSpan(model, diagnostic.range);
    this.editor.setSelection(range);
    this.editor.revealRangeInCenterIfOutsideViewport(range);
    this.editor.focus();
  }

  /**
   * Picks out a span of the policy on screen (the statement a simulated check points at):
   * selects it, scrolls it to one line below the top and highlights it until the text
   * changes. (Not centred: in a short panel the tabs and the statement then fit together.) Earlier
   * highlights go. Returns where the range now shows, in pixels from the top of the editor;
   * nothing is picked out when the policy shows other text than the span was measured on.
   */
  revealSpan(span: Span, options: RevealOptions): { top: number; bottom: number } | undefined {
    for (const doc of this.docs.values()) doc.revealed.clear();
    this.markRevealed();
    const doc = this.active;
    if (!doc) return undefined;
    if (options.text !== undefined && doc.model.getValue() !== options.text) return undefined;
    const range = doc.revealed.set(span);
    this.editor.setSelection(range);
    const lineHeight = this.editor.getOption(monaco.editor.EditorOption.lineHeight);
    const immediate = monaco.editor.ScrollType.Immediate;
    this.editor.revealRangeAtTop(range, immediate);
    this.editor.setScrollTop(Math.max(0, this.editor.getScrollTop() - lineHeight), immediate);
    if (options.focus) this.editor.focus();
    const scrollTop = this.editor.getScrollTop();
    return {
      top: this.editor.getTopForLineNumber(range.startLineNumber) - scrollTop,
      bottom: this.editor.getTopForLineNumber(range.endLineNumber) + lineHeight - scrollTop,
    };
  }

  focus(): void {
    this.editor.focus();
  }

  /** Keeps `data-revealed-range` on the host in step with the highlight of the policy on screen. */
  private markRevealed(): void {
    const span = this.active?.revealed.span();
    if (span) this.host.dataset.revealedRange = `${span.start}-${span.end}`;
    else delete this.host.dataset.revealedRange;
  }

  /** Sends every policy's pending edits now (the page is going away or out of sight). */
  private readonly flushAll = () => {
    for (const doc of this.docs.values()) doc.sync.flush();
  };

  dispose(): void {
    this.host.removeEventListener('keydown', keepUndoInEditor);
    window.removeEventListener('pagehide', this.flushAll);
    this.unregisterFlush();
    document.removeEventListener('visibilitychange', this.flushAll);
    for (const doc of this.docs.values()) {
      doc.sync.flush();
      doc.validation.cancel();
      doc.largeValidation.cancel();
      doc.revealed.dispose();
      for (const d of doc.disposables) d.dispose();
      unbindModel(doc.model);
      doc.model.dispose();
    }
    this.docs.clear();
    for (const d of this.disposables) d.dispose();
    this.editor.dispose();
  }

  private open(input: PolicyDocumentInput): OpenDocument {
    const uri = monaco.Uri.from({
      scheme: 'rolecraft-policy',
      path: `/${this.id}/${encodeURIComponent(input.key)}.json`,
    });
    const model = monaco.editor.createModel(input.value, 'json', uri);
    const doc: OpenDocument = {
      input,
      model,
      viewState: null,
      applyingExternal: false,
      diagnostics: [],
      validating: false,
      again: false,
      revealed: new RevealedRange(model, () => {
        if (doc === this.active) this.markRevealed();
      }),
      disposables: [],
      env: {
        get policyType() {
          return doc.input.policyType;
        },
        catalogue: iamCatalogue,
        entities: () => this.options.entities(),
      },
      sync: new PolicySync(
        {
          getText: () => model.getValue(),
          length: () => model.getValueLength(),
          applyExternal: (edit) => {
            const selections =
              this.editor.getModel() === model ? this.editor.getSelections() : null;
            doc.applyingExternal = true;
            try {
              model.pushStackElement();
              model.pushEditOperations(
                selections ?? [],
                [{ range: rangeOfSpan(model, edit), text: edit.text }],
                () => null,
              );
              model.pushStackElement();
            } finally {
              doc.applyingExternal = false;
            }
          },
        },
        input.onChange,
      ),
      validation: debounce(() => void this.validate(doc), VALIDATE_WAIT_MS, VALIDATE_MAX_WAIT_MS),
      largeValidation: debounce(
        () => void this.validate(doc),
        LARGE_VALIDATE_WAIT_MS,
        LARGE_VALIDATE_MAX_WAIT_MS,
      ),
    };
    bindModel(model, { env: doc.env, diagnostics: [] });
    doc.disposables.push(
      model.onDidChangeContent(() => {
        const large = model.getValueLength() >= LARGE_TEXT_CHARS;
        (large ? doc.validation : doc.largeValidation).cancel();
        (large ? doc.largeValidation : doc.validation).schedule();
        if (doc === this.active) this.suggestBySize();
        if (!doc.applyingExternal) doc.sync.edited();
      }),
    );
    this.docs.set(input.key, doc);
    void this.validate(doc);
    return doc;
  }

  /** One validation per policy at a time: keys typed meanwhile ask for one more, not a queue. */
  private async validate(doc: OpenDocument): Promise<void> {
    if (doc.validating) {
      doc.again = true;
      return;
    }
    doc.validating = true;
    try {
      const { model } = doc;
      const version = model.getVersionId();
      const text = model.getValue();
      const diagnostics =
        doc.input.optional && text.trim() === ''
          ? []
          : await diagnoser.diagnose(text, doc.input.policyType);
      // A problem shows once its quick fix can be answered without waiting (see loadQuickFixData);
      // a catalogue that fails to load only costs the fix, not the problem.
      await loadQuickFixData(text, diagnostics, iamCatalogue).catch(() => undefined);
      if (model.isDisposed() || model.getVersionId() !== version) {
        doc.again ||= !model.isDisposed();
        return;
      }
      doc.diagnostics = diagnostics;
      setDiagnostics(model, diagnostics);
      if (doc === this.active) this.reportProblems();
    } finally {
      doc.validating = false;
      if (doc.again && !doc.model.isDisposed()) {
        doc.again = false;
        void this.validate(doc);
      }
    }
  }

  private reportProblems(): void {
    const doc = this.active;
    if (!doc) return;
    this.options.onProblems(
      sortProblems(doc.diagnostics).map((diagnostic) => {
        const position = doc.model.getPositionAt(diagnostic.range.start);
        return { diagnostic, line: position.lineNumber, column: position.column };
      }),
    );
  }
}

// Monaco glue for the policy language: completion, hover and quick fixes come from the pure
// modules in ../language; this file only converts offsets and shapes. Providers are
// registered once for `json` and answer only for models bound here (policy editors).
import type { Diagnostic } from '../../engine';
import { completionsAt } from '../language/completion';
import type { Span } from '../language/cursor';
import { hoverAt } from '../language/hover';
import { markerSpan } from '../language/markers';
import { quickFixes } from '../language/quick-fixes';
import type { CompletionKind, LanguageEnv } from '../language/types';
import { monaco } from './monaco';

type TextModel = monaco.editor.ITextModel;

export interface ModelBinding {
  env: LanguageEnv;
  /** The latest diagnostics of the model's text (quick fixes read them). */
  diagnostics: readonly Diagnostic[];
}

const bindings = new Map<string, ModelBinding>();

export function bindModel(model: TextModel, binding: ModelBinding): void {
  bindings.set(model.uri.toString(), binding);
}

export function unbindModel(model: TextModel): void {
  bindings.delete(model.uri.toString());
}

export function rangeOfSpan(model: TextModel, span: Span): monaco.Range {
  const start = model.getPositionAt(span.start);
  const end = model.getPositionAt(span.end);
  return new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column);
}

const severities: Record<Diagnostic['severity'], monaco.MarkerSeverity> = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
};

function markerOf(model: TextModel, d: Diagnostic): monaco.editor.IMarkerData {
  const range = rangeOfSpan(model, markerSpan(d, model.getValueLength()));
  return {
    severity: severities[d.severity],
    message: d.message,
    code: d.code,
    source: 'rolecraft',
    startLineNumber: range.startLineNumber,
    startColumn: range.startColumn,
    endLineNumber: range.endLineNumber,
    endColumn: range.endColumn,
  };
}

const MARKER_OWNER = 'rolecraft-policy';

export function setDiagnostics(model: TextModel, diagnostics: readonly Diagnostic[]): void {
  const binding = bindings.get(model.uri.toString());
  if (binding) binding.diagnostics = diagnostics;
  monaco.editor.setModelMarkers(
    model,
    MARKER_OWNER,
    diagnostics.map((d) => markerOf(model, d)),
  );
}

const kinds: Record<CompletionKind, monaco.languages.CompletionItemKind> = {
  property: monaco.languages.CompletionItemKind.Property,
  value: monaco.languages.CompletionItemKind.Value,
  service: monaco.languages.CompletionItemKind.Module,
  action: monaco.languages.CompletionItemKind.Function,
  operator: monaco.languages.CompletionItemKind.Operator,
  conditionKey: monaco.languages.CompletionItemKind.Field,
  arn: monaco.languages.CompletionItemKind.Reference,
  principal: monaco.languages.CompletionItemKind.User,
  variable: monaco.languages.CompletionItemKind.Variable,
  snippet: monaco.languages.CompletionItemKind.Snippet,
};

/** A completion range must be one line and contain the cursor: clamp a longer token to its line. */
function completionRange(model: TextModel, span: Span, position: monaco.Position): monaco.Range {
  const range = rangeOfSpan(model, span);
  if (range.startLineNumber === range.endLineNumber) return range;
  const line = position.lineNumber;
  const start = range.startLineNumber === line ? range.startColumn : 1;
  const end = range.endLineNumber === line ? range.endColumn : model.getLineMaxColumn(line);
  return new monaco.Range(line, start, line, Math.max(end, position.column));
}

const retrigger = { id: 'editor.action.triggerSuggest', title: 'Suggest' };

let registered = false;

/** Registers the policy language's providers (once per page). */
export function registerPolicyLanguage(): void {
  if (registered) return;
  registered = true;

  monaco.languages.registerCompletionItemProvider('json', {
    triggerCharacters: ['"', ':', '{', '$', '/'],
    async provideCompletionItems(model, position) {
      const binding = bindings.get(model.uri.toString());
      if (!binding) return { suggestions: [] };
      const list = await completionsAt(model.getValue(), model.getOffsetAt(position), binding.env);
      return {
        incomplete: list.incomplete,
        suggestions: list.items.map((item) => ({
          label: item.label,
          kind: kinds[item.kind],
          insertText: item.insertText,
          ...(item.snippet
            ? { insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet }
            : {}),
          range: completionRange(model, item.range, position),
          ...(item.detail ? { detail: item.detail } : {}),
          ...(item.documentation ? { documentation: { value: item.documentation } } : {}),
          ...(item.filterText ? { filterText: item.filterText } : {}),
          ...(item.sortText ? { sortText: item.sortText } : {}),
          ...(item.retrigger ? { command: retrigger } : {}),
        })),
      };
    },
  });

  monaco.languages.registerHoverProvider('json', {
    async provideHover(model, position) {
      const binding = bindings.get(model.uri.toString());
      if (!binding) return null;
      const hover = await hoverAt(model.getValue(), model.getOffsetAt(position), binding.env);
      if (!hover) return null;
      return { range: rangeOfSpan(model, hover.range), contents: [{ value: hover.markdown }] };
    },
  });

  monaco.languages.registerCodeActionProvider(
    'json',
    {
      async provideCodeActions(model, range) {
        const binding = bindings.get(model.uri.toString());
        if (!binding) return { actions: [], dispose() {} };
        const span = {
          start: model.getOffsetAt(range.getStartPosition()),
          end: model.getOffsetAt(range.getEndPosition()),
        };
        const versionId = model.getVersionId();
        const fixes = await quickFixes(model.getValue(), binding.diagnostics, span, binding.env);
        return {
          actions: fixes.map((fix) => ({
            title: fix.title,
            kind: 'quickfix',
            isPreferred: fix.preferred,
            diagnostics: [markerOf(model, fix.diagnostic)],
            edit: {
              edits: fix.edits.map((edit) => ({
                resource: model.uri,
                versionId,
                textEdit: { range: rangeOfSpan(model, edit), text: edit.text },
              })),
            },
          })),
          dispose() {},
        };
      },
    },
    { providedCodeActionKinds: ['quickfix'] },
  );
}

// Monaco, bundled and lean: the editor core, its features, the JSON language and two workers
// (editor and JSON). Imported only from the lazily loaded editor chunk.
import * as monaco from 'monaco-editor/editor';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';

self.MonacoEnvironment = {
  getWorker: (_workerId: string, label: string) =>
    label === 'json' ? new JsonWorker() : new EditorWorker(),
};

// The engine's validator owns diagnostics, and the policy language owns completion and hover;
// the JSON worker keeps formatting, folding, symbols and selection ranges.
jsonDefaults.setDiagnosticsOptions({ validate: false, enableSchemaRequest: false, schemas: [] });
jsonDefaults.setModeConfiguration({
  documentFormattingEdits: true,
  documentRangeFormattingEdits: true,
  completionItems: false,
  hovers: false,
  documentSymbols: true,
  tokens: true,
  colors: false,
  foldingRanges: true,
  diagnostics: false,
  selectionRanges: true,
});

/**
 * The editor features (suggest, hover, code actions, find, folding, …) in a chunk of their
 * own: an editor must be created after they are registered.
 */
export const monacoFeatures: Promise<unknown> = import('monaco-editor/features/register.all');

export { monaco };

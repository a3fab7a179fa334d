import { applyEdits, modify, type FormattingOptions, type JSONPath } from 'jsonc-parser';

/** The indentation the text already uses (first indented line), so edits match it. */
export function formattingOf(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /\n([ \t]+)\S/.exec(text)?.[1];
  if (indent === undefined) return { insertSpaces: true, tabSize: 2, eol };
  if (indent.startsWith('\t')) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: indent.length, eol };
}

/** Sets (or with `undefined` removes) the value at `path`, changing only the text around it. */
export function setAt(text: string, path: JSONPath, value: unknown): string {
  const edits = modify(text, path, value, { formattingOptions: formattingOf(text) });
  return applyEdits(text, edits);
}

/** Appends to the array at `path`. */
export function appendAt(text: string, path: JSONPath, value: unknown): string {
  return setAt(text, [...path, -1], value);
}

import { applyEdits, modify, type FormattingOptions, type JSONPath } from 'jsonc-parser';

/**
 * The one indentation detector: how the text already indents (tabs, or the smallest run of
 * leading spaces; 2 when nothing is indented) and its line ends, so edits match it.
 */
export function formattingOf(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (/^\t+\S/m.test(text)) return { insertSpaces: false, tabSize: 1, eol };
  let smallest = 0;
  for (const m of text.matchAll(/^( +)\S/gm)) {
    const size = m[1]!.length;
    if (smallest === 0 || size < smallest) smallest = size;
  }
  return { insertSpaces: true, tabSize: smallest || 2, eol };
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

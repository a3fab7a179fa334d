// Building blocks for completions that replace the token at the cursor.
import type { CursorContext } from './cursor';
import type { Completion, CompletionKind } from './types';

/** Escapes text so a snippet inserts it literally. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** Turns `${Name}` placeholders (ARN templates, key templates) into numbered snippet tab stops. */
export function templateToSnippet(template: string, defaults: Record<string, string> = {}): string {
  let stop = 0;
  return template
    .split(/(\$\{[^}]+\})/)
    .map((part) => {
      const name = /^\$\{([^}]+)\}$/.exec(part)?.[1];
      if (!name) return escapeSnippet(part);
      stop += 1;
      return `\${${stop}:${escapeSnippet(defaults[name] ?? name)}}`;
    })
    .join('');
}

export interface ItemOptions {
  detail?: string;
  documentation?: string;
  sortText?: string;
  retrigger?: boolean;
}

/** A JSON string value (or key) replacing the token at the cursor, quotes included. */
export function stringItem(
  ctx: CursorContext,
  label: string,
  kind: CompletionKind,
  options: ItemOptions = {},
): Completion {
  return {
    label,
    kind,
    insertText: JSON.stringify(label),
    snippet: false,
    range: ctx.replace,
    filterText: filterFor(ctx, label),
    ...options,
  };
}

/** Filtering compares the typed token with this: quoted inside a string, as the token is. */
export function filterFor(ctx: CursorContext, label: string): string {
  return ctx.inString ? JSON.stringify(label) : label;
}

/** A JSON string whose content is a snippet body (tab stops inside the quotes). */
export function stringSnippetItem(
  ctx: CursorContext,
  label: string,
  body: string,
  kind: CompletionKind,
  options: ItemOptions = {},
): Completion {
  return {
    label,
    kind,
    insertText: `"${body}"`,
    snippet: true,
    range: ctx.replace,
    filterText: filterFor(ctx, label),
    ...options,
  };
}

/** Raw JSON (an object, an array, a property) replacing the token at the cursor. */
export function jsonSnippetItem(
  ctx: CursorContext,
  label: string,
  body: string,
  kind: CompletionKind,
  options: ItemOptions & { filterText?: string } = {},
): Completion {
  return { label, kind, insertText: body, snippet: true, range: ctx.replace, ...options };
}

/** Sort key that keeps `rank` groups in order and the labels alphabetical inside each. */
export function sortKey(rank: number, label: string): string {
  return `${String(rank).padStart(2, '0')}-${label.toLowerCase()}`;
}

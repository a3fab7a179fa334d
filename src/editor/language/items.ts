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

/**
 * A JSON string value (or a key that already has its colon). Inside a string it replaces the
 * content between the quotes (so a snippet running around it goes on); elsewhere it inserts
 * the string with its quotes.
 */
export function stringItem(
  ctx: CursorContext,
  label: string,
  kind: CompletionKind,
  options: ItemOptions = {},
): Completion {
  const escaped = JSON.stringify(label).slice(1, -1);
  return ctx.inString
    ? {
        label,
        kind,
        insertText: ctx.closed ? escaped : `${escaped}"`,
        snippet: false,
        range: ctx.content,
        filterText: label,
        ...options,
      }
    : {
        label,
        kind,
        insertText: `"${escaped}"`,
        snippet: false,
        range: ctx.replace,
        filterText: label,
        ...options,
      };
}

/** A JSON string whose content is a snippet body (tab stops inside the quotes). */
export function stringSnippetItem(
  ctx: CursorContext,
  label: string,
  body: string,
  kind: CompletionKind,
  options: ItemOptions = {},
): Completion {
  return ctx.inString
    ? {
        label,
        kind,
        insertText: ctx.closed ? body : `${body}"`,
        snippet: true,
        range: ctx.content,
        filterText: label,
        ...options,
      }
    : {
        label,
        kind,
        insertText: `"${body}"`,
        snippet: true,
        range: ctx.replace,
        filterText: label,
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

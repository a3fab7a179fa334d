/**
 * Policy variables (`${aws:username}`, `${aws:PrincipalTag/team, 'default'}`) and the escapes
 * `${*}`, `${?}`, `${$}`. Variables only exist in policies with Version `2012-10-17`;
 * elsewhere `${...}` is plain text.
 */
import type { ContextLookup } from '../evaluate/request-context.ts';
import { ANY_ONE, STAR } from '../match/glob.ts';

/** One piece of a template. `literal` text never holds wildcards (escapes land here). */
type TemplatePart =
  | { type: 'literal'; text: string }
  | { type: 'star' }
  | { type: 'one' }
  | { type: 'variable'; key: string; keyLower: string; fallback?: string; source: string };

export interface Template {
  parts: TemplatePart[];
  /** True when at least one part is a variable, so the value depends on the request. */
  dynamic: boolean;
}

const escapes: Record<string, string> = { '*': '*', '?': '?', $: '$' };
const variableBody = /^\s*([^,\s}]+)\s*(?:,\s*'([^']*)'\s*)?$/;

/** Splits text into literal, wildcard and variable parts. */
export function parseTemplate(text: string, variablesEnabled: boolean): Template {
  const parts: TemplatePart[] = [];
  let literal = '';
  let dynamic = false;
  const flush = () => {
    if (literal) parts.push({ type: 'literal', text: literal });
    literal = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (variablesEnabled && ch === '$' && text[i + 1] === '{') {
      const close = text.indexOf('}', i + 2);
      if (close > 0) {
        const body = text.slice(i + 2, close);
        const escaped = escapes[body];
        if (escaped !== undefined) {
          literal += escaped;
          i = close;
          continue;
        }
        const m = variableBody.exec(body);
        if (m) {
          flush();
          const key = m[1]!;
          const part: TemplatePart = {
            type: 'variable',
            key,
            keyLower: key.toLowerCase(),
            source: text.slice(i, close + 1),
          };
          if (m[2] !== undefined) part.fallback = m[2];
          parts.push(part);
          dynamic = true;
          i = close;
          continue;
        }
      }
    }
    if (ch === '*') {
      flush();
      parts.push({ type: 'star' });
    } else if (ch === '?') {
      flush();
      parts.push({ type: 'one' });
    } else literal += ch;
  }
  flush();
  return { parts, dynamic };
}

/** The variables a text refers to (for the validator). */
export function templateVariables(template: Template): string[] {
  return template.parts.flatMap((p) => (p.type === 'variable' ? [p.key] : []));
}

/** The single value of a variable, or undefined when the request has none (multivalued keys give none). */
function variableValue(
  part: { keyLower: string; fallback?: string },
  lookup: ContextLookup,
): string | undefined {
  const value = lookup.get(part.keyLower);
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.length === 1) return value[0];
  return part.fallback;
}

/**
 * Resolves a template to pattern codes (wildcards kept as {@link STAR}/{@link ANY_ONE} when `wildcards`,
 * else as the characters). Undefined when a variable has no value and no default.
 */
export function resolveCodes(
  template: Template,
  lookup: ContextLookup,
  wildcards: boolean,
  lowerCase = false,
): number[] | undefined {
  const codes: number[] = [];
  return resolveCodesInto(template, lookup, wildcards, codes, lowerCase) ? codes : undefined;
}

/**
 * {@link resolveCodes} into `codes` (emptied first, so a caller can reuse one array); false
 * when a variable has no value and no default.
 */
export function resolveCodesInto(
  template: Template,
  lookup: ContextLookup,
  wildcards: boolean,
  codes: number[],
  lowerCase = false,
): boolean {
  codes.length = 0;
  const parts = template.parts;
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p]!;
    let text: string | undefined;
    switch (part.type) {
      case 'literal':
        text = part.text;
        break;
      case 'star':
        if (wildcards) {
          if (codes[codes.length - 1] !== STAR) codes.push(STAR);
        } else codes.push(42);
        continue;
      case 'one':
        codes.push(wildcards ? ANY_ONE : 63);
        continue;
      case 'variable':
        text = variableValue(part, lookup);
        if (text === undefined) return false;
        break;
    }
    if (lowerCase) text = text.toLowerCase();
    for (let i = 0; i < text.length; i++) codes.push(text.charCodeAt(i));
  }
  return true;
}

/** Resolves a template to plain text (wildcard characters kept as text). */
export function resolveText(template: Template, lookup: ContextLookup): string | undefined {
  let out = '';
  for (const part of template.parts) {
    if (part.type === 'literal') out += part.text;
    else if (part.type === 'star') out += '*';
    else if (part.type === 'one') out += '?';
    else {
      const value = variableValue(part, lookup);
      if (value === undefined) return undefined;
      out += value;
    }
  }
  return out;
}

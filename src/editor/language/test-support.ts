// Helpers for the language tests: a cursor marker in text, a small design, and a snippet
// expander that inserts each placeholder's default the way an editor would.
import { iamCatalogue } from '../catalogue/catalogue';
import type { Completion, DesignEntity, LanguageEnv, PolicyType } from './types';

export const design: DesignEntity[] = [
  {
    kind: 'account',
    name: 'Prod',
    arn: 'arn:aws:iam::111111111111:root',
    accountId: '111111111111',
  },
  {
    kind: 'account',
    name: 'Tools',
    arn: 'arn:aws:iam::222222222222:root',
    accountId: '222222222222',
  },
  {
    kind: 'user',
    name: 'alice',
    arn: 'arn:aws:iam::111111111111:user/alice',
    accountId: '111111111111',
  },
  {
    kind: 'role',
    name: 'Deploy',
    arn: 'arn:aws:iam::222222222222:role/Deploy',
    accountId: '222222222222',
  },
  { kind: 'service', name: 'Lambda', arn: 'lambda.amazonaws.com' },
  {
    kind: 'identity-provider',
    name: 'GitHub',
    arn: 'arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com',
    accountId: '111111111111',
  },
  { kind: 'resource', name: 'logs', arn: 'arn:aws:s3:::logs', accountId: '111111111111' },
];

export function env(policyType: PolicyType, entities: DesignEntity[] = design): LanguageEnv {
  return { policyType, catalogue: iamCatalogue, entities: () => entities };
}

/** Splits `text with | cursor` into the text and the cursor's offset. */
export function cursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error('no `|` cursor marker');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

/** Expands snippet syntax to plain text: each tab stop gets its default or first choice. */
function expandSnippet(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\' && i + 1 < body.length) {
      out += body[++i];
    } else if (c === '$' && body[i + 1] === '{') {
      const close = matchingBrace(body, i + 1);
      const inner = body.slice(i + 2, close);
      const choice = /^\d+\|([^,|]*)/.exec(inner);
      const placeholder = /^\d+:([\s\S]*)$/.exec(inner);
      out += choice ? choice[1] : placeholder ? expandSnippet(placeholder[1] ?? '') : '';
      i = close;
    } else if (c === '$' && /\d/.test(body[i + 1] ?? '')) {
      while (/\d/.test(body[i + 1] ?? '')) i++;
    } else {
      out += c;
    }
  }
  return out;
}

function matchingBrace(body: string, open: number): number {
  let depth = 0;
  for (let i = open; i < body.length; i++) {
    if (body[i] === '\\') i++;
    else if (body[i] === '{') depth++;
    else if (body[i] === '}' && --depth === 0) return i;
  }
  return body.length;
}

/** The text after accepting a completion (tab stops filled with their defaults). */
export function accept(text: string, item: Completion): string {
  const inserted = item.snippet ? expandSnippet(item.insertText) : item.insertText;
  return text.slice(0, item.range.start) + inserted + text.slice(item.range.end);
}

/** Where the cursor lands after accepting: the first tab stop, or the end of the insertion. */
export function cursorAfter(item: Completion): number {
  if (!item.snippet) return item.range.start + item.insertText.length;
  const marker = '\u0000';
  const withMarker = item.insertText.replace(/\$\{1[:|][^}]*\}|\$1(?!\d)|\$0/, marker);
  const expanded = expandSnippet(withMarker);
  const at = expanded.indexOf(marker);
  return item.range.start + (at < 0 ? expandSnippet(item.insertText).length : at);
}

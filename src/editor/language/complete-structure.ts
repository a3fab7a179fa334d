// Completion of the policy's shape: top-level and statement keys, Version and Effect values,
// statement snippets, and whole documents for an empty editor.
import type { CursorContext } from './cursor';
import { jsonSnippetItem, sortKey, stringItem } from './items';
import { documentSnippet, indent, snippetsFor } from './snippets';
import type { Completion, CompletionList, PolicyType } from './types';

interface KeySpec {
  key: string;
  /** What follows the key and its colon, in snippet syntax. */
  value: string;
  doc: string;
  retrigger?: boolean;
}

const topLevelKeys: readonly KeySpec[] = [
  {
    key: 'Version',
    value: '"2012-10-17"',
    doc: 'policy language version; `2012-10-17` enables policy variables',
  },
  { key: 'Id', value: '"$1"', doc: 'an optional identifier for the policy' },
  { key: 'Statement', value: '[\n\t$0\n]', doc: 'the list of statements', retrigger: true },
];

const statementKeys: readonly (KeySpec & { types?: readonly PolicyType[] })[] = [
  { key: 'Sid', value: '"$1"', doc: 'an optional statement ID (letters and digits)' },
  { key: 'Effect', value: '"${1|Allow,Deny|}"', doc: '`Allow` or `Deny`' },
  {
    key: 'Principal',
    value: '$0',
    doc: 'who the statement applies to',
    types: ['trust', 'resource', 'rcp'],
    retrigger: true,
  },
  {
    key: 'NotPrincipal',
    value: '{\n\t"AWS": "$1"\n}',
    doc: 'every principal except these',
    types: ['resource'],
  },
  { key: 'Action', value: '"$1"', doc: 'the actions allowed or denied', retrigger: true },
  { key: 'NotAction', value: '"$1"', doc: 'every action except these', retrigger: true },
  {
    key: 'Resource',
    value: '"$1"',
    doc: 'the resources the actions apply to',
    types: ['identity', 'resource', 'boundary', 'session', 'scp', 'rcp'],
    retrigger: true,
  },
  {
    key: 'NotResource',
    value: '"$1"',
    doc: 'every resource except these',
    types: ['identity', 'resource', 'boundary', 'session', 'scp', 'rcp'],
    retrigger: true,
  },
  { key: 'Condition', value: '{\n\t$0\n}', doc: 'when the statement applies', retrigger: true },
];

function keyItems(
  ctx: CursorContext,
  specs: readonly KeySpec[],
  present: readonly string[],
): Completion[] {
  return specs
    .filter((spec) => !present.includes(spec.key) || ctx.prefix === spec.key)
    .map((spec, i) =>
      ctx.colonFollows
        ? stringItem(ctx, spec.key, 'property', {
            documentation: spec.doc,
            sortText: sortKey(i, spec.key),
          })
        : jsonSnippetItem(ctx, spec.key, `"${spec.key}": ${spec.value}`, 'property', {
            documentation: spec.doc,
            filterText: ctx.inString ? JSON.stringify(spec.key) : spec.key,
            sortText: sortKey(i, spec.key),
            ...(spec.retrigger ? { retrigger: true } : {}),
          }),
    );
}

export function topLevelKeyCompletions(
  ctx: CursorContext,
  present: readonly string[],
): CompletionList {
  return { items: keyItems(ctx, topLevelKeys, present), incomplete: false };
}

export function statementKeyCompletions(
  ctx: CursorContext,
  type: PolicyType,
  present: readonly string[],
): CompletionList {
  const specs = statementKeys.filter((s) => !s.types || s.types.includes(type));
  return { items: keyItems(ctx, specs, present), incomplete: false };
}

export function versionCompletions(ctx: CursorContext): CompletionList {
  return {
    items: [
      stringItem(ctx, '2012-10-17', 'value', { detail: 'current version', sortText: '0' }),
      stringItem(ctx, '2008-10-17', 'value', {
        detail: 'old version: no policy variables',
        sortText: '1',
      }),
    ],
    incomplete: false,
  };
}

export function effectCompletions(ctx: CursorContext, type: PolicyType): CompletionList {
  const effects = type === 'rcp' ? ['Deny'] : ['Allow', 'Deny'];
  return {
    items: effects.map((e, i) => stringItem(ctx, e, 'value', { sortText: String(i) })),
    incomplete: false,
  };
}

/** Statement snippets where a statement object goes (`wrap` when the `Statement` value itself is being written). */
export function statementCompletions(
  ctx: CursorContext,
  type: PolicyType,
  wrap: boolean,
): CompletionList {
  if (ctx.inString) return { items: [], incomplete: false };
  const items = snippetsFor(type).map((snippet, i) =>
    jsonSnippetItem(
      ctx,
      snippet.label,
      wrap ? `[\n\t${indent(snippet.body, 1)}\n]` : snippet.body,
      'snippet',
      {
        detail: 'statement',
        documentation: snippet.description,
        filterText: snippet.label,
        sortText: sortKey(i, snippet.label),
        ...(snippet.retrigger ? { retrigger: true } : {}),
      },
    ),
  );
  return { items, incomplete: false };
}

/** Whole documents, for an editor with nothing in it. */
export function documentCompletions(ctx: CursorContext, type: PolicyType): CompletionList {
  const items = snippetsFor(type).map((snippet, i) =>
    jsonSnippetItem(ctx, `${snippet.label} (policy)`, documentSnippet(snippet), 'snippet', {
      detail: 'whole policy',
      documentation: snippet.description,
      filterText: snippet.label,
      sortText: sortKey(i + 1, snippet.label),
    }),
  );
  items.unshift(
    jsonSnippetItem(
      ctx,
      'Empty policy',
      '{\n\t"Version": "2012-10-17",\n\t"Statement": [\n\t\t$0\n\t]\n}',
      'snippet',
      {
        detail: 'whole policy',
        documentation: 'a Version and an empty statement list, ready for a statement',
        filterText: 'Empty policy',
        sortText: sortKey(0, 'empty'),
        retrigger: true,
      },
    ),
  );
  return { items, incomplete: false };
}

// Policy variables (`${aws:username}`): where they may stand and what each one holds.
import type { CursorContext } from './cursor';
import { escapeSnippet } from './items';
import type { Completion } from './types';

export interface PolicyVariable {
  name: string;
  description: string;
}

const policyVariables: readonly PolicyVariable[] = [
  { name: 'aws:username', description: 'the IAM user’s friendly name (absent for roles)' },
  {
    name: 'aws:userid',
    description: 'the principal’s unique ID; for a role session `ROLEID:session-name`',
  },
  { name: 'aws:PrincipalTag/${TagKey}', description: 'a tag on the principal or its session' },
  { name: 'aws:PrincipalAccount', description: 'the principal’s account ID' },
  { name: 'aws:PrincipalOrgID', description: 'the principal’s organization ID' },
  { name: 'aws:SourceIdentity', description: 'the source identity set on the role session' },
  { name: 'aws:ResourceTag/${TagKey}', description: 'a tag on the resource' },
  { name: 'aws:RequestTag/${TagKey}', description: 'a tag passed in the request' },
  { name: 'aws:CurrentTime', description: 'the time of the request' },
  { name: 'aws:SourceIp', description: 'the requester’s IP address' },
  { name: 'aws:FederatedProvider', description: 'the identity provider of a federated session' },
  {
    name: 'sts:RoleSessionName',
    description: 'the role session name (in identity policies of the role)',
  },
  { name: '*', description: 'a literal `*` (escape for the wildcard)' },
  { name: '?', description: 'a literal `?` (escape for the wildcard)' },
  { name: '$', description: 'a literal `$`' },
];

/** Where a `${` was opened and not yet closed before the cursor, as an offset into the text. */
function openVariableStart(ctx: CursorContext): number | undefined {
  if (!ctx.inString) return undefined;
  const at = ctx.prefix.lastIndexOf('${');
  if (at < 0 || ctx.prefix.indexOf('}', at) >= 0) return undefined;
  return ctx.replace.start + 1 + at;
}

/** Completions for an opened `${`: each variable, with a tab stop for a tag key. */
export function variableCompletions(ctx: CursorContext, text: string): Completion[] {
  const start = openVariableStart(ctx);
  if (start === undefined) return [];
  // An auto-closed `}` after the cursor belongs to the variable being written.
  const range = { start, end: text[ctx.offset] === '}' ? ctx.offset + 1 : ctx.offset };
  return policyVariables.map((v, i) => {
    const body = v.name.includes('${TagKey}')
      ? v.name.replace('${TagKey}', '${1:TagKey}')
      : escapeSnippet(v.name);
    return {
      label: `\${${v.name}}`,
      kind: 'variable',
      insertText: `\\\${${body}}`,
      snippet: true,
      range,
      filterText: `\${${v.name}}`,
      detail: 'policy variable',
      documentation: v.description,
      sortText: String(i).padStart(2, '0'),
    };
  });
}

/** A variable in a string at `offset` (for hover), with its span. */
export function variableAt(
  text: string,
  offset: number,
): { name: string; start: number; end: number } | undefined {
  const line = lineAround(text, offset);
  for (const m of line.text.matchAll(/\$\{([^}]*)\}/g)) {
    const start = line.start + m.index;
    const end = start + m[0].length;
    if (offset >= start && offset <= end) return { name: m[1] ?? '', start, end };
  }
  return undefined;
}

function lineAround(text: string, offset: number) {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const endAt = text.indexOf('\n', offset);
  return { start, text: text.slice(start, endAt < 0 ? text.length : endAt) };
}

/** Describes a variable name such as `aws:PrincipalTag/team`. */
export function describeVariable(name: string): PolicyVariable | undefined {
  const bare = name.split(',')[0]?.trim() ?? '';
  return policyVariables.find((v) =>
    v.name.includes('${TagKey}')
      ? bare.toLowerCase().startsWith(v.name.slice(0, v.name.indexOf('${')).toLowerCase())
      : v.name.toLowerCase() === bare.toLowerCase(),
  );
}

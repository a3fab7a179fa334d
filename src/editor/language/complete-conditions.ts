// Completion inside `Condition`: operators, the keys that fit an operator, and values for a key.
import { oidcIssuerOf } from '../../engine';
import {
  conditionOperators,
  familiesForKeyType,
  operatorFitsKeyType,
  operatorsForKeyType,
  parseOperator,
  setQualifiers,
} from '../catalogue/condition-operators';
import { applicableConditionKeys, describeKey, type ApplicableKey } from './condition-keys';
import type { CursorContext } from './cursor';
import { conditionKeyDoc, operatorDoc } from './docs';
import {
  jsonSnippetItem,
  sortKey,
  stringItem,
  stringSnippetItem,
  templateToSnippet,
} from './items';
import type { StatementFacts } from './statement';
import type { Completion, CompletionList, LanguageEnv } from './types';

/** Global keys worth offering as ready-made conditions in any statement. */
const notableGlobalKeys = [
  'aws:MultiFactorAuthPresent',
  'aws:SourceIp',
  'aws:PrincipalOrgID',
  'aws:PrincipalArn',
  'aws:SourceAccount',
  'aws:SourceArn',
  'aws:RequestedRegion',
  'aws:SecureTransport',
];

const hasVariable = (key: string) => key.includes('${');

function keyInsert(key: ApplicableKey, withValue: boolean): string {
  const name = hasVariable(key.key) ? templateToSnippet(key.key) : key.key;
  if (!withValue) return `"${name}"`;
  const stop = hasVariable(key.key) ? 2 : 1;
  const value = familiesForKeyType(key.type)[0] === 'Bool' ? `\${${stop}|true,false|}` : `$${stop}`;
  return `"${name}": "${value}"`;
}

export async function operatorCompletions(
  ctx: CursorContext,
  env: LanguageEnv,
  facts: StatementFacts,
  keysInBlock: readonly string[],
): Promise<CompletionList> {
  const blockTypes = await Promise.all(
    keysInBlock.map(async (k) => (await describeKey(k, env.catalogue))?.type ?? 'String'),
  );
  const fits = (name: string) => blockTypes.every((type) => operatorFitsKeyType(name, type));
  const qualifier = setQualifiers.find((q) =>
    ctx.prefix.toLowerCase().startsWith(`${q.toLowerCase()}:`),
  );
  const names = qualifier
    ? conditionOperators.filter((op) => op.family !== 'Null').map((op) => `${qualifier}:${op.name}`)
    : conditionOperators.map((op) => op.name);

  const items: Completion[] = names.map((name) => {
    const parsed = parseOperator(name);
    const rank = blockTypes.length > 0 && fits(name) ? 0 : name.endsWith('IfExists') ? 2 : 1;
    const options = {
      detail: `${parsed?.operator.family ?? ''} operator`,
      ...(parsed ? { documentation: operatorDoc(name, parsed.operator, parsed.qualifier) } : {}),
      sortText: sortKey(rank, name),
    };
    return ctx.colonFollows
      ? stringItem(ctx, name, 'operator', options)
      : jsonSnippetItem(ctx, name, `"${name}": {\n\t"$1": "$2"\n}`, 'operator', {
          ...options,
          filterText: ctx.inString ? JSON.stringify(name) : name,
          retrigger: true,
        });
  });
  if (!qualifier)
    for (const q of setQualifiers)
      items.push(
        stringSnippetItem(ctx, `${q}:`, `${q}:$0`, 'operator', {
          detail: 'set operator qualifier for multivalued keys',
          sortText: sortKey(3, q),
          retrigger: true,
        }),
      );
  if (!ctx.colonFollows && !qualifier) items.push(...(await readyConditions(ctx, env, facts)));
  return { items, incomplete: false };
}

/** Key-first entries: an applicable key with the first operator that fits its type. */
async function readyConditions(
  ctx: CursorContext,
  env: LanguageEnv,
  facts: StatementFacts,
): Promise<Completion[]> {
  const keys = await applicableConditionKeys(facts, env.catalogue);
  const chosen = keys.filter(
    (k) =>
      k.origin !== 'global' ||
      notableGlobalKeys.some((n) => n.toLowerCase() === k.key.toLowerCase()),
  );
  return chosen.flatMap((key) => {
    const operator = operatorsForKeyType(key.type)[0];
    if (!operator) return [];
    return [
      jsonSnippetItem(
        ctx,
        `${key.key} → ${operator}`,
        `"${operator}": {\n\t${keyInsert(key, true)}\n}`,
        'conditionKey',
        {
          detail: `${key.type} · ${key.origin} key`,
          documentation: conditionKeyDoc(key),
          filterText: ctx.inString ? `"${key.key}` : key.key,
          sortText: sortKey(key.origin === 'global' ? 5 : 4, key.key),
        },
      ),
    ];
  });
}

export async function conditionKeyCompletions(
  ctx: CursorContext,
  env: LanguageEnv,
  facts: StatementFacts,
  operator: string,
): Promise<CompletionList> {
  const keys = await applicableConditionKeys(facts, env.catalogue);
  const known = parseOperator(operator) !== undefined;
  const items = keys
    .filter((key) => !known || operatorFitsKeyType(operator, key.type))
    .map((key) => {
      const rank = key.origin === 'provider' ? 0 : key.origin === 'action' ? 1 : 2;
      return jsonSnippetItem(
        ctx,
        key.key,
        ctx.colonFollows ? keyInsert(key, false) : keyInsert(key, true),
        'conditionKey',
        {
          detail: `${key.type} · ${key.origin} key`,
          documentation: conditionKeyDoc(key),
          filterText: ctx.inString ? JSON.stringify(key.key) : key.key,
          sortText: sortKey(rank, key.key),
        },
      );
    });
  return { items, incomplete: false };
}

const accountKeys = [
  'aws:sourceaccount',
  'aws:principalaccount',
  'aws:resourceaccount',
  'aws:sourceowner',
];
const arnKeys = ['aws:principalarn', 'aws:sourcearn'];
const principalTypes = ['Account', 'User', 'FederatedUser', 'AssumedRole', 'Anonymous'];

export async function conditionValueCompletions(
  ctx: CursorContext,
  env: LanguageEnv,
  operator: string,
  key: string,
): Promise<CompletionList> {
  const lower = key.toLowerCase();
  const type = (await describeKey(key, env.catalogue))?.type ?? 'String';
  const family = parseOperator(operator)?.operator.family;
  const items: Completion[] = [];
  const value = (label: string, detail: string, rank = 0) =>
    items.push(stringItem(ctx, label, 'value', { detail, sortText: sortKey(rank, label) }));
  const snippet = (label: string, body: string, detail: string) =>
    items.push(
      stringSnippetItem(ctx, label, body, 'value', { detail, sortText: sortKey(1, label) }),
    );

  if (family === 'Null') {
    value('true', 'the key is absent');
    value('false', 'the key is present');
  } else if (family === 'Bool' || familiesForKeyType(type)[0] === 'Bool') {
    value('true', type);
    value('false', type);
  }
  const entities = env.entities();
  if (accountKeys.includes(lower))
    for (const accountId of new Set(entities.flatMap((e) => (e.accountId ? [e.accountId] : []))))
      value(
        accountId,
        `account ${entities.find((e) => e.kind === 'account' && e.accountId === accountId)?.name ?? ''}`.trim(),
      );
  if (arnKeys.includes(lower))
    for (const entity of entities)
      if (entity.arn.startsWith('arn:')) value(entity.arn, `${entity.kind} ${entity.name}`);
  if (lower === 'aws:principaltype') for (const t of principalTypes) value(t, 'principal type');
  if (lower === 'aws:principalservicename')
    for (const e of entities.filter((x) => x.kind === 'service')) value(e.arn, 'service');

  const host =
    lower.endsWith(':aud') || lower.endsWith(':sub')
      ? oidcIssuerOf(key.slice(0, key.lastIndexOf(':')))
      : undefined;
  if (host === 'token.actions.githubusercontent.com') {
    if (lower.endsWith(':aud'))
      value('sts.amazonaws.com', 'audience of the official AWS credentials action');
    else {
      snippet(
        'repo:OWNER/REPO:ref:refs/heads/BRANCH',
        'repo:${1:owner}/${2:repo}:ref:refs/heads/${3:main}',
        'workflows on one branch',
      );
      snippet(
        'repo:OWNER/REPO:environment:NAME',
        'repo:${1:owner}/${2:repo}:environment:${3:production}',
        'jobs in one environment',
      );
      snippet(
        'repo:OWNER/REPO:pull_request',
        'repo:${1:owner}/${2:repo}:pull_request',
        'pull request workflows',
      );
    }
  }
  if (family === 'IPAddress' || type === 'IPAddress')
    snippet('CIDR', '${1:203.0.113.0/24}', 'IP range');
  if (family === 'Date') snippet('ISO 8601 date', '${1:2030-01-01T00:00:00Z}', 'date');
  return { items, incomplete: false };
}

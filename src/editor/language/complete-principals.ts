// Completion inside `Principal` / `NotPrincipal`: its keys, and the principals the design holds.
import { webIdentityHostsNamedByHost } from '../../engine';
import type { CursorContext } from './cursor';
import { escapeSnippet, jsonSnippetItem, sortKey, stringItem, stringSnippetItem } from './items';
import type { Completion, CompletionList, DesignEntity, LanguageEnv } from './types';

const wellKnownServicePrincipals = [
  'lambda.amazonaws.com',
  'ec2.amazonaws.com',
  'ecs-tasks.amazonaws.com',
  'states.amazonaws.com',
  'events.amazonaws.com',
  'scheduler.amazonaws.com',
  'apigateway.amazonaws.com',
  'codebuild.amazonaws.com',
  'codepipeline.amazonaws.com',
  'cloudformation.amazonaws.com',
  'glue.amazonaws.com',
  'sagemaker.amazonaws.com',
  'eks.amazonaws.com',
  'pods.eks.amazonaws.com',
  'edgelambda.amazonaws.com',
  'firehose.amazonaws.com',
  'backup.amazonaws.com',
  'ssm.amazonaws.com',
  'rds.amazonaws.com',
  'elasticmapreduce.amazonaws.com',
  's3.amazonaws.com',
  'sns.amazonaws.com',
  'logs.amazonaws.com',
  'cloudtrail.amazonaws.com',
  'config.amazonaws.com',
];

/** Web identity providers that need no IAM identity provider resource. */
const builtInFederatedProviders = [...webIdentityHostsNamedByHost];

export type PrincipalKey = 'AWS' | 'Service' | 'Federated';

/** Which `Principal` key names an entity of this kind. */
function principalKeyFor(entity: DesignEntity): PrincipalKey | undefined {
  switch (entity.kind) {
    case 'user':
    case 'role':
    case 'account':
      return 'AWS';
    case 'service':
      return 'Service';
    case 'identity-provider':
      return 'Federated';
    default:
      return undefined;
  }
}

const kindRank: Record<DesignEntity['kind'], number> = {
  user: 0,
  role: 1,
  account: 2,
  service: 3,
  'identity-provider': 4,
  group: 8,
  resource: 9,
};

export function principalKeyCompletions(
  ctx: CursorContext,
  present: readonly string[],
): CompletionList {
  const items = (['AWS', 'Service', 'Federated', 'CanonicalUser'] as const)
    .filter((key) => !present.includes(key) || ctx.prefix === key)
    .map((key, i) =>
      ctx.colonFollows
        ? stringItem(ctx, key, 'property', { sortText: sortKey(i, key) })
        : jsonSnippetItem(ctx, key, `"${key}": "$1"`, 'property', {
            filterText: ctx.inString ? JSON.stringify(key) : key,
            sortText: sortKey(i, key),
            retrigger: key !== 'CanonicalUser',
          }),
    );
  return { items, incomplete: false };
}

/** The value of `Principal` itself: `"*"` or an object naming someone from the design. */
export function principalValueCompletions(ctx: CursorContext, env: LanguageEnv): CompletionList {
  const items: Completion[] = [
    stringItem(ctx, '*', 'principal', {
      detail: 'anyone (every principal, even anonymous)',
      sortText: sortKey(9, '*'),
    }),
  ];
  if (!ctx.inString) {
    for (const key of ['AWS', 'Service', 'Federated'] as const)
      items.push(
        jsonSnippetItem(ctx, `{ "${key}": … }`, `{\n\t"${key}": "$1"\n}`, 'snippet', {
          filterText: `{ ${key}`,
          sortText: sortKey(5, key),
          retrigger: true,
        }),
      );
    for (const entity of env.entities()) {
      const key = principalKeyFor(entity);
      if (!key) continue;
      items.push(
        jsonSnippetItem(
          ctx,
          `{ "${key}": "${entity.arn}" }`,
          `{\n\t"${key}": "${escapeSnippet(entity.arn)}"\n}$0`,
          'principal',
          {
            detail: `${entity.kind} ${entity.name}`,
            filterText: `{ ${entity.name} ${entity.arn}`,
            sortText: sortKey(kindRank[entity.kind], entity.name),
          },
        ),
      );
    }
  }
  return { items, incomplete: false };
}

/** Values under `Principal.AWS`, `.Service` or `.Federated`. */
export function principalCompletions(
  ctx: CursorContext,
  env: LanguageEnv,
  key: PrincipalKey,
): CompletionList {
  const items: Completion[] = [];
  const seen = new Set<string>();
  const add = (label: string, detail: string, rank: number, documentation?: string) => {
    if (seen.has(label)) return;
    seen.add(label);
    items.push(
      stringItem(ctx, label, 'principal', {
        detail,
        sortText: sortKey(rank, label),
        ...(documentation ? { documentation } : {}),
      }),
    );
  };
  const entities = env.entities();
  for (const entity of entities) {
    if (principalKeyFor(entity) !== key) continue;
    add(entity.arn, `${entity.kind} ${entity.name}`, kindRank[entity.kind]);
    if (entity.kind === 'account' && entity.accountId)
      add(entity.accountId, `account ${entity.name} (same as its root ARN)`, 5);
  }
  if (key === 'AWS') add('*', 'anyone (every principal, even anonymous)', 9);
  if (key === 'Service')
    for (const service of wellKnownServicePrincipals) add(service, 'AWS service', 6);
  if (key === 'Federated') {
    for (const provider of builtInFederatedProviders) add(provider, 'web identity provider', 6);
    for (const accountId of new Set(entities.flatMap((e) => (e.accountId ? [e.accountId] : []))))
      items.push(
        stringSnippetItem(
          ctx,
          `arn:aws:iam::${accountId}:oidc-provider/…`,
          `arn:aws:iam::${accountId}:oidc-provider/\${1:token.actions.githubusercontent.com}`,
          'principal',
          { detail: 'OIDC provider in this account', sortText: sortKey(7, accountId) },
        ),
      );
  }
  return { items, incomplete: false };
}

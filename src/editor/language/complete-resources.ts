// Completion of `Resource` / `NotResource`: ARN templates of the statement's actions'
// resource types, and the design's own resources that fit them.
import type { Catalogue } from '../catalogue/catalogue';
import type { CursorContext } from './cursor';
import { sortKey, stringItem, stringSnippetItem, templateToSnippet } from './items';
import { actionsMatching } from './statement-actions';
import type { StatementFacts } from './statement';
import type { Completion, CompletionList, LanguageEnv } from './types';

interface ResourceTemplate {
  service: string;
  resourceType: string;
  /** As the catalogue writes it: `arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}`. */
  arn: string;
}

/** The resource types the statement's actions act on, each once. */
async function resourceTemplates(
  actionPatterns: readonly string[],
  catalogue: Catalogue,
): Promise<ResourceTemplate[]> {
  const actions = await actionsMatching(actionPatterns, catalogue);
  const found = new Map<string, ResourceTemplate>();
  for (const action of actions) {
    const service = await catalogue.service(action.service);
    for (const type of action.resourceTypes) {
      const arn = service?.resourceType(type.name)?.arn;
      if (arn)
        found.set(`${action.service}/${type.name}`, {
          service: action.service,
          resourceType: type.name,
          arn,
        });
    }
  }
  return [...found.values()];
}

/** Whether a concrete ARN has the shape of a template (each `${…}` matching one or more characters). */
export function arnFitsTemplate(arn: string, template: string): boolean {
  const source = template
    .split(/(\$\{[^}]+\})/)
    .map((part) =>
      part.startsWith('${')
        ? part === '${Partition}'
          ? 'aws[a-z-]*'
          : '.+'
        : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}$`).test(arn);
}

const withAwsPartition = (template: string) => template.replace('${Partition}', 'aws');

export async function resourceCompletions(
  ctx: CursorContext,
  env: LanguageEnv,
  facts: StatementFacts,
): Promise<CompletionList> {
  const templates = await resourceTemplates(facts.actions, env.catalogue);
  const accountId = env.entities().find((e) => e.accountId)?.accountId;
  const items: Completion[] = [
    stringItem(ctx, '*', 'arn', { detail: 'every resource', sortText: sortKey(3, '*') }),
  ];
  for (const template of templates) {
    const label = withAwsPartition(template.arn);
    items.push(
      stringSnippetItem(
        ctx,
        label,
        templateToSnippet(label, accountId ? { Account: accountId } : {}),
        'arn',
        {
          detail: `${template.service} ${template.resourceType}`,
          documentation: `ARN of a \`${template.resourceType}\` (${template.service})`,
          sortText: sortKey(1, label),
        },
      ),
    );
  }
  const seen = new Set<string>();
  for (const entity of env.entities()) {
    if (entity.kind === 'service' || entity.kind === 'identity-provider' || seen.has(entity.arn))
      continue;
    const fits =
      templates.length === 0 || templates.some((t) => arnFitsTemplate(entity.arn, t.arn));
    if (!fits) continue;
    seen.add(entity.arn);
    items.push(
      stringItem(ctx, entity.arn, 'arn', {
        detail: `${entity.kind} ${entity.name}`,
        sortText: sortKey(0, entity.name),
      }),
    );
  }
  return { items, incomplete: false };
}

// Completion of `Action` and `NotAction` values: services first, then a service's actions.
import type { CursorContext } from './cursor';
import { actionDoc, serviceDoc } from './docs';
import { sortKey, stringItem, stringSnippetItem } from './items';
import { splitAction } from './statement-actions';
import type { Completion, CompletionList, LanguageEnv } from './types';

/** The actions a trust policy allows, offered first there. */
const trustActions = [
  'sts:AssumeRole',
  'sts:AssumeRoleWithWebIdentity',
  'sts:AssumeRoleWithSAML',
  'sts:TagSession',
  'sts:SetSourceIdentity',
  'sts:SetContext',
] as const;

const verbGroups = ['Get', 'List', 'Describe', 'Put', 'Create', 'Delete', 'Update', 'Tag'];

export async function actionCompletions(
  ctx: CursorContext,
  env: LanguageEnv,
): Promise<CompletionList> {
  const prefix = ctx.inString ? ctx.prefix : '';
  const parts = splitAction(prefix);
  if (parts) return { items: await serviceActions(ctx, env, parts.service), incomplete: false };

  const items: Completion[] = [];
  if (env.policyType === 'trust') items.push(...(await trustActionItems(ctx, env)));
  items.push(stringItem(ctx, '*', 'action', { detail: 'every action', sortText: sortKey(1, '*') }));
  for (const service of await env.catalogue.services()) {
    items.push(
      stringSnippetItem(ctx, service.key, `${service.key}:$0`, 'service', {
        detail: service.name,
        documentation: serviceDoc(service),
        sortText: sortKey(2, service.key),
        retrigger: true,
      }),
    );
  }
  return { items, incomplete: true };
}

async function trustActionItems(ctx: CursorContext, env: LanguageEnv): Promise<Completion[]> {
  const sts = await env.catalogue.service('sts');
  return trustActions.map((full) => {
    const action = sts?.action(full.slice(4));
    return stringItem(ctx, full, 'action', {
      detail: action ? `${action.accessLevel} · trust` : 'trust',
      ...(action ? { documentation: actionDoc(action, sts) } : {}),
      sortText: sortKey(0, String(trustActions.indexOf(full)).padStart(2, '0')),
    });
  });
}

async function serviceActions(
  ctx: CursorContext,
  env: LanguageEnv,
  serviceKey: string,
): Promise<Completion[]> {
  const service = await env.catalogue.service(serviceKey);
  if (!service) return [];
  const items = service.actions.map((action) =>
    stringItem(ctx, `${service.key}:${action.name}`, 'action', {
      detail: action.accessLevel,
      documentation: actionDoc(action, service),
      sortText: sortKey(1, action.name),
    }),
  );
  items.push(
    stringItem(ctx, `${service.key}:*`, 'action', {
      detail: `all ${service.actions.length} actions`,
      documentation: serviceDoc(service, service.actions.length),
      sortText: sortKey(0, '*'),
    }),
  );
  for (const verb of verbGroups) {
    const count = service.actions.filter((a) => a.name.startsWith(verb)).length;
    if (count > 1)
      items.push(
        stringItem(ctx, `${service.key}:${verb}*`, 'action', {
          detail: `${count} actions`,
          sortText: sortKey(2, verb),
        }),
      );
  }
  return items;
}

// The condition keys that apply to a statement: its actions' keys and their resource types'
// keys from the catalogue, the identity provider keys its federated principals bring, and the
// global keys.
import { keyPattern, oidcIssuerOf } from '../../engine';
import type { Catalogue, ConditionKeyInfo } from '../catalogue/catalogue';
import { globalConditionKeys } from '../catalogue/global-condition-keys';
import { actionsMatching, splitAction } from './statement-actions';
import type { StatementFacts } from './statement';

export interface ApplicableKey extends ConditionKeyInfo {
  /** Where it comes from: the statement's actions, its identity provider, or every service. */
  origin: 'action' | 'provider' | 'global';
}

function providerKeys(facts: StatementFacts): ApplicableKey[] {
  return facts.principal.federated.flatMap((federated) => {
    const host = oidcIssuerOf(federated);
    if (!host) return [];
    const claims: [string, string][] = [
      ['aud', 'the audience (client ID) the identity token was issued for'],
      ['sub', 'the subject of the identity token (for GitHub Actions `repo:OWNER/REPO:…`)'],
    ];
    if (host === 'cognito-identity.amazonaws.com')
      claims.push([
        'amr',
        'the authentication methods reference (`authenticated` or `unauthenticated`)',
      ]);
    return claims.map(([claim, description]) => ({
      key: `${host}:${claim}`,
      description,
      type: 'String',
      origin: 'provider' as const,
    }));
  });
}

export async function applicableConditionKeys(
  facts: StatementFacts,
  catalogue: Catalogue,
): Promise<ApplicableKey[]> {
  const found = new Map<string, ApplicableKey>();
  const add = (key: ApplicableKey) => {
    if (!found.has(key.key.toLowerCase())) found.set(key.key.toLowerCase(), key);
  };
  for (const key of providerKeys(facts)) add(key);

  const actions = await actionsMatching([...facts.actions, ...facts.notActions], catalogue);
  for (const action of actions) {
    const service = await catalogue.service(action.service);
    const names = [
      ...action.conditionKeys,
      ...action.resourceTypes.flatMap((t) => [
        ...t.conditionKeys,
        ...(service?.resourceType(t.name)?.conditionKeys ?? []),
      ]),
    ];
    for (const name of names) {
      if (found.has(name.toLowerCase())) continue;
      const info = service?.conditionKey(name) ?? (await describeKey(name, catalogue));
      add({ ...(info ?? { key: name, description: '', type: 'String' }), origin: 'action' });
    }
  }
  for (const key of globalConditionKeys()) add({ ...key, origin: 'global' });
  return [...found.values()];
}

/** A key's catalogue entry: a global key, or one its prefix's service documents. */
export async function describeKey(
  name: string,
  catalogue: Catalogue,
): Promise<ConditionKeyInfo | undefined> {
  const global = globalConditionKeys().find((k) => keyMatches(k.key, name));
  if (global) return global;
  const parts = splitAction(name);
  if (!parts) return undefined;
  const service = await catalogue.service(parts.service);
  if (!service) {
    const sts = await catalogue.service('sts');
    return sts?.conditionKeys.find((k) => keyMatches(k.key, name));
  }
  return service.conditionKey(name) ?? service.conditionKeys.find((k) => keyMatches(k.key, name));
}

/** `aws:PrincipalTag/${TagKey}` matches `aws:PrincipalTag/team`; plain keys compare case-insensitively (the engine's reading). */
export function keyMatches(template: string, key: string): boolean {
  return keyPattern(template)(key.toLowerCase());
}

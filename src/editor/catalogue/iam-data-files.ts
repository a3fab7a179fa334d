// The iam-data package reads its JSON with `fs` in Node and a relative `import()` elsewhere,
// which a bundle cannot resolve. `virtual:iam-data` (scripts/iam-data-chunks.ts) bundles each
// service's files merged into one object, small services grouped, as lazily loaded chunks of
// the app: nothing is fetched from anywhere but the app's own origin.
import { loadServiceNames as loadNames, serviceLoaders } from 'virtual:iam-data';
import type { RawAction, RawConditionKey, RawResourceType } from './raw-types';

export interface RawServiceFiles {
  actions: Record<string, RawAction>;
  conditionKeys: Record<string, RawConditionKey>;
  resourceTypes: Record<string, RawResourceType>;
}

/** Service key to display name, for every service the catalogue knows. */
export async function loadServiceNames(): Promise<Record<string, string>> {
  return loadNames();
}

/** One service's actions, condition keys and resource types, or undefined for an unknown key. */
export async function loadServiceFiles(serviceKey: string): Promise<RawServiceFiles | undefined> {
  const key = serviceKey.toLowerCase();
  const load = Object.hasOwn(serviceLoaders, key) ? serviceLoaders[key] : undefined;
  if (!load) return undefined;
  const group = (await load()).default;
  return group[key] as RawServiceFiles | undefined;
}

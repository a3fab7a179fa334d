import { loadServiceFiles, loadServiceNames, type RawServiceFiles } from './iam-data-files';

interface ActionResourceTypeInfo {
  name: string;
  required: boolean;
  conditionKeys: readonly string[];
}

export interface ActionInfo {
  service: string;
  /** As AWS spells it: `AssumeRole`. */
  name: string;
  description: string;
  /** `Read`, `Write`, `List`, `Tagging`, `Permissions management`, or a comma-separated mix. */
  accessLevel: string;
  resourceTypes: readonly ActionResourceTypeInfo[];
  conditionKeys: readonly string[];
}

/** Value types as the catalogue names them: `String`, `ARN`, `Bool`, `Numeric`, `Date`, `IPAddress`, `Binary`, `ArrayOfString`, … */
type ConditionKeyType = string;

export interface ConditionKeyInfo {
  /** As AWS spells it; a variable part is written `${TagKey}`. */
  key: string;
  description: string;
  type: ConditionKeyType;
}

interface ResourceTypeInfo {
  key: string;
  /** ARN template such as `arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}`. */
  arn: string;
  conditionKeys: readonly string[];
}

export interface ServiceInfo {
  key: string;
  name: string;
  actions: readonly ActionInfo[];
  action(name: string): ActionInfo | undefined;
  conditionKeys: readonly ConditionKeyInfo[];
  conditionKey(key: string): ConditionKeyInfo | undefined;
  resourceType(key: string): ResourceTypeInfo | undefined;
}

interface ServiceSummary {
  key: string;
  name: string;
}

/** The catalogue of AWS services, read a service at a time and kept once read. */
export interface Catalogue {
  services(): Promise<readonly ServiceSummary[]>;
  service(key: string): Promise<ServiceInfo | undefined>;
}

export interface CatalogueSource {
  serviceNames(): Promise<Record<string, string>>;
  serviceFiles(key: string): Promise<RawServiceFiles | undefined>;
}

const bundledSource: CatalogueSource = {
  serviceNames: loadServiceNames,
  serviceFiles: loadServiceFiles,
};

export function createCatalogue(source: CatalogueSource = bundledSource): Catalogue {
  let services: Promise<readonly ServiceSummary[]> | undefined;
  const byKey = new Map<string, Promise<ServiceInfo | undefined>>();
  return {
    services() {
      services ??= source
        .serviceNames()
        .then((names) => Object.entries(names).map(([key, name]) => ({ key, name })));
      return services;
    },
    service(key) {
      const lower = key.toLowerCase();
      let found = byKey.get(lower);
      if (!found) {
        found = Promise.all([this.services(), source.serviceFiles(lower)]).then(
          ([summaries, files]) =>
            files &&
            toServiceInfo(lower, summaries.find((s) => s.key === lower)?.name ?? lower, files),
        );
        byKey.set(lower, found);
      }
      return found;
    },
  };
}

function toServiceInfo(key: string, name: string, files: RawServiceFiles): ServiceInfo {
  const actions = Object.values(files.actions).map((raw): ActionInfo => ({
    service: key,
    name: raw.name,
    description: raw.description,
    accessLevel: raw.accessLevel,
    resourceTypes: raw.resourceTypes.map(({ name: typeName, required, conditionKeys }) => ({
      name: typeName,
      required,
      conditionKeys,
    })),
    conditionKeys: raw.conditionKeys,
  }));
  const conditionKeys = Object.values(files.conditionKeys).map(
    ({ key: conditionKey, description, type }) => ({ key: conditionKey, description, type }),
  );
  return {
    key,
    name,
    actions,
    action: (actionName) =>
      files.actions[actionName.toLowerCase()] && actionByName(actions, actionName),
    conditionKeys,
    conditionKey: (conditionKey) => {
      const raw = files.conditionKeys[conditionKey.toLowerCase()];
      return raw && { key: raw.key, description: raw.description, type: raw.type };
    },
    resourceType: (typeKey) => {
      const raw = files.resourceTypes[typeKey.toLowerCase()];
      return raw && { key: raw.key, arn: raw.arn, conditionKeys: raw.conditionKeys ?? [] };
    },
  };
}

function actionByName(actions: readonly ActionInfo[], name: string) {
  const lower = name.toLowerCase();
  return actions.find((a) => a.name.toLowerCase() === lower);
}

/** The catalogue bundled with the app (each service its own chunk, loaded on first use). */
export const iamCatalogue: Catalogue = createCatalogue();

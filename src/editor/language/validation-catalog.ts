// Feeds the engine's validator a catalogue built from the editor's bundled per-service data:
// the services a policy names are loaded first, then validation runs synchronously.
import { createCatalog, type CatalogData, type IamCatalog } from '../../engine';
import type { Catalogue, ServiceInfo } from '../catalogue/catalogue';
import { globalConditionKeys } from '../catalogue/global-condition-keys';

type ServiceData = CatalogData['services'][number];

export interface ValidationCatalog {
  /** A catalogue holding at least these services (unknown keys ignored). */
  forServices(keys: readonly string[]): Promise<IamCatalog>;
}

function toServiceData(service: ServiceInfo): ServiceData {
  const resourceTypeNames = new Set(
    service.actions.flatMap((a) => a.resourceTypes.map((t) => t.name.toLowerCase())),
  );
  return {
    key: service.key,
    actions: service.actions.map((a) => ({
      name: a.name,
      conditionKeys: [...a.conditionKeys],
      resourceTypes: a.resourceTypes.map((t) => ({
        name: t.name,
        required: t.required,
        conditionKeys: [...t.conditionKeys],
      })),
    })),
    resourceTypes: [...resourceTypeNames].flatMap((name) => {
      const type = service.resourceType(name);
      return type ? [{ key: type.key, arn: type.arn, conditionKeys: [...type.conditionKeys] }] : [];
    }),
    conditionKeys: service.conditionKeys.map((k) => ({ key: k.key, type: k.type })),
  };
}

const globalKeys = () => globalConditionKeys().map(({ key, type }) => ({ key, type }));

export function createValidationCatalog(catalogue: Catalogue): ValidationCatalog {
  const loaded = new Map<string, ServiceData>();
  let built: IamCatalog | undefined;
  return {
    async forServices(keys) {
      const summaries = await catalogue.services();
      const known = new Set(summaries.map((s) => s.key));
      const missing = keys
        .map((k) => k.toLowerCase())
        .filter((k) => known.has(k) && !loaded.has(k));
      const services = await Promise.all(missing.map((k) => catalogue.service(k)));
      for (const service of services) if (service) loaded.set(service.key, toServiceData(service));
      if (!built || services.length > 0)
        built = createCatalog({
          serviceKeys: [...known],
          services: [...loaded.values()],
          globalConditionKeys: globalKeys(),
        });
      return built;
    },
  };
}

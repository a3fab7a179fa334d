/**
 * A synchronous view of the IAM service catalogue (services, actions, resource types and
 * condition keys), built from plain data so it can be preloaded anywhere. The validator uses
 * it for its warnings; evaluation never needs it.
 */
import { keyTypeCorrections } from './key-type-corrections.ts';

export interface CatalogAction {
  name: string;
  resourceTypes: { name: string; required: boolean; conditionKeys: string[] }[];
  conditionKeys: string[];
}

interface CatalogResourceType {
  key: string;
  arn: string;
  conditionKeys: string[];
}

interface CatalogConditionKey {
  key: string;
  /** `String`, `ARN`, `Numeric`, `Date`, `Bool`, `IPAddress`, `Binary`, or `ArrayOf...`. */
  type: string;
}

/** The catalogue data of one service (JSON-able). */
export interface CatalogServiceData {
  key: string;
  actions: CatalogAction[];
  resourceTypes: CatalogResourceType[];
  conditionKeys: CatalogConditionKey[];
}

/** Everything a catalogue holds (JSON-able, so it can be shipped or cached). */
export interface CatalogData {
  /** Every known service key, loaded or not. */
  serviceKeys: string[];
  /** The services loaded in detail. */
  services: CatalogServiceData[];
  globalConditionKeys: CatalogConditionKey[];
}

export interface CatalogService {
  key: string;
  actions: ReadonlyMap<string, CatalogAction>;
  resourceTypes: ReadonlyMap<string, CatalogResourceType>;
  conditionKeys: readonly CatalogConditionKey[];
}

export interface IamCatalog {
  /** Whether the service key exists at all (lower-case). */
  hasService(key: string): boolean;
  /** The service's details, when loaded. */
  service(key: string): CatalogService | undefined;
  /** A condition key (global or service) by name, placeholders such as `${TagKey}` matched; undefined when unknown. */
  conditionKey(name: string): CatalogConditionKey | undefined;
  /** Whether the key names a global (`aws:`) condition key. */
  isGlobalKey(name: string): boolean;
}

/** `aws:RequestTag/${TagKey}` or `aws:RequestTag/tag-key` as a test of concrete names. */
export function keyPattern(key: string): (nameLower: string) => boolean {
  const lower = key.toLowerCase();
  const slash = lower.indexOf('/');
  if (lower.includes('${') || (slash > 0 && /\/(tag-key|\$\{)/.test(lower))) {
    const source = lower
      .split(/\$\{[^}]*\}|(?<=\/)tag-key$/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.+');
    const re = new RegExp(`^${source}$`);
    return (name) => re.test(name);
  }
  return (name) => name === lower;
}

function byKey<T>(items: T[], key: (t: T) => string): Map<string, T> {
  return new Map(items.map((t) => [key(t).toLowerCase(), t]));
}

/** Builds a catalogue from its data. */
export function createCatalog(data: CatalogData): IamCatalog {
  const known = new Set(data.serviceKeys.map((k) => k.toLowerCase()));
  const services = new Map<string, CatalogService>();
  for (const s of data.services) {
    services.set(s.key.toLowerCase(), {
      key: s.key,
      actions: byKey(s.actions, (a) => a.name),
      resourceTypes: byKey(s.resourceTypes, (r) => r.key),
      conditionKeys: s.conditionKeys,
    });
  }
  const keys = [...data.globalConditionKeys, ...data.services.flatMap((s) => s.conditionKeys)].map(
    (k) => {
      const type = keyTypeCorrections.get(k.key.toLowerCase());
      return { key: type === undefined ? k : { ...k, type }, test: keyPattern(k.key) };
    },
  );
  const globals = data.globalConditionKeys.map((k) => keyPattern(k.key));
  return {
    hasService: (key) => known.has(key.toLowerCase()),
    service: (key) => services.get(key.toLowerCase()),
    conditionKey: (name) => {
      const lower = name.toLowerCase();
      return keys.find((k) => k.test(lower))?.key;
    },
    isGlobalKey: (name) => globals.some((t) => t(name.toLowerCase())),
  };
}

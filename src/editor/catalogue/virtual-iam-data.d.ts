// The module scripts/iam-data-chunks.ts serves.
declare module 'virtual:iam-data' {
  /** Service key to the loader of the chunk that holds it (merged actions, keys, resource types). */
  export const serviceLoaders: Record<string, () => Promise<{ default: Record<string, unknown> }>>;
  export function loadServiceNames(): Promise<Record<string, string>>;
}

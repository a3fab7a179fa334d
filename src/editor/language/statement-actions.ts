// The catalogue actions a statement's `Action` patterns name, loading each service once.
import { wildcardMatches } from '../../engine';
import type { ActionInfo, Catalogue, ServiceInfo } from '../catalogue/catalogue';

export function splitAction(action: string): { service: string; name: string } | undefined {
  const colon = action.indexOf(':');
  if (colon <= 0) return undefined;
  return { service: action.slice(0, colon), name: action.slice(colon + 1) };
}

/** Services named by the patterns, loaded (unknown ones and a bare `*` left out). */
async function servicesOf(
  patterns: readonly string[],
  catalogue: Catalogue,
): Promise<ServiceInfo[]> {
  const keys = new Set(
    patterns.flatMap((p) => {
      const parts = splitAction(p);
      return parts && !/[*?]/.test(parts.service) ? [parts.service.toLowerCase()] : [];
    }),
  );
  const services = await Promise.all([...keys].map((key) => catalogue.service(key)));
  return services.filter((s): s is ServiceInfo => s !== undefined);
}

/** Every catalogue action that one of the patterns matches. */
export async function actionsMatching(
  patterns: readonly string[],
  catalogue: Catalogue,
): Promise<ActionInfo[]> {
  const services = await servicesOf(patterns, catalogue);
  const found: ActionInfo[] = [];
  for (const service of services) {
    const names = patterns.flatMap((p) => {
      const parts = splitAction(p);
      return parts && parts.service.toLowerCase() === service.key ? [parts.name] : [];
    });
    for (const action of service.actions)
      if (names.some((n) => wildcardMatches(n, action.name, true))) found.push(action);
  }
  return found;
}

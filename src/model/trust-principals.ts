import { stringList } from './policy-text';
import type { PrincipalRef } from './principal-ref';

const principalTypes = ['AWS', 'Service', 'Federated'] as const;

/** The principals a `Principal` element names, in order (`"*"` as `AWS: *`); other types are skipped. */
export function principalsOf(element: unknown): PrincipalRef[] {
  if (element === '*') return [{ type: 'AWS', value: '*' }];
  if (typeof element !== 'object' || element === null || Array.isArray(element)) return [];
  const record = element as Record<string, unknown>;
  return principalTypes.flatMap((type) =>
    stringList(record[type]).map((value) => ({ type, value })),
  );
}

// Reading a request's context and showing condition values in check reasons.

import type { ContextMap, ContextValue } from './types.ts';

/** One operator/key pair of a statement's Condition block with its policy values. */
export interface ConditionEntry {
  operator: string;
  key: string;
  values: unknown;
}

/** The request's value of a context key (names compare case-insensitively). */
export function contextValue(context: ContextMap, key: string): ContextValue | undefined {
  const wanted = key.toLowerCase();
  for (const [k, v] of Object.entries(context)) if (k.toLowerCase() === wanted) return v;
  return undefined;
}

export function showValues(values: unknown): string {
  const list = Array.isArray(values) ? values : [values];
  return list.map((v) => `\`${String(v)}\``).join(', ');
}

// Reading statements out of policy documents, and building one-statement policies so the
// engine can judge a single statement or a single condition on its own.

import type { ContextMap, ContextValue, PolicyDocument } from './types.ts';

export type Statement = Record<string, unknown>;

export function statementsOf(policy: PolicyDocument): Statement[] {
  const s = policy['Statement'];
  if (Array.isArray(s)) return s.filter((x): x is Statement => x !== null && typeof x === 'object');
  if (s !== null && typeof s === 'object') return [s as Statement];
  return [];
}

/** A policy holding only `statement`, with the original Version (it governs policy variables). */
export function policyWith(policy: PolicyDocument, statement: Statement): PolicyDocument {
  const doc: PolicyDocument = { Statement: [statement] };
  if (policy['Version'] !== undefined) doc['Version'] = policy['Version'];
  return doc;
}

export function sidOf(statement: Statement): string | undefined {
  const sid = statement['Sid'];
  return typeof sid === 'string' ? sid : undefined;
}

export function effectOf(statement: Statement): 'Allow' | 'Deny' | undefined {
  const e = statement['Effect'];
  return e === 'Allow' || e === 'Deny' ? e : undefined;
}

export function withoutConditions(statement: Statement): Statement {
  const copy = { ...statement };
  delete copy['Condition'];
  return copy;
}

export interface ConditionEntry {
  operator: string;
  key: string;
  values: unknown;
}

/** Every operator/key pair of a statement's Condition block, in document order. */
export function conditionEntries(statement: Statement): ConditionEntry[] {
  const block = statement['Condition'];
  if (block === null || typeof block !== 'object' || Array.isArray(block)) return [];
  const out: ConditionEntry[] = [];
  for (const [operator, keys] of Object.entries(block as Record<string, unknown>)) {
    if (keys === null || typeof keys !== 'object' || Array.isArray(keys)) continue;
    for (const [key, values] of Object.entries(keys as Record<string, unknown>))
      out.push({ operator, key, values });
  }
  return out;
}

export function withOnlyCondition(statement: Statement, entry: ConditionEntry): Statement {
  return {
    ...withoutConditions(statement),
    Condition: { [entry.operator]: { [entry.key]: entry.values } },
  };
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

/** The literal AWS principal ARNs a statement names (for telling a session ARN from its role's). */
export function namedAwsPrincipals(statement: Statement): string[] {
  const p = statement['Principal'];
  if (p === '*') return ['*'];
  if (p === null || typeof p !== 'object') return [];
  const aws = (p as Record<string, unknown>)['AWS'];
  if (typeof aws === 'string') return [aws];
  return Array.isArray(aws) ? aws.filter((x): x is string => typeof x === 'string') : [];
}

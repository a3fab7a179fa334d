import { compilePolicies, evaluate, type CompiledPolicySet } from '../engine';
import { conditionLabels, type ConditionLabel } from './condition-labels';
import type { PolicyJson } from './policy-text';
import { statementsOf } from './policy-text';

/** What the Deny statements of a trust policy do to one principal's assume call. */
export interface DenyVerdict {
  /** A Deny without conditions applies: the engine decides ExplicitDeny whatever the context. */
  blocked: boolean;
  /** Condition sets of the conditional Deny statements that apply to this principal and action. */
  deniedWhen: ConditionLabel[][];
}

export interface DenyQuery {
  /** The parsed trust policy. */
  document: PolicyJson;
  roleArn: string;
  /** The request principal (see the engine's `RequestInput.principal`). */
  requestPrincipal: string;
  action: string;
}

/** Decides whether a trust policy's Deny statements block an assume call; pluggable for tests. */
export type DenyCheck = (query: DenyQuery) => DenyVerdict;

interface CompiledDenies {
  unconditional?: CompiledPolicySet;
  conditional: { set: CompiledPolicySet; labels: ConditionLabel[] }[];
}

const compiled = new WeakMap<PolicyJson, CompiledDenies>();

function compileDenies(document: PolicyJson): CompiledDenies {
  const hit = compiled.get(document);
  if (hit) return hit;
  const denies = statementsOf(document).filter((s) => s.Effect === 'Deny');
  const plain = denies.filter((s) => s.Condition === undefined);
  const result: CompiledDenies = {
    unconditional: plain.length > 0 ? safeCompile(plain) : undefined,
    conditional: denies
      .filter((s) => s.Condition !== undefined)
      .flatMap((s) => {
        const { Condition, ...withoutCondition } = s;
        const set = safeCompile([withoutCondition]);
        return set ? [{ set, labels: conditionLabels(Condition) }] : [];
      }),
  };
  compiled.set(document, result);
  return result;
}

function safeCompile(statements: Record<string, unknown>[]): CompiledPolicySet | undefined {
  try {
    return compilePolicies({ resource: { Version: '2012-10-17', Statement: statements } });
  } catch {
    return undefined;
  }
}

function denies(set: CompiledPolicySet, query: DenyQuery): boolean {
  const { decision } = evaluate(
    {
      principal: query.requestPrincipal,
      action: query.action,
      resource: query.roleArn,
      context: {},
    },
    set,
  );
  return decision === 'ExplicitDeny';
}

/** The engine's verdict: Deny statements are compiled once per policy document and evaluated per edge. */
export const engineDenyCheck: DenyCheck = (query) => {
  const compiledDenies = compileDenies(query.document);
  const blocked =
    compiledDenies.unconditional !== undefined && denies(compiledDenies.unconditional, query);
  const deniedWhen = compiledDenies.conditional
    .filter((c) => denies(c.set, query))
    .map((c) => c.labels);
  return { blocked, deniedWhen };
};

/**
 * One compiled condition (operator, key, values) and its evaluation by AWS's rules:
 * values are ORed; a negated operator holds when no value matches; a missing key makes a
 * positive operator false and a negated one true, `...IfExists` true, `ForAllValues:` true and
 * `ForAnyValue:` false (an empty list counts as missing); `Null` tests presence.
 */
import { emptyContext, type ContextLookup } from '../evaluate/context.ts';
import type { ContextValue } from '../types.ts';
import { parseTemplate, resolveCodes, resolveText, type Template } from '../variables/template.ts';
import type { ConditionOperator } from './operator.ts';
import { parseOperatorName, type SetQualifier } from './operator-table.ts';

interface ConditionValue {
  source: string;
  template: Template | undefined;
  /** Precompiled form when the value does not depend on the request. */
  compiled: unknown;
}

export interface CompiledCondition {
  operatorText: string;
  key: string;
  keyLower: string;
  operator: ConditionOperator<unknown> | undefined;
  qualifier: SetQualifier | undefined;
  ifExists: boolean;
  values: ConditionValue[];
  /** Compiled values (undefined entries dropped) when no value uses a variable. */
  fixed: unknown[] | undefined;
}

/** One request value against one policy value, for explanations. */
export interface Comparison {
  requestValue: string;
  policyValue: string;
  matched: boolean;
}

/** Why a condition held or not. */
export interface ConditionExplanation {
  operator: string;
  key: string;
  matched: boolean;
  keyPresent: boolean;
  requestValues: string[];
  /** Policy values after variables are resolved; null where a variable had no value. */
  policyValues: (string | null)[];
  comparisons: Comparison[];
  /** The rule that decided without comparing (missing key, IfExists, unknown operator, ...). */
  rule?: string;
}

function compileValue(
  op: ConditionOperator<unknown>,
  template: Template | undefined,
  source: string,
): unknown {
  if (template === undefined) return op.compile(source);
  const noVars = emptyContext;
  if (op.compileCodes) {
    const codes = resolveCodes(template, noVars, true);
    return codes === undefined ? undefined : op.compileCodes(codes);
  }
  const text = resolveText(template, noVars);
  return text === undefined ? undefined : op.compile(text);
}

/** Compiles `Operator: { key: values }` for one key. */
export function compileCondition(
  operatorText: string,
  key: string,
  rawValues: string[],
  variablesEnabled: boolean,
): CompiledCondition {
  const { operator, qualifier, ifExists } = parseOperatorName(operatorText);
  const values: ConditionValue[] = rawValues.map((source) => {
    const template =
      operator?.variables && (variablesEnabled || operator.compileCodes)
        ? parseTemplate(source, variablesEnabled)
        : undefined;
    const compiled =
      operator && !template?.dynamic ? compileValue(operator, template, source) : undefined;
    return { source, template, compiled };
  });
  const dynamic = values.some((v) => v.template?.dynamic);
  const fixed =
    dynamic || !operator ? undefined : values.map((v) => v.compiled).filter((v) => v !== undefined);
  return {
    operatorText,
    key,
    keyLower: key.toLowerCase(),
    operator,
    qualifier,
    ifExists,
    values,
    fixed,
  };
}

function resolveValue(
  op: ConditionOperator<unknown>,
  value: ConditionValue,
  lookup: ContextLookup,
): unknown {
  if (!value.template?.dynamic) return value.compiled;
  if (op.compileCodes) {
    const codes = resolveCodes(value.template, lookup, true);
    return codes === undefined ? undefined : op.compileCodes(codes);
  }
  const text = resolveText(value.template, lookup);
  return text === undefined ? undefined : op.compile(text);
}

function policyValuesFor(
  c: CompiledCondition,
  op: ConditionOperator<unknown>,
  lookup: ContextLookup,
): unknown[] {
  if (c.fixed) return c.fixed;
  const out: unknown[] = [];
  for (const v of c.values) {
    const compiled = resolveValue(op, v, lookup);
    if (compiled !== undefined) out.push(compiled);
  }
  return out;
}

function isPresent(raw: ContextValue | undefined): raw is ContextValue {
  return raw !== undefined && !(Array.isArray(raw) && raw.length === 0);
}

function anyMatch(
  op: ConditionOperator<unknown>,
  policy: unknown[],
  requestValue: string,
): boolean {
  for (let i = 0; i < policy.length; i++) if (op.test(policy[i], requestValue)) return true;
  return false;
}

/** Evaluates a compiled condition against the request (fast path). */
export function conditionHolds(c: CompiledCondition, lookup: ContextLookup): boolean {
  const op = c.operator;
  if (op === undefined) return false;
  const raw = lookup.get(c.keyLower);
  const present = isPresent(raw);
  if (op.valueType === 'Null') {
    const presence = present ? 'present' : 'absent';
    for (const v of c.values)
      if (v.compiled !== undefined && op.test(v.compiled, presence)) return true;
    return false;
  }
  if (!present) {
    if (c.ifExists || c.qualifier === 'ForAllValues') return true;
    if (c.qualifier === 'ForAnyValue') return false;
    return op.negated;
  }
  const policy = policyValuesFor(c, op, lookup);
  if (typeof raw === 'string') {
    const m = anyMatch(op, policy, raw);
    return op.negated ? !m : m;
  }
  if (c.qualifier === 'ForAllValues') {
    for (const rv of raw) if (anyMatch(op, policy, rv) === op.negated) return false;
    return true;
  }
  if (c.qualifier === 'ForAnyValue') {
    for (const rv of raw) if (anyMatch(op, policy, rv) !== op.negated) return true;
    return false;
  }
  let m = false;
  for (const rv of raw) if (anyMatch(op, policy, rv)) m = true;
  return op.negated ? !m : m;
}

/** Evaluates a condition and records every comparison (slow path, for explanations). */
export function explainCondition(
  c: CompiledCondition,
  lookup: ContextLookup,
): ConditionExplanation {
  const raw = lookup.get(c.keyLower);
  const requestValues = raw === undefined ? [] : typeof raw === 'string' ? [raw] : [...raw];
  const keyPresent = isPresent(raw);
  const op = c.operator;
  const base = { operator: c.operatorText, key: c.key, keyPresent, requestValues };
  const matched = conditionHolds(c, lookup);
  if (op === undefined) {
    return {
      ...base,
      matched,
      policyValues: c.values.map((v) => v.source),
      comparisons: [],
      rule: `unknown operator \`${c.operatorText}\``,
    };
  }
  const policyValues = c.values.map((v) =>
    v.template?.dynamic ? (resolveText(v.template, lookup) ?? null) : v.source,
  );
  if (op.valueType === 'Null') {
    return {
      ...base,
      matched,
      policyValues,
      comparisons: [],
      rule: keyPresent ? 'Null: the key is present' : 'Null: the key is absent',
    };
  }
  if (!keyPresent) {
    const rule = c.ifExists
      ? 'IfExists: the key is absent, so the condition holds'
      : c.qualifier === 'ForAllValues'
        ? 'ForAllValues: the key is absent or empty, so the condition holds'
        : c.qualifier === 'ForAnyValue'
          ? 'ForAnyValue: the key is absent or empty, so the condition fails'
          : op.negated
            ? 'the key is absent, so a negated operator holds'
            : 'the key is absent, so the condition fails';
    return { ...base, matched, policyValues, comparisons: [], rule };
  }
  const comparisons: Comparison[] = [];
  for (const rv of requestValues) {
    c.values.forEach((v, i) => {
      const compiled = resolveValue(op, v, lookup);
      const shown = policyValues[i];
      if (compiled === undefined || shown === null || shown === undefined) return;
      comparisons.push({ requestValue: rv, policyValue: shown, matched: op.test(compiled, rv) });
    });
  }
  const unresolved = policyValues.some((v) => v === null);
  const result: ConditionExplanation = { ...base, matched, policyValues, comparisons };
  if (unresolved)
    result.rule = 'a policy variable has no value in this request, so its value matches nothing';
  return result;
}

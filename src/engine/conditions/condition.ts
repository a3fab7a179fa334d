/**
 * One compiled condition (operator, key, values) and its evaluation by AWS's rules:
 * values are ORed; a negated operator holds when no value matches; a missing key makes a
 * positive operator false and a negated one true, `...IfExists` true, `ForAllValues:` true and
 * `ForAnyValue:` false (an empty list counts as missing); `Null` tests presence.
 */
import { keyIdOf } from '../evaluate/context-keys.ts';
import {
  emptyContext,
  type ContextLookup,
  type RequestContext,
} from '../evaluate/request-context.ts';
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
  /** The key's id (see `keyIdOf`): the request's value is found by it. */
  keyId: number;
  operator: ConditionOperator<unknown> | undefined;
  qualifier: SetQualifier | undefined;
  ifExists: boolean;
  values: ConditionValue[];
  /** Compiled values (undefined entries dropped) when no value uses a variable. */
  fixed: unknown[] | undefined;
  /** The values as an explanation shows them, when no value uses a variable (shared, frozen). */
  shown: readonly string[] | undefined;
  /** An explanation's note when the condition does not hold. */
  failNote: string;
}

/** One request value against one policy value, for explanations. */
interface Comparison {
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
    keyId: keyIdOf(key.toLowerCase()),
    operator,
    qualifier,
    ifExists,
    values,
    fixed,
    shown: dynamic && operator ? undefined : Object.freeze(rawValues.slice()),
    failNote: `condition \`${operatorText}\` on \`${key}\` does not hold`,
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

/** Reused for the policy values of a condition with variables (evaluation is synchronous). */
const resolvedScratch: unknown[] = [];

function policyValuesFor(
  c: CompiledCondition,
  op: ConditionOperator<unknown>,
  lookup: ContextLookup,
): unknown[] {
  if (c.fixed) return c.fixed;
  const out = resolvedScratch;
  out.length = 0;
  for (let i = 0; i < c.values.length; i++) {
    const compiled = resolveValue(op, c.values[i]!, lookup);
    if (compiled !== undefined) out.push(compiled);
  }
  return out;
}

function isPresent(raw: ContextValue | undefined): raw is ContextValue {
  return raw !== undefined && !(Array.isArray(raw) && raw.length === 0);
}

/** Whether the request value matches any policy value (it is read once, then compared). */
function anyMatch(
  op: ConditionOperator<unknown>,
  policy: unknown[],
  requestValue: string,
): boolean {
  const read = op.read(requestValue);
  if (read === undefined) return false;
  for (let i = 0; i < policy.length; i++) if (op.test(policy[i], read)) return true;
  return false;
}

/** Evaluates a compiled condition against the request (fast path). */
export function conditionHolds(c: CompiledCondition, lookup: RequestContext): boolean {
  return c.operator !== undefined && holdsFor(c, lookup.byId(c.keyId), lookup);
}

/** {@link conditionHolds} with the request's value of the key already read. */
function holdsFor(
  c: CompiledCondition,
  raw: ContextValue | undefined,
  lookup: RequestContext,
): boolean {
  const op = c.operator;
  if (op === undefined) return false;
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

function absentRule(c: CompiledCondition, op: ConditionOperator<unknown>): string {
  if (c.ifExists) return 'IfExists: the key is absent, so the condition holds';
  if (c.qualifier === 'ForAllValues')
    return 'ForAllValues: the key is absent or empty, so the condition holds';
  if (c.qualifier === 'ForAnyValue')
    return 'ForAnyValue: the key is absent or empty, so the condition fails';
  return op.negated
    ? 'the key is absent, so a negated operator holds'
    : 'the key is absent, so the condition fails';
}

/** Shared by every explanation without request values or comparisons (frozen: read only). */
const none: never[] = Object.freeze([]) as never[];

/** The policy values as shown, variables resolved (null where one has no value). */
function shownValues(c: CompiledCondition, lookup: ContextLookup): (string | null)[] {
  if (c.shown !== undefined) return c.shown as string[];
  const values = c.values;
  const out: (string | null)[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    out[i] = v.template?.dynamic ? (resolveText(v.template, lookup) ?? null) : v.source;
  }
  return out;
}

/**
 * Evaluates a condition and records every comparison (slow path, for explanations). Plain
 * loops and one object literal per result: explanations are built for every statement. The
 * lists that do not depend on the request (values without variables, empty lists) are shared
 * and frozen. Where values are compared, whether the condition holds is read from the
 * comparisons themselves (the same request values against the same policy values as
 * {@link conditionHolds}: a value whose variable has no value is skipped by both), not
 * evaluated a second time.
 */
export function explainCondition(
  c: CompiledCondition,
  lookup: RequestContext,
): ConditionExplanation {
  const raw = lookup.byId(c.keyId);
  const requestValues =
    raw === undefined
      ? none
      : typeof raw === 'string'
        ? [raw]
        : raw.length === 0
          ? none
          : raw.slice();
  const keyPresent = isPresent(raw);
  const op = c.operator;
  const values = c.values;
  const policyValues = shownValues(c, lookup);
  let matched: boolean;
  let comparisons: Comparison[] = none;
  let rule: string | undefined;
  if (op === undefined) {
    rule = `unknown operator \`${c.operatorText}\``;
    matched = false;
  } else if (op.valueType === 'Null') {
    rule = keyPresent ? 'Null: the key is present' : 'Null: the key is absent';
    matched = holdsFor(c, raw, lookup);
  } else if (!keyPresent) {
    rule = absentRule(c, op);
    matched = holdsFor(c, raw, lookup);
  } else {
    const negated = op.negated;
    // Per request value: whether some policy value matched it; then AWS's set rules (as `holdsFor`).
    let some = false;
    let anyHolds = false;
    let allHold = true;
    for (let r = 0; r < requestValues.length; r++) {
      const rv = requestValues[r]!;
      const read = op.read(rv);
      let m = false;
      for (let i = 0; i < values.length; i++) {
        const shown = policyValues[i];
        if (shown === null || shown === undefined) continue;
        const compiled = resolveValue(op, values[i]!, lookup);
        if (compiled === undefined) continue;
        const one = read !== undefined && op.test(compiled, read);
        if (one) m = true;
        if (comparisons === none) comparisons = [];
        comparisons.push({
          requestValue: rv,
          policyValue: shown,
          matched: one,
        });
      }
      if (m) some = true;
      if (m !== negated) anyHolds = true;
      else allHold = false;
    }
    matched =
      typeof raw === 'string' || (c.qualifier !== 'ForAllValues' && c.qualifier !== 'ForAnyValue')
        ? some !== negated
        : c.qualifier === 'ForAllValues'
          ? allHold
          : anyHolds;
    if (c.shown === undefined && policyValues.includes(null))
      rule = 'a policy variable has no value in this request, so its value matches nothing';
  }
  // One literal per shape (`rule` or not), `rule` last as it always has been.
  const operator = c.operatorText;
  const key = c.key;
  return rule === undefined
    ? {
        operator,
        key,
        keyPresent,
        requestValues,
        matched,
        policyValues,
        comparisons,
      }
    : {
        operator,
        key,
        keyPresent,
        requestValues,
        matched,
        policyValues,
        comparisons,
        rule,
      };
}

/**
 * Compiles policy documents once into statements the evaluator can test quickly: action
 * sets, wildcard matchers, principal sets, and conditions with their values parsed.
 */
import { compileCondition, type CompiledCondition } from '../conditions/condition.ts';
import type { ArnTest } from '../match/arn.ts';
import { compileResourceTests, type ResourceTests } from '../match/resource-pattern.ts';
import { compilePrincipal, type CompiledPrincipal } from '../principal/principal-match.ts';
import type { PolicyDocument, PolicyInputs, PolicyKind } from '../types.ts';
import { compileActionSet, type ActionSet } from './action-set.ts';
import type { ActionPlan } from './plan.ts';

export interface CompiledStatement {
  index: number;
  sid: string | undefined;
  /** Undefined when the Effect is missing or not Allow/Deny: such a statement never applies. */
  effect: 'Allow' | 'Deny' | undefined;
  /** Null when the statement has neither Action nor NotAction. */
  actions: ActionSet | null;
  notAction: boolean;
  /** Null when the statement has neither Resource nor NotResource. */
  resources: ResourceTests | null;
  /**
   * The test itself when Resource (NotResource) is one entry without variables (most
   * statements): the fast path calls it without walking `resources` (fewer loads per statement).
   */
  resourceTest: ArnTest | undefined;
  notResource: boolean;
  resourceEntries: string[];
  /** Undefined when the statement has neither Principal nor NotPrincipal. */
  principal: CompiledPrincipal | undefined;
  notPrincipal: boolean;
  /** Shared and frozen when empty (most statements): a compiled set stays small. */
  conditions: readonly CompiledCondition[];
  /** The policy it belongs to (the explanation reads kind, index and level from a plan's statement). */
  policy: CompiledPolicy;
}

export interface CompiledPolicy {
  kind: PolicyKind;
  /** Level index for SCPs and RCPs (root first). */
  level: number | undefined;
  /** Index within its kind (within its level for SCPs and RCPs). */
  index: number;
  /** True for the RCPFullAWSAccess policy AWS attaches to every RCP level. */
  implicit: boolean;
  version: string | undefined;
  /** The explanation's name for it (the resource policy's depends on the request: see `explain.ts`). */
  label: string;
  statements: CompiledStatement[];
  source: PolicyDocument;
}

/** Policies compiled once for many evaluations. Build with `compilePolicies`. */
export interface CompiledPolicySet {
  identity: CompiledPolicy[];
  boundary: CompiledPolicy | undefined;
  session: CompiledPolicy[] | undefined;
  resource: CompiledPolicy | undefined;
  /** Absent when the principal's account is in no organization. */
  scp: CompiledPolicy[][] | undefined;
  rcp: CompiledPolicy[][];
  /** The index by action (see `plan.ts`), filled as actions are asked about, by action id. */
  plans: ActionPlan[];
}

/** The managed policy AWS attaches to every RCP level and never lets go. */
const rcpFullAwsAccess: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
};

function strings(value: unknown): string[] | null {
  if (value === undefined) return null;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

function conditionValues(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((v) =>
    typeof v === 'string'
      ? [v]
      : typeof v === 'number' || typeof v === 'boolean'
        ? [String(v)]
        : [],
  );
}

const noConditions: readonly CompiledCondition[] = Object.freeze([]);

function compileStatement(
  raw: unknown,
  index: number,
  variablesEnabled: boolean,
): CompiledStatement {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const effect = s.Effect === 'Allow' || s.Effect === 'Deny' ? s.Effect : undefined;
  const notAction = s.Action === undefined && s.NotAction !== undefined;
  const actionList = strings(notAction ? s.NotAction : s.Action);
  const notResource = s.Resource === undefined && s.NotResource !== undefined;
  const resourceList = strings(notResource ? s.NotResource : s.Resource);
  const notPrincipal = s.Principal === undefined && s.NotPrincipal !== undefined;
  const principalValue = notPrincipal ? s.NotPrincipal : s.Principal;
  const resources =
    resourceList === null ? null : compileResourceTests(resourceList, variablesEnabled);
  const conditions: CompiledCondition[] = [];
  if (s.Condition && typeof s.Condition === 'object') {
    for (const [operator, block] of Object.entries(s.Condition as Record<string, unknown>)) {
      if (!block || typeof block !== 'object') continue;
      for (const [key, value] of Object.entries(block as Record<string, unknown>)) {
        conditions.push(compileCondition(operator, key, conditionValues(value), variablesEnabled));
      }
    }
  }
  return {
    index,
    sid: typeof s.Sid === 'string' ? s.Sid : undefined,
    effect,
    actions: actionList === null ? null : compileActionSet(actionList),
    notAction,
    resources,
    resourceTest:
      resources !== null && resources.fixed.length === 1 && resources.dynamic.length === 0
        ? resources.fixed[0]
        : undefined,
    notResource,
    resourceEntries: resourceList ?? [],
    principal: principalValue === undefined ? undefined : compilePrincipal(principalValue),
    notPrincipal,
    conditions: conditions.length === 0 ? noConditions : conditions,
    // Set by `compilePolicy` once the policy exists.
    policy: undefined as unknown as CompiledPolicy,
  };
}

/** A short name for display (`identity policy 1`, `SCP level 2, policy 1`). */
function policyLabel(kind: PolicyKind, index: number, level: number, implicit: boolean): string {
  const n = index + 1;
  switch (kind) {
    case 'scp':
      return `SCP level ${level + 1}, policy ${n}`;
    case 'rcp':
      return implicit
        ? `RCPFullAWSAccess (level ${level + 1})`
        : `RCP level ${level + 1}, policy ${n}`;
    case 'resource':
      return 'resource-based policy';
    case 'identity':
      return `identity policy ${n}`;
    case 'boundary':
      return 'permissions boundary';
    case 'session':
      return `session policy ${n}`;
  }
}

/** Compiles one policy (its JSON document). Variables are active only under Version `2012-10-17`. */
function compilePolicy(
  doc: PolicyDocument,
  kind: PolicyKind,
  index: number,
  level?: number,
  implicit = false,
): CompiledPolicy {
  const version = typeof doc.Version === 'string' ? doc.Version : undefined;
  const variablesEnabled = version === '2012-10-17';
  const raw = doc.Statement;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const policy: CompiledPolicy = {
    kind,
    level,
    index,
    implicit,
    version,
    label: policyLabel(kind, index, level ?? 0, implicit),
    statements: list.map((s, i) => compileStatement(s, i, variablesEnabled)),
    source: doc,
  };
  for (const s of policy.statements) s.policy = policy;
  return policy;
}

/** Compiles every policy of a request once; reuse the result for many evaluations. */
export function compilePolicies(inputs: PolicyInputs): CompiledPolicySet {
  const levels = (kind: 'scp' | 'rcp', list: PolicyDocument[][]) =>
    list.map((level, l) => level.map((doc, i) => compilePolicy(doc, kind, i, l)));
  const rcp = levels('rcp', inputs.rcp ?? []);
  rcp.forEach((level, l) =>
    level.push(compilePolicy(rcpFullAwsAccess, 'rcp', level.length, l, true)),
  );
  return {
    identity: (inputs.identity ?? []).map((doc, i) => compilePolicy(doc, 'identity', i)),
    boundary: inputs.permissionsBoundary
      ? compilePolicy(inputs.permissionsBoundary, 'boundary', 0)
      : undefined,
    session:
      inputs.session && inputs.session.length > 0
        ? inputs.session.map((doc, i) => compilePolicy(doc, 'session', i))
        : undefined,
    resource: inputs.resource ? compilePolicy(inputs.resource, 'resource', 0) : undefined,
    scp: inputs.scp ? levels('scp', inputs.scp) : undefined,
    rcp,
    plans: [],
  };
}

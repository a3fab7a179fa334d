// Authorization of an STS action against a role (sts:AssumeRole*, sts:TagSession,
// sts:SetSourceIdentity). The engine decides on all policies together, once, with its
// explanation; each check then reads one policy layer (or one trust statement, or one
// condition) out of that explanation, so the UI can show which layer and statement decided.

import {
  compilePolicies,
  evaluate,
  type Explanation,
  type PolicyExplanation,
  type StatementExplanation,
} from '../engine/index.ts';
import type { PolicyInputs, RequestInput } from '../engine/index.ts';
import type { ResolvedCaller } from './caller.ts';
import { statementLabel } from './judge.ts';
import { analyzeTrust, trustChecks, type TrustAnalysis } from './trust.ts';
import type {
  Check,
  CheckKind,
  ContextMap,
  PolicyReference,
  RoleDefinition,
  RoleEvaluation,
} from './types.ts';

export interface AuthorizeInput {
  action: string;
  caller: ResolvedCaller;
  role: RoleDefinition;
  context: ContextMap;
  nowIso: string;
  /** Every layer as its own check (the main action), or one summary check (TagSession, SetSourceIdentity). */
  detailed: boolean;
}

export interface RoleAuthorization extends RoleEvaluation {
  checks: Check[];
}

function makeCheck(partial: Omit<Check, 'passed'>): Check {
  return { ...partial, passed: partial.status !== 'fail' };
}

interface Located {
  policy: PolicyExplanation;
  statement: StatementExplanation;
}

/** The first statement of these policies that applied with this effect. */
function firstApplied(
  policies: PolicyExplanation[],
  effect: 'Allow' | 'Deny',
): Located | undefined {
  for (const policy of policies) {
    if (!policy.considered) continue;
    const statement = policy.statements.find((s) => s.applied && s.effect === effect);
    if (statement) return { policy, statement };
  }
  return undefined;
}

const policiesOf = (e: Explanation, kind: PolicyExplanation['kind']) =>
  e.policies.filter((p) => p.kind === kind && !p.implicit);

interface LayerSpec {
  kind: CheckKind;
  type: PolicyReference['type'];
  label: string;
  noun: string;
  policies: PolicyExplanation[];
  required: boolean;
  whyNotRequired: string;
}

function layerCheck(spec: LayerSpec, action: string): Check {
  const base = { id: spec.kind, kind: spec.kind, label: spec.label, action };
  const ref = (at: Located): PolicyReference => ({
    type: spec.type,
    index: at.policy.index,
    statement: at.statement.index,
    ...(at.statement.sid ? { sid: at.statement.sid } : {}),
  });
  const where = (at: Located) =>
    `${statementLabel(at.statement.index, at.statement.sid)} of ${spec.noun} ${at.policy.index + 1}`;
  const denied = firstApplied(spec.policies, 'Deny');
  if (denied) {
    return makeCheck({
      ...base,
      status: 'fail',
      reason: `${where(denied)} explicitly denies \`${action}\``,
      policy: ref(denied),
    });
  }
  const granted = firstApplied(spec.policies, 'Allow');
  if (granted) {
    return makeCheck({
      ...base,
      status: 'pass',
      reason: `${where(granted)} allows \`${action}\``,
      policy: ref(granted),
    });
  }
  if (!spec.required) {
    return makeCheck({
      ...base,
      status: 'skip',
      reason: `no ${spec.noun} allows \`${action}\`, and none needs to: ${spec.whyNotRequired}`,
    });
  }
  const none =
    spec.policies.length === 0
      ? `there is no ${spec.noun}`
      : `no ${spec.noun} allows \`${action}\``;
  return makeCheck({ ...base, status: 'fail', reason: none, policy: { type: spec.type } });
}

function levelName(level: number, count: number): string {
  if (level === 0) return 'the organization root';
  if (level === count - 1) return 'the account';
  return `OU level ${level}`;
}

function orgCheck(
  kind: 'caller-scp' | 'role-rcp',
  explanation: Explanation,
  levelCount: number,
  action: string,
): Check {
  const type = kind === 'caller-scp' ? 'scp' : 'rcp';
  const label = kind === 'caller-scp' ? "Caller's SCPs" : "Role account's RCPs";
  const noun = type.toUpperCase();
  const base = { id: kind, kind, label, action };
  const all = explanation.policies.filter((p) => p.kind === type);
  const notConsidered = all.find((p) => !p.considered);
  if (notConsidered) {
    return makeCheck({
      ...base,
      status: 'pass',
      reason: `${noun}s do not apply: ${notConsidered.notConsideredReason ?? 'not considered'}`,
    });
  }
  const denied = firstApplied(all, 'Deny');
  if (denied) {
    const level = denied.policy.level ?? 0;
    return makeCheck({
      ...base,
      status: 'fail',
      reason: `${statementLabel(denied.statement.index, denied.statement.sid)} of ${noun} ${denied.policy.index + 1} at ${levelName(level, levelCount)} explicitly denies \`${action}\``,
      policy: {
        type,
        level,
        index: denied.policy.index,
        statement: denied.statement.index,
        ...(denied.statement.sid ? { sid: denied.statement.sid } : {}),
      },
    });
  }
  for (let level = 0; level < levelCount; level++) {
    if (!all.some((p) => p.level === level && p.allows)) {
      return makeCheck({
        ...base,
        status: 'fail',
        reason: `no ${noun} at ${levelName(level, levelCount)} allows \`${action}\`; every level must`,
        policy: { type, level },
      });
    }
  }
  return makeCheck({
    ...base,
    status: 'pass',
    reason: `every ${noun} level allows \`${action}\``,
  });
}

function identityLayers(
  input: AuthorizeInput,
  trust: TrustAnalysis,
  explanation: Explanation,
): Check[] {
  const { caller, action } = input;
  if (!caller.hasIdentitySide || caller.account === undefined) return [];
  const identityRequired = !trust.direct;
  const limitsRequired =
    identityRequired || (caller.info.kind === 'assumed-role' && !trust.namesCallerExactly);
  const whyDirect = 'the trust policy names the caller itself in the same account';
  const checks = [
    layerCheck(
      {
        kind: 'caller-identity',
        type: 'identity',
        label: "Caller's identity policies",
        noun: 'identity policy',
        policies: policiesOf(explanation, 'identity'),
        required: identityRequired,
        whyNotRequired: whyDirect,
      },
      action,
    ),
  ];
  if (caller.permissionsBoundary) {
    checks.push(
      layerCheck(
        {
          kind: 'caller-boundary',
          type: 'boundary',
          label: "Caller's permissions boundary",
          noun: 'permissions boundary',
          policies: policiesOf(explanation, 'boundary'),
          required: limitsRequired,
          whyNotRequired: whyDirect,
        },
        action,
      ),
    );
  }
  if (caller.sessionPolicies && caller.sessionPolicies.length > 0) {
    checks.push(
      layerCheck(
        {
          kind: 'caller-session-policy',
          type: 'session',
          label: "Caller's session policies",
          noun: 'session policy',
          policies: policiesOf(explanation, 'session'),
          required: limitsRequired,
          whyNotRequired: 'the trust policy names the session itself',
        },
        action,
      ),
    );
  }
  return checks;
}

/** The caller's side of the authorization: its identity policies, boundary, session policies and SCPs (none for a service or a federated caller). */
export function callerPolicyInputs(caller: ResolvedCaller): PolicyInputs {
  const inputs: PolicyInputs = {};
  if (caller.hasIdentitySide) {
    inputs.identity = caller.identityPolicies;
    if (caller.permissionsBoundary) inputs.permissionsBoundary = caller.permissionsBoundary;
    if (caller.sessionPolicies) inputs.session = caller.sessionPolicies;
    if (caller.scp) inputs.scp = caller.scp;
  }
  return inputs;
}

/** The role's side: its trust policy (the resource policy) and its account's RCPs. */
export function rolePolicyInputs(role: RoleDefinition): PolicyInputs {
  const inputs: PolicyInputs = { resource: role.trustPolicy };
  if (role.rcp) inputs.rcp = role.rcp;
  return inputs;
}

/** The request the engine decides for an STS action on a role. */
export function authorizationRequest(
  action: string,
  caller: ResolvedCaller,
  role: RoleDefinition,
  context: ContextMap,
  nowIso: string,
): RequestInput {
  return { principal: caller.principal, action, resource: role.arn, context, now: nowIso };
}

const allInputs = (caller: ResolvedCaller, role: RoleDefinition): PolicyInputs => ({
  ...rolePolicyInputs(role),
  ...callerPolicyInputs(caller),
});

const LAYER_NOUNS: Partial<Record<CheckKind, string>> = {
  'caller-scp': 'the SCPs',
  'role-rcp': 'the RCPs',
  'trust-principal': 'the trust policy',
  'caller-identity': "the caller's identity policies",
  'caller-boundary': "the caller's permissions boundary",
  'caller-session-policy': "the caller's session policies",
};

function allowedBy(layers: Check[]): string {
  const nouns = layers.filter((c) => c.status === 'pass').flatMap((c) => LAYER_NOUNS[c.kind] ?? []);
  if (nouns.length <= 1) return nouns[0] ?? 'the policies';
  return `${nouns.slice(0, -1).join(', ')} and ${nouns[nouns.length - 1]}`;
}

const SUMMARY: Record<string, { id: string; kind: CheckKind; label: string }> = {
  'sts:tagsession': { id: 'tag-session', kind: 'tag-session', label: 'sts:TagSession' },
  'sts:setsourceidentity': {
    id: 'set-source-identity',
    kind: 'set-source-identity',
    label: 'sts:SetSourceIdentity',
  },
};

export function authorizeRoleAction(input: AuthorizeInput): RoleAuthorization {
  const { action, caller, role, context, nowIso } = input;
  const request = authorizationRequest(action, caller, role, context, nowIso);
  const evaluation = evaluate(request, compilePolicies(allInputs(caller, role)), {
    explain: true,
  });
  const decision = evaluation.decision;
  const explanation = evaluation.explanation!;

  const layers: Check[] = [];
  if (caller.hasIdentitySide && caller.scp)
    layers.push(orgCheck('caller-scp', explanation, caller.scp.length, action));
  if (role.rcp) layers.push(orgCheck('role-rcp', explanation, role.rcp.length, action));
  const trust = analyzeTrust(explanation, caller, context);
  layers.push(
    ...trustChecks(trust, caller, action, role),
    ...identityLayers(input, trust, explanation),
  );

  const verdict = makeCheck({
    id: 'decision',
    kind: 'decision',
    label: 'Decision',
    action,
    status: decision === 'Allow' ? 'pass' : 'fail',
    reason: `the engine's decision for \`${action}\` on all policies together: ${decision} (${explanation.summary})`,
  });

  if (input.detailed) {
    const checks = layers.map((c) => ({ ...c, action }));
    return {
      action,
      decision,
      explanation,
      checks: [...checks, { ...verdict, id: `decision:${action}` }],
    };
  }
  const summary = SUMMARY[action.toLowerCase()] ?? {
    id: action,
    kind: 'decision' as const,
    label: action,
  };
  const failed =
    layers.find((c) => c.status === 'fail') ?? (decision === 'Allow' ? undefined : verdict);
  const reason = failed
    ? `${failed.label}: ${failed.reason}`
    : `\`${action}\` is allowed by ${allowedBy(layers)}`;
  return {
    action,
    decision,
    explanation,
    checks: [
      makeCheck({
        ...summary,
        action,
        status: decision === 'Allow' ? 'pass' : 'fail',
        reason,
        ...(failed?.policy ? { policy: failed.policy } : {}),
        details: [...layers, verdict],
      }),
    ],
  };
}

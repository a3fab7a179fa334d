// Authorization of an STS action against a role (sts:AssumeRole*, sts:TagSession,
// sts:SetSourceIdentity). The engine's decision on all policies together is authoritative;
// each check then asks the engine about one policy layer (or one trust statement, or one
// condition) with the other layers made neutral, so the UI can show which layer decided.

import { compilePolicies, evaluate } from '../engine/index.ts';
import type { Decision, PolicyInputs, RequestInput } from '../engine/index.ts';
import type { ResolvedCaller } from './caller.ts';
import { ALLOW_ALL, judgeFor, statementLabel, type Judge } from './judge.ts';
import { analyzeTrust, trustChecks, type TrustAnalysis } from './trust.ts';
import type {
  Check,
  CheckKind,
  ContextMap,
  PolicyDocument,
  PolicyReference,
  RoleDefinition,
  RoleEvaluation,
} from './types.ts';
import { policyWith, sidOf, statementsOf } from './statements.ts';

/** A trust policy that lets everyone in, so only the layer under test can deny. */
const TRUST_ANYONE: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
};

/** A trust policy naming the caller's account, so the caller's identity side must allow. */
function trustAccount(caller: ResolvedCaller): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:${caller.info.partition}:iam::${caller.account}:root` },
        Action: '*',
        Resource: '*',
      },
    ],
  };
}

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
  index: number;
  statement: number;
  sid?: string;
}

/** The first statement that, alone, gives `want`. */
function locate(
  policies: PolicyDocument[],
  want: Decision,
  judgeOne: (doc: PolicyDocument) => Decision,
): Located | undefined {
  for (const [index, policy] of policies.entries()) {
    for (const [statement, s] of statementsOf(policy).entries()) {
      if (judgeOne(policyWith(policy, s)) === want) return { index, statement, sid: sidOf(s) };
    }
  }
  return undefined;
}

interface LayerSpec {
  kind: CheckKind;
  type: PolicyReference['type'];
  label: string;
  noun: string;
  policies: PolicyDocument[];
  inputs: (policies: PolicyDocument[]) => PolicyInputs;
  required: boolean;
  whyNotRequired: string;
}

function layerCheck(spec: LayerSpec, action: string, judge: Judge): Check {
  const decision = judge(spec.inputs(spec.policies));
  const judgeOne = (doc: PolicyDocument) => judge(spec.inputs([doc]));
  const base = { id: spec.kind, kind: spec.kind, label: spec.label, action };
  const ref = (at: Located | undefined): PolicyReference | undefined =>
    at && {
      type: spec.type,
      index: at.index,
      statement: at.statement,
      ...(at.sid ? { sid: at.sid } : {}),
    };
  const where = (at: Located | undefined) =>
    at ? `${statementLabel(at.statement, at.sid)} of ${spec.noun} ${at.index + 1}` : spec.noun;
  if (decision === 'ExplicitDeny') {
    const at = locate(spec.policies, 'ExplicitDeny', judgeOne);
    return makeCheck({
      ...base,
      status: 'fail',
      reason: `${where(at)} explicitly denies \`${action}\``,
      policy: ref(at),
    });
  }
  if (decision === 'Allow') {
    const at = locate(spec.policies, 'Allow', judgeOne);
    return makeCheck({
      ...base,
      status: 'pass',
      reason: `${where(at)} allows \`${action}\``,
      policy: ref(at),
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
  levels: PolicyDocument[][],
  action: string,
  judge: Judge,
): Check {
  const type = kind === 'caller-scp' ? 'scp' : 'rcp';
  const label = kind === 'caller-scp' ? "Caller's SCPs" : "Role account's RCPs";
  const noun = type.toUpperCase();
  const inputs = (lv: PolicyDocument[][]): PolicyInputs => ({
    identity: [ALLOW_ALL],
    resource: TRUST_ANYONE,
    [type]: lv,
  });
  const base = { id: kind, kind, label, action };
  const decision = judge(inputs(levels));
  if (decision === 'Allow')
    return makeCheck({
      ...base,
      status: 'pass',
      reason: `every ${noun} level allows \`${action}\``,
    });
  for (const [level, policies] of levels.entries()) {
    if (decision === 'ExplicitDeny') {
      const at = locate(policies, 'ExplicitDeny', (doc) => judge(inputs([[doc]])));
      if (at) {
        return makeCheck({
          ...base,
          status: 'fail',
          reason: `${statementLabel(at.statement, at.sid)} of ${noun} ${at.index + 1} at ${levelName(level, levels.length)} explicitly denies \`${action}\``,
          policy: {
            type,
            level,
            index: at.index,
            statement: at.statement,
            ...(at.sid ? { sid: at.sid } : {}),
          },
        });
      }
    } else if (judge(inputs([policies])) !== 'Allow') {
      return makeCheck({
        ...base,
        status: 'fail',
        reason: `no ${noun} at ${levelName(level, levels.length)} allows \`${action}\`; every level must`,
        policy: { type, level },
      });
    }
  }
  return makeCheck({
    ...base,
    status: 'fail',
    reason: `the ${noun}s do not allow \`${action}\``,
    policy: { type },
  });
}

function identityLayers(input: AuthorizeInput, trust: TrustAnalysis, judge: Judge): Check[] {
  const { caller, action } = input;
  if (!caller.hasIdentitySide || caller.account === undefined) return [];
  const neutralTrust = trustAccount(caller);
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
        policies: caller.identityPolicies,
        inputs: (policies) => ({ identity: policies, resource: neutralTrust }),
        required: identityRequired,
        whyNotRequired: whyDirect,
      },
      action,
      judge,
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
          policies: [caller.permissionsBoundary],
          inputs: ([b]) => ({
            identity: [ALLOW_ALL],
            permissionsBoundary: b,
            resource: neutralTrust,
          }),
          required: limitsRequired,
          whyNotRequired: whyDirect,
        },
        action,
        judge,
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
          policies: caller.sessionPolicies,
          inputs: (policies) => ({
            identity: [ALLOW_ALL],
            session: policies,
            resource: neutralTrust,
          }),
          required: limitsRequired,
          whyNotRequired: 'the trust policy names the session itself',
        },
        action,
        judge,
      ),
    );
  }
  return checks;
}

function allInputs(caller: ResolvedCaller, role: RoleDefinition): PolicyInputs {
  const inputs: PolicyInputs = { resource: role.trustPolicy };
  if (caller.hasIdentitySide) {
    inputs.identity = caller.identityPolicies;
    if (caller.permissionsBoundary) inputs.permissionsBoundary = caller.permissionsBoundary;
    if (caller.sessionPolicies) inputs.session = caller.sessionPolicies;
    if (caller.scp) inputs.scp = caller.scp;
  }
  if (role.rcp) inputs.rcp = role.rcp;
  return inputs;
}

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
  const request: RequestInput = {
    principal: caller.principal,
    action,
    resource: role.arn,
    context,
    now: nowIso,
  };
  const judge = judgeFor(request);
  const { decision, explanation } = evaluate(request, compilePolicies(allInputs(caller, role)), {
    explain: true,
  });

  const layers: Check[] = [];
  if (caller.hasIdentitySide && caller.scp)
    layers.push(orgCheck('caller-scp', caller.scp, action, judge));
  if (role.rcp) layers.push(orgCheck('role-rcp', role.rcp, action, judge));
  const trust = analyzeTrust(role.trustPolicy, caller, context, judge);
  layers.push(...trustChecks(trust, caller, action, role), ...identityLayers(input, trust, judge));

  const verdict = makeCheck({
    id: 'decision',
    kind: 'decision',
    label: 'Decision',
    action,
    status: decision === 'Allow' ? 'pass' : 'fail',
    reason: `the engine's decision for \`${action}\` on all policies together: ${decision}`,
  });

  if (input.detailed) {
    const checks = layers.map((c) => ({ ...c, action }));
    return {
      action,
      decision,
      explanation: explanation!,
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
    explanation: explanation!,
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

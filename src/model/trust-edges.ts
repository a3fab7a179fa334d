import { statementCoversAction } from './action-match';
import { arnOf } from './arn';
import { conditionLabels, type ConditionLabel } from './condition-labels';
import { findEntity } from './lookup';
import { parsePolicyText } from './policy-text';
import { statementsOf } from './policy-text';
import {
  assumeActionFor,
  principalSignature,
  resolvePrincipal,
  samePrincipal,
  type AssumeAction,
  type PrincipalRef,
} from './principal-ref';
import { engineDenyCheck, type DenyCheck } from './trust-deny';
import { principalsOf, requestPrincipalOf } from './trust-principals';
import type { Design, EntityId, Role } from './types';

export type TrustEdgeKind = 'same-account' | 'cross-account' | 'service' | 'federated' | 'public';

/** "source may assume target", derived from the target role's trust policy. */
export interface TrustEdge {
  /** Stable while the source and role keep their ids: `trust:ROLE:SOURCE` (`:2`, `:3`… when several principals map to one node). */
  id: string;
  /** The principal's node: user, role, account, service, identity provider or outside principal. */
  source: EntityId;
  /** The role. */
  target: EntityId;
  kind: TrustEdgeKind;
  /** The principal exactly as the trust policy names it. */
  principal: PrincipalRef;
  /** The assume call it allows (for Anyone, the first of AssumeRole, …WithSAML, …WithWebIdentity the statement allows). */
  action: AssumeAction;
  /** One condition set per Allow statement granting it; an empty set means no condition. */
  conditionSets: ConditionLabel[][];
  /** Short text for the edge: the conditions, `or` between statements; `''` when unconditional. */
  label: string;
  /** A Deny in the trust policy always applies: not reachable. */
  blocked: boolean;
  /** Conditions under which a Deny statement applies. */
  deniedWhen: ConditionLabel[][];
  /** The policy names something narrower than the node (a specific principal of an unmodelled account, a role session). */
  narrower: boolean;
  /** Indexes of the Allow statements that grant it. */
  statements: number[];
}

/** A principal in a trust policy that no node of the design stands for. */
export interface DanglingTrust {
  roleId: EntityId;
  principal: PrincipalRef;
  reason: string;
}

export interface TrustGraph {
  edges: TrustEdge[];
  dangling: DanglingTrust[];
}

export interface TrustOptions {
  denyCheck?: DenyCheck;
}

const allAssumeActions: AssumeAction[] = [
  'sts:AssumeRole',
  'sts:AssumeRoleWithSAML',
  'sts:AssumeRoleWithWebIdentity',
];

const memo = new WeakMap<Design, TrustGraph>();

/** Trust edges of every role (memoised per design object). */
export function deriveTrustGraph(design: Design, options: TrustOptions = {}): TrustGraph {
  const cacheable = options.denyCheck === undefined;
  const hit = cacheable ? (memo.get(design) ?? sameInputs(design)) : undefined;
  if (hit) return hit;
  const graph: TrustGraph = { edges: [], dangling: [] };
  const signature = cacheable ? principalSignature(design) : '';
  for (const role of design.roles) {
    const { edges, dangling } = cacheable
      ? cachedRoleTrust(design, role, signature)
      : deriveRoleTrust(design, role, options);
    graph.edges.push(...edges);
    graph.dangling.push(...dangling);
  }
  if (cacheable) {
    memo.set(design, graph);
    last = { design, graph };
  }
  return graph;
}

let last: { design: Design; graph: TrustGraph } | undefined;

/** The last graph, when only things edges do not depend on changed (positions, drafts, resources…). */
function sameInputs(design: Design): TrustGraph | undefined {
  if (!last) return undefined;
  const before = last.design;
  const same =
    before.accounts === design.accounts &&
    before.users === design.users &&
    before.roles === design.roles &&
    before.services === design.services &&
    before.identityProviders === design.identityProviders &&
    before.outsidePrincipals === design.outsidePrincipals;
  if (!same) return undefined;
  memo.set(design, last.graph);
  return last.graph;
}

const roleMemo = new WeakMap<Role, { signature: string; graph: TrustGraph }>();

/** A role's edges depend only on the role and on what principals resolve to: reuse them while both stay. */
function cachedRoleTrust(design: Design, role: Role, signature: string): TrustGraph {
  const hit = roleMemo.get(role);
  if (hit && hit.signature === signature) return hit.graph;
  const graph = deriveRoleTrust(design, role);
  roleMemo.set(role, { signature, graph });
  return graph;
}

export function deriveTrustEdges(design: Design, options: TrustOptions = {}): TrustEdge[] {
  return deriveTrustGraph(design, options).edges;
}

/** Trust edges into one role. */
export function deriveRoleTrust(
  design: Design,
  role: Role,
  options: TrustOptions = {},
): TrustGraph {
  const roleArn = arnOf(design, role);
  const roleAccount = findEntity(design, role.account);
  const parsed = parsePolicyText(role.trustPolicy);
  if (roleArn === undefined || roleAccount?.kind !== 'account' || !parsed.ok)
    return { edges: [], dangling: [] };
  const denyCheck = options.denyCheck ?? engineDenyCheck;

  const grants: {
    principal: PrincipalRef;
    action: AssumeAction;
    statement: number;
    conditions: ConditionLabel[];
  }[] = [];
  statementsOf(parsed.document).forEach((statement, index) => {
    if (statement.Effect !== 'Allow' || !('Principal' in statement)) return;
    const conditions = conditionLabels(statement.Condition);
    for (const principal of principalsOf(statement.Principal)) {
      // `*` matches every caller, so any of the three assume actions lets someone in.
      const candidates = principal.value === '*' ? allAssumeActions : [assumeActionFor(principal)];
      const action = candidates.find((a) => statementCoversAction(statement, a));
      if (action) grants.push({ principal, action, statement: index, conditions });
    }
  });

  const edges: TrustEdge[] = [];
  const dangling: DanglingTrust[] = [];
  const perSource = new Map<EntityId, number>();
  for (const grant of grants) {
    const existing = edges.find((e) => samePrincipal(e.principal, grant.principal));
    if (existing) {
      if (!existing.statements.includes(grant.statement)) {
        existing.statements.push(grant.statement);
        existing.conditionSets.push(grant.conditions);
        existing.label = labelOf(existing.conditionSets);
      }
      continue;
    }
    if (dangling.some((d) => samePrincipal(d.principal, grant.principal))) continue;
    const resolution = resolvePrincipal(design, grant.principal);
    if (!resolution.found) {
      dangling.push({ roleId: role.id, principal: grant.principal, reason: resolution.reason });
      continue;
    }
    const count = (perSource.get(resolution.source) ?? 0) + 1;
    perSource.set(resolution.source, count);
    const action = grant.action;
    const verdict = denyCheck({
      document: parsed.document,
      roleArn,
      requestPrincipal: requestPrincipalOf(grant.principal),
      action,
    });
    edges.push({
      id: `trust:${role.id}:${resolution.source}${count > 1 ? `:${count}` : ''}`,
      source: resolution.source,
      target: role.id,
      kind: kindOf(grant.principal, resolution.awsAccountId, roleAccount.awsAccountId),
      principal: grant.principal,
      action,
      conditionSets: [grant.conditions],
      label: labelOf([grant.conditions]),
      blocked: verdict.blocked,
      deniedWhen: verdict.deniedWhen,
      narrower: resolution.narrower,
      statements: [grant.statement],
    });
  }
  return { edges, dangling };
}

function kindOf(
  principal: PrincipalRef,
  sourceAccount: string | undefined,
  roleAccount: string,
): TrustEdgeKind {
  if (principal.type === 'Service') return 'service';
  if (principal.type === 'Federated') return 'federated';
  if (principal.value === '*') return 'public';
  return sourceAccount === roleAccount ? 'same-account' : 'cross-account';
}

function labelOf(conditionSets: ConditionLabel[][]): string {
  if (conditionSets.some((set) => set.length === 0)) return '';
  return conditionSets.map((set) => set.map((c) => c.text).join(', ')).join(' or ');
}

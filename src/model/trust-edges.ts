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
import { principalsOf } from './trust-principals';
import { access, denialWords, designWorldInSlices, type AccessVerdict } from './access';
import { drain, drainInSlices, type Pause } from './entity-memo';
import type { Design, Entity, EntityId, Role } from './types';

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
  /**
   * Short text for the edge: the trust conditions (`or` between statements), then any other
   * condition the grant needs (an identity policy's, an SCP's); `''` when unconditional.
   */
  label: string;
  /** The adapter's answer for this caller with the default parameters (see `canAssume`). */
  access: AccessVerdict;
  /** No request gets through: a Deny always applies, or a layer other than the trust policy refuses. */
  blocked: boolean;
  /** Why it is blocked, in a few words (`no identity Allow`, `Deny in the trust policy`); `''` when not. */
  blockedBy: string;
  /** Conditions under which a Deny statement applies (in any layer). */
  deniedWhen: ConditionLabel[][];
  /** The policy names something narrower than the node (a specific principal of an unmodelled account, a role session). */
  narrower: boolean;
  /** Indexes of the Allow statements that grant it. */
  statements: number[];
}

/** A principal in a trust policy that no node of the design stands for. */
interface DanglingTrust {
  roleId: EntityId;
  principal: PrincipalRef;
  reason: string;
}

export interface TrustGraph {
  edges: TrustEdge[];
  dangling: DanglingTrust[];
}

const allAssumeActions: AssumeAction[] = [
  'sts:AssumeRole',
  'sts:AssumeRoleWithSAML',
  'sts:AssumeRoleWithWebIdentity',
];

const memo = new WeakMap<Design, TrustGraph>();

/** Trust edges of every role (memoised per design object). */
export function deriveTrustGraph(design: Design): TrustGraph {
  const hit = memo.get(design) ?? sameInputs(design);
  if (hit) return hit;
  return remember(design, drain(graphSteps(design)));
}

/**
 * `deriveTrustGraph`, the same graph, derived with `pause()` asked after each role (and while
 * the STS world it asks is built): for opening a large design without one long task.
 * Afterwards `deriveTrustGraph(design)` returns it at once.
 */
export async function deriveTrustGraphInSlices(design: Design, pause: Pause): Promise<TrustGraph> {
  const hit = memo.get(design) ?? sameInputs(design);
  if (hit) return hit;
  await designWorldInSlices(design, pause);
  const graph = await drainInSlices(graphSteps(design), pause);
  // Derived meanwhile by someone who could not wait: that one is the graph.
  return memo.get(design) ?? sameInputs(design) ?? remember(design, graph);
}

/**
 * The trust edges into one role and its dangling principals, as the whole graph has them,
 * without deriving the other roles' (a form asking about one role of thousands).
 */
export function deriveRoleTrustGraph(design: Design, roleId: EntityId): TrustGraph {
  const role = findEntity(design, roleId);
  return role?.kind === 'role' ? roleTrust(design, role) : { edges: [], dangling: [] };
}

function remember(design: Design, graph: TrustGraph): TrustGraph {
  memo.set(design, graph);
  last = { design, graph };
  return graph;
}

/** The whole graph, role by role (each role's part shared with `deriveRoleTrustGraph`). */
function* graphSteps(design: Design): Generator<void, TrustGraph> {
  const graph: TrustGraph = { edges: [], dangling: [] };
  for (const role of design.roles) {
    const { edges, dangling } = roleTrust(design, role);
    graph.edges.push(...edges);
    graph.dangling.push(...dangling);
    yield;
  }
  return graph;
}

let last: { design: Design; graph: TrustGraph } | undefined;

/** What trust edges depend on: every list but the resources (and not positions, drafts, names of the design). */
const trustInputs = (design: Design): readonly unknown[] => [
  design.accounts,
  design.users,
  design.groups,
  design.roles,
  design.managedPolicies,
  design.services,
  design.identityProviders,
  design.outsidePrincipals,
];

/** The last graph, when only things edges do not depend on changed (positions, drafts, resources…). */
function sameInputs(design: Design): TrustGraph | undefined {
  if (!last) return undefined;
  const before = trustInputs(last.design);
  if (!trustInputs(design).every((list, i) => list === before[i])) return undefined;
  memo.set(design, last.graph);
  return last.graph;
}

/** Each role's part of the graph, by role id, for the last set of trust inputs. */
let byRole: { inputs: readonly unknown[]; graphs: Map<EntityId, TrustGraph> } | undefined;

function roleTrust(design: Design, role: Role): TrustGraph {
  const inputs = trustInputs(design);
  if (!byRole || !inputs.every((list, i) => list === byRole!.inputs[i]))
    byRole = { inputs, graphs: new Map() };
  let graph = byRole.graphs.get(role.id);
  if (!graph) {
    graph = deriveRoleTrust(design, role);
    byRole.graphs.set(role.id, graph);
  }
  return graph;
}

/** What a verdict depends on besides the role: the caller's node, the accounts (organizations), the groups (a user's policies), the managed policies. */
interface VerdictCache {
  signature: string;
  accounts: Design['accounts'];
  groups: Design['groups'];
  managedPolicies: Design['managedPolicies'];
  verdicts: Map<string, { source: Entity; verdict: AccessVerdict }>;
}

const verdictMemo = new WeakMap<Role, VerdictCache>();

/** The adapter's verdict for one principal of a role's trust, reused while nothing it depends on changed. */
function verdictFor(
  design: Design,
  role: Role,
  source: Entity,
  principal: PrincipalRef,
): AccessVerdict {
  const signature = principalSignature(design);
  let cache = verdictMemo.get(role);
  if (
    !cache ||
    cache.signature !== signature ||
    cache.accounts !== design.accounts ||
    cache.groups !== design.groups ||
    cache.managedPolicies !== design.managedPolicies
  ) {
    cache = {
      signature,
      accounts: design.accounts,
      groups: design.groups,
      managedPolicies: design.managedPolicies,
      verdicts: new Map(),
    };
    verdictMemo.set(role, cache);
  }
  const key = `${source.id}\n${principal.type}\n${principal.value}`;
  const hit = cache.verdicts.get(key);
  if (hit && hit.source === source) return hit.verdict;
  const verdict = access(design).canAssume({ source: source.id, role: role.id, as: principal });
  cache.verdicts.set(key, { source, verdict });
  return verdict;
}

export function deriveTrustEdges(design: Design): TrustEdge[] {
  return deriveTrustGraph(design).edges;
}

/** Trust edges into one role. */
function deriveRoleTrust(design: Design, role: Role): TrustGraph {
  const roleArn = arnOf(design, role);
  const roleAccount = findEntity(design, role.account);
  const parsed = parsePolicyText(role.trustPolicy);
  if (roleArn === undefined || roleAccount?.kind !== 'account' || !parsed.ok)
    return { edges: [], dangling: [] };

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
        existing.label = labelOf(existing.conditionSets, existing.access);
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
    const source = findEntity(design, resolution.source)!;
    const verdict = verdictFor(design, role, source, grant.principal);
    const blocked = verdict.status === 'denied';
    edges.push({
      id: `trust:${role.id}:${resolution.source}${count > 1 ? `:${count}` : ''}`,
      source: resolution.source,
      target: role.id,
      kind: kindOf(grant.principal, resolution.awsAccountId, roleAccount.awsAccountId),
      principal: grant.principal,
      action,
      conditionSets: [grant.conditions],
      label: labelOf([grant.conditions], verdict),
      access: verdict,
      blocked,
      blockedBy: blocked ? denialWords(verdict) : '',
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

/** The trust conditions, then what else the adapter found the grant needs (another layer's conditions). */
function labelOf(conditionSets: ConditionLabel[][], verdict: AccessVerdict): string {
  const named = new Set(conditionSets.flat().map((c) => c.text));
  const trust = conditionSets.some((set) => set.length === 0)
    ? ''
    : conditionSets.map((set) => set.map((c) => c.text).join(', ')).join(' or ');
  const more = [...new Set(verdict.needs.map((n) => n.text))].filter((t) => !named.has(t));
  return [trust, ...more].filter((t) => t !== '').join(', ');
}

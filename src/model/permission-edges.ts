import { arnAccount, parseDate, wildcardMatches, type PolicyDocument } from '../engine';
import { access, principalPolicies, type ConditionNeed } from './access';
import { arnOf } from './arn';
import { findEntity } from './lookup';
import { policyDocument, statementsOf, stringList } from './policy-text';
import { principalsOf } from './trust-principals';
import { actsOnObject, resourceTypes } from './resource-types';
import type {
  Account,
  Design,
  EntityId,
  OutsidePrincipal,
  Resource,
  Role,
  ServicePrincipal,
  User,
} from './types';

/** An action allowed only when the request meets conditions the default context does not. */
interface ConditionalAction {
  action: string;
  /** The conditions, as the adapter names them (`TLS only`, `MFA`, `from IP …`). */
  needs: ConditionNeed[];
}

/** "source may act on target": its policies, with the resource's policy, allow these actions. */
export interface PermissionEdge {
  id: string;
  source: EntityId;
  target: EntityId;
  /** Actions the engine allows with the default context, in the order checked. */
  actions: string[];
  /** Actions it allows only under named conditions (none of them in `actions`). */
  conditional: ConditionalAction[];
  /** `s3:GetObject` for one action, `s3:GetObject +2` for more; `s3:GetObject if TLS only` when every action needs conditions. */
  label: string;
}

/** User → group. */
export interface MembershipEdge {
  id: string;
  source: EntityId;
  target: EntityId;
}

export function deriveMembershipEdges(design: Design): MembershipEdge[] {
  return design.users.flatMap((user) =>
    user.groups
      .filter((g) => findEntity(design, g)?.kind === 'group')
      .map((g) => ({ id: `member:${user.id}:${g}`, source: user.id, target: g })),
  );
}

type Acting = User | Role | ServicePrincipal | OutsidePrincipal;

/** What the pre-filter needs to know of a caller: its account and its identity policies. */
interface ActorFacts {
  entity: Acting;
  account?: Account;
  identity: PolicyDocument[];
}

const ALLOW_ALL: PolicyDocument = { Statement: { Effect: 'Allow', Action: '*', Resource: '*' } };

function actorFacts(design: Design, entity: Acting): ActorFacts | undefined {
  if (entity.kind === 'service') return { entity, identity: [] };
  if (entity.kind === 'outside')
    // An unmodelled account may grant its principals anything: only the resource side limits them.
    return { entity, identity: entity.scope === 'anyone' ? [] : [ALLOW_ALL] };
  const account = findEntity(design, entity.account);
  if (account?.kind !== 'account' || arnOf(design, entity) === undefined) return undefined;
  const identity = principalPolicies(design, entity).identity.map((p) => p.document);
  return { entity, account, identity };
}

/** Concrete resources to ask about: the ARN, and for buckets an object named like the policies' object patterns. */
function requestResources(
  arn: string,
  resource: Resource,
  policies: PolicyDocument[],
): { bucket: string; objects: string[] } {
  if (!resourceTypes[resource.resourceType].hasObjects) return { bucket: arn, objects: [] };
  const objects = new Set([`${arn}/object`]);
  for (const doc of policies) {
    for (const s of statementsOf(doc)) {
      for (const pattern of stringList(s.Resource)) {
        if (pattern.startsWith(`${arn}/`)) objects.add(pattern.replace(/[*?]/g, 'x'));
      }
    }
  }
  return { bucket: arn, objects: [...objects] };
}

/** Representative actions plus the literal actions of the resource's service the policies name. */
function actionsToCheck(resource: Resource, policies: PolicyDocument[]): string[] {
  const { service, typicalActions } = resourceTypes[resource.resourceType];
  const prefix = `${service}:`;
  const actions = new Set(typicalActions);
  for (const doc of policies) {
    for (const s of statementsOf(doc)) {
      for (const a of stringList(s.Action))
        if (a.toLowerCase().startsWith(prefix) && !/[*?]/.test(a)) actions.add(a);
    }
  }
  return [...actions];
}

/** Who a resource policy's Allow statements can name, read once per resource. */
interface NamedInPolicy {
  anyone: boolean;
  accounts: Set<string>;
  services: Set<string>;
}

function namedIn(resourcePolicy: PolicyDocument | undefined): NamedInPolicy {
  const named: NamedInPolicy = { anyone: false, accounts: new Set(), services: new Set() };
  for (const s of resourcePolicy ? statementsOf(resourcePolicy) : []) {
    if (s.Effect !== 'Allow') continue;
    if ('NotPrincipal' in s) named.anyone = true;
    for (const p of principalsOf(s.Principal)) {
      if (p.value === '*') named.anyone = true;
      else if (p.type === 'Service') named.services.add(p.value.toLowerCase());
      else if (/^\d{12}$/.test(p.value)) named.accounts.add(p.value);
      else {
        const account = arnAccount(p.value);
        if (account) named.accounts.add(account);
      }
    }
  }
  return named;
}

function mayBeNamed(named: NamedInPolicy, facts: ActorFacts): boolean {
  if (named.anyone) return true;
  if (facts.entity.kind === 'service') return named.services.has(facts.entity.name.toLowerCase());
  const accountId =
    facts.account?.awsAccountId ??
    (facts.entity.kind === 'outside' && facts.entity.scope === 'account'
      ? facts.entity.awsAccountId
      : undefined);
  return accountId !== undefined && named.accounts.has(accountId);
}

/** The identity Allow statements of an actor that name an action of the service, per resource type. */
function statementsFor(
  facts: ActorFacts,
  type: Resource['resourceType'],
  cache: Map<string, string[][]>,
): string[][] {
  const hit = cache.get(type);
  if (hit) return hit;
  const candidates = resourceTypes[type].typicalActions;
  const prefix = `${resourceTypes[type].service}:`;
  const out: string[][] = [];
  for (const doc of facts.identity) {
    for (const s of statementsOf(doc)) {
      if (s.Effect !== 'Allow') continue;
      const fits =
        'NotAction' in s ||
        stringList(s.Action).some(
          (p) =>
            p.toLowerCase().startsWith(prefix) ||
            candidates.some((a) => wildcardMatches(p, a, true)),
        );
      if (fits) out.push('NotResource' in s ? ['*'] : stringList(s.Resource));
    }
  }
  cache.set(type, out);
  return out;
}

/** Whether one of those statements has a resource pattern that fits the resource (or, for a bucket, its objects). */
function identityMayTouch(resourcePatterns: string[][], arn: string, isBucket: boolean): boolean {
  return resourcePatterns.some((patterns) =>
    patterns.some(
      (p) =>
        wildcardMatches(p, arn, true) ||
        (isBucket && (p.startsWith(`${arn}/`) || wildcardMatches(p, `${arn}/x`, true))),
    ),
  );
}

export interface PermissionOptions {
  /** Only edges from these principals (default: every user, role, service and outside principal). */
  sources?: readonly EntityId[];
  /** ISO time of the requests. */
  now?: string;
}

const memo = new WeakMap<Design, PermissionEdge[]>();

/**
 * Principal → resource edges for every action the engine allows (identity, boundary, resource
 * policy, SCPs, RCPs). Pairs that no policy could concern are skipped before the engine runs.
 */
export function derivePermissionEdges(
  design: Design,
  options: PermissionOptions = {},
): PermissionEdge[] {
  const cacheable = options.sources === undefined && options.now === undefined;
  const hit = cacheable
    ? (memo.get(design) ?? (last && sameInputs(last.design, design) ? last.edges : undefined))
    : undefined;
  if (hit) {
    memo.set(design, hit);
    return hit;
  }
  const wanted = options.sources ? new Set(options.sources) : undefined;
  const actors: Acting[] = [
    ...design.users,
    ...design.roles,
    ...design.services,
    ...design.outsidePrincipals,
  ].filter((e) => !wanted || wanted.has(e.id));
  const targets = design.resources.flatMap((resource, index) => {
    const arn = arnOf(design, resource);
    const account = findEntity(design, resource.account);
    if (arn === undefined || account?.kind !== 'account') return [];
    const policy = resource.policy === '' ? undefined : policyDocument(resource.policy);
    return [
      {
        index,
        resource,
        arn,
        account,
        policy,
        named: namedIn(policy),
      },
    ];
  });
  type Target = (typeof targets)[number];
  // Only resources of the actor's own account, or whose policy may name it, can concern it.
  const byAccount = new Map<EntityId, Target[]>();
  const namingAccount = new Map<string, Target[]>();
  const namingService = new Map<string, Target[]>();
  const namingAnyone: Target[] = [];
  const push = <K>(map: Map<K, Target[]>, key: K, target: Target) =>
    map.set(key, [...(map.get(key) ?? []), target]);
  for (const target of targets) {
    push(byAccount, target.account.id, target);
    if (target.named.anyone) namingAnyone.push(target);
    for (const a of target.named.accounts) push(namingAccount, a, target);
    for (const service of target.named.services) push(namingService, service, target);
  }
  const candidatesOf = (facts: ActorFacts): Target[] => {
    const accountId =
      facts.account?.awsAccountId ??
      (facts.entity.kind === 'outside' && facts.entity.scope === 'account'
        ? facts.entity.awsAccountId
        : undefined);
    const lists = [
      facts.account ? (byAccount.get(facts.account.id) ?? []) : [],
      accountId ? (namingAccount.get(accountId) ?? []) : [],
      facts.entity.kind === 'service'
        ? (namingService.get(facts.entity.name.toLowerCase()) ?? [])
        : [],
      namingAnyone,
    ];
    return [...new Set(lists.flat())].sort((a, b) => a.index - b.index);
  };

  const edges: PermissionEdge[] = [];
  const questions = access(design);
  const now = options.now === undefined ? undefined : parseDate(options.now);
  for (const actor of actors) {
    const facts = actorFacts(design, actor);
    if (!facts) continue;
    const byType = new Map<string, string[][]>();
    for (const { resource, arn, account, policy, named } of candidatesOf(facts)) {
      const sameAccount = facts.account?.id === account.id;
      // Across accounts, and for KMS keys, the resource policy must allow; in the account, either side may.
      const kind = resourceTypes[resource.resourceType];
      const concerned =
        mayBeNamed(named, facts) ||
        (sameAccount &&
          !kind.policyMustAllow &&
          identityMayTouch(
            statementsFor(facts, resource.resourceType, byType),
            arn,
            kind.hasObjects === true,
          ));
      if (!concerned) continue;
      const all = policy ? [...facts.identity, policy] : facts.identity;
      const { bucket, objects } = requestResources(arn, resource, all);
      const actions: string[] = [];
      const conditional: ConditionalAction[] = [];
      for (const action of actionsToCheck(resource, all)) {
        const requestTargets = actsOnObject(resource.resourceType, action) ? objects : [bucket];
        let needs: ConditionNeed[] | undefined;
        for (const target of requestTargets) {
          const verdict = questions.canCall({
            source: actor.id,
            action,
            resource: target,
            ...(now !== undefined ? { now } : {}),
          });
          if (verdict.status === 'allowed') {
            needs = [];
            break;
          }
          if (verdict.status === 'conditional' && needs === undefined) needs = verdict.needs;
        }
        if (needs === undefined) continue;
        if (needs.length === 0) actions.push(action);
        else conditional.push({ action, needs });
      }
      if (actions.length === 0 && conditional.length === 0) continue;
      edges.push({
        id: `perm:${actor.id}:${resource.id}`,
        source: actor.id,
        target: resource.id,
        actions,
        conditional,
        label: labelOf(actions, conditional),
      });
    }
  }
  if (cacheable) {
    memo.set(design, edges);
    last = { design, edges };
  }
  return edges;
}

let last: { design: Design; edges: PermissionEdge[] } | undefined;

const needsText = (needs: ConditionNeed[]) => [...new Set(needs.map((n) => n.text))].join(', ');

function labelOf(actions: string[], conditional: ConditionalAction[]): string {
  const count = actions.length + conditional.length;
  const more = count > 1 ? ` +${count - 1}` : '';
  if (actions.length > 0) return `${actions[0]}${more}`;
  return `${conditional[0]!.action} if ${needsText(conditional[0]!.needs)}${more}`;
}

/** Permission edges depend on every collection but the layout and drafts. */
function sameInputs(a: Design, b: Design): boolean {
  return (
    a.accounts === b.accounts &&
    a.users === b.users &&
    a.groups === b.groups &&
    a.roles === b.roles &&
    a.managedPolicies === b.managedPolicies &&
    a.services === b.services &&
    a.outsidePrincipals === b.outsidePrincipals &&
    a.resources === b.resources
  );
}

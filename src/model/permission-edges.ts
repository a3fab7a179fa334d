import { compilePolicies, evaluate, type ContextValue, type PolicyDocument } from '../engine';
import { actionPatternMatches } from './action-match';
import { arnOf } from './arn';
import { findEntity } from './lookup';
import { policyDocument, statementsOf, stringList } from './policy-text';
import { isS3ObjectAction, representativeActions, servicePrefix } from './resource-actions';
import type { Account, Design, EntityId, OutsidePrincipal, Resource, Role, ServicePrincipal, User } from './types';

/** "source may act on target": its policies, with the resource's policy, allow these actions. */
export interface PermissionEdge {
  id: string;
  source: EntityId;
  target: EntityId;
  /** Actions the engine allows, in the order checked. */
  actions: string[];
  /** `s3:GetObject` for one action, `s3:GetObject +2` for more. */
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
    user.groups.filter((g) => findEntity(design, g)?.kind === 'group').map((g) => ({ id: `member:${user.id}:${g}`, source: user.id, target: g })),
  );
}

type Acting = User | Role | ServicePrincipal | OutsidePrincipal;

interface ActorFacts {
  entity: Acting;
  /** Request principal for the engine. */
  principal: string;
  account?: Account;
  identity: PolicyDocument[];
  boundary?: PolicyDocument;
  context: Record<string, ContextValue>;
}

const docs = (texts: string[]): PolicyDocument[] => texts.map(policyDocument).filter((d): d is PolicyDocument => d !== undefined);

function actorFacts(design: Design, entity: Acting): ActorFacts | undefined {
  if (entity.kind === 'service') return { entity, principal: entity.name, identity: [], context: {} };
  if (entity.kind === 'outside') {
    if (entity.scope === 'anyone') return { entity, principal: 'anonymous', identity: [], context: {} };
    // An unmodelled account may grant its principals anything: only the resource side limits them.
    return { entity, principal: `arn:aws:iam::${entity.awsAccountId}:root`, identity: [{ Statement: { Effect: 'Allow', Action: '*', Resource: '*' } }], context: {} };
  }
  const account = findEntity(design, entity.account);
  const arn = arnOf(design, entity);
  if (account?.kind !== 'account' || arn === undefined) return undefined;
  const tags = Object.fromEntries(Object.entries(entity.tags).map(([k, v]) => [`aws:PrincipalTag/${k}`, v]));
  const boundary = entity.permissionsBoundary ? policyDocument(entity.permissionsBoundary.text) : undefined;
  if (entity.kind === 'user') {
    const groupTexts = entity.groups.flatMap((g) => {
      const group = findEntity(design, g);
      return group?.kind === 'group' ? group.policies.map((p) => p.text) : [];
    });
    return {
      entity,
      principal: arn,
      account,
      identity: docs([...entity.policies.map((p) => p.text), ...groupTexts]),
      boundary,
      context: { ...tags, 'aws:MultiFactorAuthPresent': entity.hasMfa ? 'true' : 'false', 'aws:SecureTransport': 'true' },
    };
  }
  return {
    entity,
    principal: `arn:aws:sts::${account.awsAccountId}:assumed-role/${entity.name}/rolecraft`,
    account,
    identity: docs(entity.policies.map((p) => p.text)),
    boundary,
    context: { ...tags, 'aws:PrincipalArn': arn, 'aws:SecureTransport': 'true' },
  };
}

function orgPolicies(account: Account | undefined, field: 'scps' | 'rcps'): PolicyDocument[][] | undefined {
  if (!account?.organization) return undefined;
  return account.organization.map((level) => docs(level[field].map((p) => p.text)));
}

/** Concrete resources to ask about: the ARN, and for buckets an object named like the policies' object patterns. */
function requestResources(arn: string, resource: Resource, policies: PolicyDocument[]): { bucket: string; objects: string[] } {
  if (resource.resourceType !== 's3-bucket') return { bucket: arn, objects: [] };
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
  const prefix = `${servicePrefix[resource.resourceType]}:`;
  const actions = new Set(representativeActions[resource.resourceType]);
  for (const doc of policies) {
    for (const s of statementsOf(doc)) {
      for (const a of stringList(s.Action)) if (a.toLowerCase().startsWith(prefix) && !/[*?]/.test(a)) actions.add(a);
    }
  }
  return [...actions];
}

/** Whether any policy could touch the resource at all; skips the engine for unrelated pairs. */
function mayConcern(identity: PolicyDocument[], resourcePolicy: PolicyDocument | undefined, arn: string, objectArns: string[]): boolean {
  if (resourcePolicy && statementsOf(resourcePolicy).some((s) => s.Effect === 'Allow')) return true;
  const targets = [arn, ...objectArns];
  return identity.some((doc) =>
    statementsOf(doc).some(
      (s) => s.Effect === 'Allow' && ('NotResource' in s || stringList(s.Resource).some((p) => targets.some((t) => actionPatternMatches(p, t)))),
    ),
  );
}

export interface PermissionOptions {
  /** Only edges from these principals (default: every user, role, service and outside principal). */
  sources?: readonly EntityId[];
  /** ISO time of the requests. */
  now?: string;
}

/** Principal → resource edges for every action the engine allows (identity, boundary, resource policy, SCPs, RCPs). */
export function derivePermissionEdges(design: Design, options: PermissionOptions = {}): PermissionEdge[] {
  const wanted = options.sources ? new Set(options.sources) : undefined;
  const actors: Acting[] = [...design.users, ...design.roles, ...design.services, ...design.outsidePrincipals].filter((e) => !wanted || wanted.has(e.id));
  const edges: PermissionEdge[] = [];
  for (const resource of design.resources) {
    const arn = arnOf(design, resource);
    const resourceAccount = findEntity(design, resource.account);
    if (arn === undefined || resourceAccount?.kind !== 'account') continue;
    const resourcePolicy = resource.policy === '' ? undefined : policyDocument(resource.policy);
    const rcp = orgPolicies(resourceAccount, 'rcps');
    for (const actor of actors) {
      const facts = actorFacts(design, actor);
      if (!facts) continue;
      const all = resourcePolicy ? [...facts.identity, resourcePolicy] : facts.identity;
      const { bucket, objects } = requestResources(arn, resource, all);
      if (!mayConcern(facts.identity, resourcePolicy, bucket, objects)) continue;
      const set = compilePolicies({ identity: facts.identity, permissionsBoundary: facts.boundary, resource: resourcePolicy, scp: orgPolicies(facts.account, 'scps'), rcp });
      const allowed = actionsToCheck(resource, all).filter((action) => {
        const targets = resource.resourceType === 's3-bucket' && isS3ObjectAction(action) ? objects : [bucket];
        return targets.some(
          (target) =>
            evaluate({ principal: facts.principal, action, resource: target, resourceAccount: resourceAccount.awsAccountId, context: facts.context, now: options.now }, set).decision === 'Allow',
        );
      });
      if (allowed.length === 0) continue;
      edges.push({ id: `perm:${actor.id}:${resource.id}`, source: actor.id, target: resource.id, actions: allowed, label: allowed.length === 1 ? allowed[0]! : `${allowed[0]} +${allowed.length - 1}` });
    }
  }
  return edges;
}

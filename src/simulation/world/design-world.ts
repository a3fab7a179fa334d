// The design as STS sees it: principals, roles, resources and organization policies keyed by
// ARN and account, with a record of where each policy came from so a check or a decisive
// statement can be traced back to the entity and policy tab that hold it.

import type { PolicyDocument } from '../../engine';
import type {
  PrincipalDefinition,
  ResourceDefinition,
  RoleDefinition,
  StsWorld,
} from '../../sts/index.ts';
import {
  arnOf,
  findEntity,
  parsePolicyText,
  type Account,
  type Design,
  type EntityId,
  type PermissionPolicy,
  type PolicySlot,
  type User,
} from '../../model';

/** One policy of the world and the design entity and slot it was read from. */
export interface PolicySource {
  entityId: EntityId;
  slot: PolicySlot;
  /** What a person calls it: `AssumeDeveloper`, `trust policy of Deploy`, `SCP FullAWSAccess`. */
  name: string;
  text: string;
}

/** A policy the adapter left out, and why (its text is not a JSON object). */
export interface SkippedPolicy {
  source: PolicySource;
  reason: string;
}

export interface WorldSources {
  /** Identity policies of a user or role by ARN, in the order the world lists them. */
  identity: Map<string, PolicySource[]>;
  boundary: Map<string, PolicySource>;
  trust: Map<string, PolicySource>;
  resource: Map<string, PolicySource>;
  /** Organization policies by 12-digit account id: levels root first, then policies. */
  scp: Map<string, PolicySource[][]>;
  rcp: Map<string, PolicySource[][]>;
  /** Entity id by ARN (users, roles, resources, identity providers). */
  entityByArn: Map<string, EntityId>;
}

export interface DesignWorld {
  world: StsWorld;
  sources: WorldSources;
  skipped: SkippedPolicy[];
}

interface Builder {
  sources: WorldSources;
  skipped: SkippedPolicy[];
}

/** The parsed document, or undefined (and a note in `skipped`) when the text is not a policy object. */
function documentOf(builder: Builder, source: PolicySource): PolicyDocument | undefined {
  const parsed = parsePolicyText(source.text);
  if (parsed.ok) return parsed.document;
  builder.skipped.push({ source, reason: parsed.reason });
  return undefined;
}

function permissionSource(entityId: EntityId, policy: PermissionPolicy): PolicySource {
  return {
    entityId,
    slot: { kind: 'permission', policyId: policy.id },
    name: policy.name,
    text: policy.text,
  };
}

/** Identity policies (with their sources kept aligned: skipped ones drop from both). */
function identityPolicies(
  builder: Builder,
  owned: { entityId: EntityId; policies: PermissionPolicy[] }[],
): { documents: PolicyDocument[]; sources: PolicySource[] } {
  const documents: PolicyDocument[] = [];
  const sources: PolicySource[] = [];
  for (const { entityId, policies } of owned) {
    for (const policy of policies) {
      const source = permissionSource(entityId, policy);
      const document = documentOf(builder, source);
      if (!document) continue;
      documents.push(document);
      sources.push(source);
    }
  }
  return { documents, sources };
}

function boundaryOf(
  builder: Builder,
  arn: string,
  entityId: EntityId,
  boundary: PermissionPolicy | null,
): PolicyDocument | undefined {
  if (!boundary) return undefined;
  const source: PolicySource = {
    entityId,
    slot: { kind: 'boundary' },
    name: boundary.name,
    text: boundary.text,
  };
  const document = documentOf(builder, source);
  if (document) builder.sources.boundary.set(arn, source);
  return document;
}

function userDefinition(
  builder: Builder,
  design: Design,
  user: User,
): PrincipalDefinition | undefined {
  const arn = arnOf(design, user);
  if (!arn) return undefined;
  builder.sources.entityByArn.set(arn, user.id);
  const groups = user.groups
    .map((id) => findEntity(design, id))
    .flatMap((g) => (g?.kind === 'group' ? [{ entityId: g.id, policies: g.policies }] : []));
  const { documents, sources } = identityPolicies(builder, [
    { entityId: user.id, policies: user.policies },
    ...groups,
  ]);
  builder.sources.identity.set(arn, sources);
  const definition: PrincipalDefinition = { arn, identityPolicies: documents };
  const boundary = boundaryOf(builder, arn, user.id, user.permissionsBoundary);
  if (boundary) definition.permissionsBoundary = boundary;
  if (Object.keys(user.tags).length > 0) definition.tags = { ...user.tags };
  return definition;
}

function organizationLevels(
  builder: Builder,
  account: Account,
  kind: 'scp' | 'rcp',
): { levels: PolicyDocument[][]; sources: PolicySource[][] } | undefined {
  if (!account.organization || account.organization.length === 0) return undefined;
  const levels: PolicyDocument[][] = [];
  const sources: PolicySource[][] = [];
  for (const level of account.organization) {
    const docs: PolicyDocument[] = [];
    const srcs: PolicySource[] = [];
    for (const policy of kind === 'scp' ? level.scps : level.rcps) {
      const source: PolicySource = {
        entityId: account.id,
        slot: { kind, levelId: level.id, policyId: policy.id },
        name: `${policy.name} (${level.name})`,
        text: policy.text,
      };
      const document = documentOf(builder, source);
      if (!document) continue;
      docs.push(document);
      srcs.push(source);
    }
    levels.push(docs);
    sources.push(srcs);
  }
  return { levels, sources };
}

/** Builds the STS world of a design. Pure: the same design gives the same world. */
export function designToWorld(design: Design): DesignWorld {
  const builder: Builder = {
    skipped: [],
    sources: {
      identity: new Map(),
      boundary: new Map(),
      trust: new Map(),
      resource: new Map(),
      scp: new Map(),
      rcp: new Map(),
      entityByArn: new Map(),
    },
  };
  const { sources } = builder;
  const scp: Record<string, PolicyDocument[][]> = {};
  const rcp: Record<string, PolicyDocument[][]> = {};
  const seenAccounts = new Set<string>();
  for (const account of design.accounts) {
    // Two account entities with one AWS id: the first wins, as the design's lookups do.
    if (seenAccounts.has(account.awsAccountId)) continue;
    seenAccounts.add(account.awsAccountId);
    const scps = organizationLevels(builder, account, 'scp');
    const rcps = organizationLevels(builder, account, 'rcp');
    if (scps) {
      scp[account.awsAccountId] = scps.levels;
      sources.scp.set(account.awsAccountId, scps.sources);
    }
    if (rcps && rcps.levels.some((level) => level.length > 0)) {
      rcp[account.awsAccountId] = rcps.levels;
      sources.rcp.set(account.awsAccountId, rcps.sources);
    }
  }

  const principals = design.users.flatMap((user) => userDefinition(builder, design, user) ?? []);

  const roles: RoleDefinition[] = [];
  for (const role of design.roles) {
    const arn = arnOf(design, role);
    if (!arn) continue;
    sources.entityByArn.set(arn, role.id);
    const trustSource: PolicySource = {
      entityId: role.id,
      slot: { kind: 'trust' },
      name: `trust policy of ${role.name}`,
      text: role.trustPolicy,
    };
    sources.trust.set(arn, trustSource);
    const trustPolicy = documentOf(builder, trustSource) ?? {
      Version: '2012-10-17',
      Statement: [],
    };
    const { documents, sources: identity } = identityPolicies(builder, [
      { entityId: role.id, policies: role.policies },
    ]);
    sources.identity.set(arn, identity);
    const definition: RoleDefinition = {
      arn,
      trustPolicy,
      maxSessionDuration: role.maxSessionDuration,
      identityPolicies: documents,
    };
    const boundary = boundaryOf(builder, arn, role.id, role.permissionsBoundary);
    if (boundary) definition.permissionsBoundary = boundary;
    if (Object.keys(role.tags).length > 0) definition.tags = { ...role.tags };
    const account = arn.split(':')[4] ?? '';
    if (rcp[account]) definition.rcp = rcp[account];
    roles.push(definition);
  }

  const resources: ResourceDefinition[] = [];
  for (const resource of design.resources) {
    const arn = arnOf(design, resource);
    const account = findEntity(design, resource.account);
    if (!arn || account?.kind !== 'account') continue;
    sources.entityByArn.set(arn, resource.id);
    const definition: ResourceDefinition = { arn, account: account.awsAccountId };
    if (resource.policy.trim() !== '') {
      const source: PolicySource = {
        entityId: resource.id,
        slot: { kind: 'resource' },
        name: `resource policy of ${resource.name}`,
        text: resource.policy,
      };
      const document = documentOf(builder, source);
      if (document) {
        definition.policy = document;
        sources.resource.set(arn, source);
      }
    }
    resources.push(definition);
  }

  for (const provider of design.identityProviders) {
    const arn = arnOf(design, provider);
    if (arn) sources.entityByArn.set(arn, provider.id);
  }

  return { world: { principals, roles, resources, scp, rcp }, sources, skipped: builder.skipped };
}

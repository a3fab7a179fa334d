// The design as STS sees it: principals, roles, resources and organization policies keyed by
// ARN and account, with a record of where each policy came from so a check or a decisive
// statement can be traced back to the entity and policy tab that hold it. Built from the
// same policy resolution as every other question (sources.ts).

import { formatArn, parseArn, type PolicyDocument } from '../../engine';
import {
  WorldIndex,
  type PrincipalDefinition,
  type ResourceDefinition,
  type RoleDefinition,
  type StsWorld,
} from '../../sts';
import { arnOf } from '../arn';
import { drain, drainInSlices, onEntities, type Pause } from '../entity-memo';
import type { Design, EntityId } from '../types';
import {
  accountEntity,
  documentsOf,
  levelDocuments,
  organizationPolicies,
  principalPolicies,
  targetPolicies,
  type PolicySource,
  type SkippedPolicy,
} from './sources';

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
  /** Policies left out because their text is not a JSON object. */
  skipped: SkippedPolicy[];
  /** The world indexed by ARN, as the simulator reads it. */
  index: WorldIndex;
}

const EMPTY_TRUST: PolicyDocument = { Version: '2012-10-17', Statement: [] };

/**
 * Builds the STS world of a design. Pure: the same entities give the same world, so a design
 * that differs only in layout, name or drafts (a drop) shares its world (one object).
 */
export const designWorld = onEntities((design) => drain(worldSteps(design)));

/**
 * `designWorld`, the same world, built with `pause()` asked after each entity (for opening a
 * large design without one long task); afterwards `designWorld(design)` returns it at once.
 */
export async function designWorldInSlices(design: Design, pause: Pause): Promise<DesignWorld> {
  const known = designWorld.peek(design);
  if (known) return known;
  const world = await drainInSlices(worldSteps(design), pause);
  // Built meanwhile by someone who could not wait: that one is the world.
  const meanwhile = designWorld.peek(design);
  if (meanwhile) return meanwhile;
  designWorld.put(design, world);
  return world;
}

/** Builds the world, yielding after each principal, role and resource. */
function* worldSteps(design: Design): Generator<void, DesignWorld> {
  const skipped: SkippedPolicy[] = [];
  const sources: WorldSources = {
    identity: new Map(),
    boundary: new Map(),
    trust: new Map(),
    resource: new Map(),
    scp: new Map(),
    rcp: new Map(),
    entityByArn: new Map(),
  };
  const scp: Record<string, PolicyDocument[][]> = {};
  const rcp: Record<string, PolicyDocument[][]> = {};
  const seenAccounts = new Set<string>();
  for (const account of design.accounts) {
    // Two account entities with one AWS id: the first wins, as the design's lookups do.
    if (seenAccounts.has(account.awsAccountId)) continue;
    seenAccounts.add(account.awsAccountId);
    const scps = organizationPolicies(account, 'scp', skipped);
    const rcps = organizationPolicies(account, 'rcp', skipped);
    if (scps) {
      scp[account.awsAccountId] = levelDocuments(scps);
      sources.scp.set(
        account.awsAccountId,
        scps.map((level) => level.map((p) => p.source)),
      );
    }
    if (rcps && rcps.some((level) => level.length > 0)) {
      rcp[account.awsAccountId] = levelDocuments(rcps);
      sources.rcp.set(
        account.awsAccountId,
        rcps.map((level) => level.map((p) => p.source)),
      );
    }
  }

  const principals: PrincipalDefinition[] = [];
  for (const user of design.users) {
    const arn = arnOf(design, user);
    if (!arn) continue;
    sources.entityByArn.set(arn, user.id);
    const policies = principalPolicies(design, user);
    skipped.push(...policies.skipped.filter((s) => s.source.slot.kind !== 'scp'));
    sources.identity.set(
      arn,
      policies.identity.map((p) => p.source),
    );
    const definition: PrincipalDefinition = {
      arn,
      identityPolicies: documentsOf(policies.identity),
    };
    if (policies.boundary) {
      definition.permissionsBoundary = policies.boundary.document;
      sources.boundary.set(arn, policies.boundary.source);
    }
    if (Object.keys(user.tags).length > 0) definition.tags = { ...user.tags };
    principals.push(definition);
    yield;
  }

  const roles: RoleDefinition[] = [];
  for (const role of design.roles) {
    const arn = arnOf(design, role);
    if (!arn) continue;
    sources.entityByArn.set(arn, role.id);
    const target = targetPolicies(design, role);
    const policies = principalPolicies(design, role);
    // Organization policies were noted once per account above.
    const own = (s: SkippedPolicy) => s.source.slot.kind !== 'scp' && s.source.slot.kind !== 'rcp';
    skipped.push(...target.skipped.filter(own), ...policies.skipped.filter(own));
    sources.trust.set(arn, {
      entityId: role.id,
      slot: { kind: 'trust' },
      name: `trust policy of ${role.name}`,
      text: role.trustPolicy,
    });
    sources.identity.set(
      arn,
      policies.identity.map((p) => p.source),
    );
    const definition: RoleDefinition = {
      arn,
      trustPolicy: target.policy?.document ?? EMPTY_TRUST,
      maxSessionDuration: role.maxSessionDuration,
      identityPolicies: documentsOf(policies.identity),
    };
    if (policies.boundary) {
      definition.permissionsBoundary = policies.boundary.document;
      sources.boundary.set(arn, policies.boundary.source);
    }
    if (Object.keys(role.tags).length > 0) definition.tags = { ...role.tags };
    const account = accountEntity(design, role.account);
    if (account && rcp[account.awsAccountId]) definition.rcp = rcp[account.awsAccountId];
    roles.push(definition);
    yield;
  }

  const resources: ResourceDefinition[] = [];
  for (const resource of design.resources) {
    const arn = arnOf(design, resource);
    const account = accountEntity(design, resource.account);
    if (!arn || !account) continue;
    sources.entityByArn.set(arn, resource.id);
    const definition: ResourceDefinition = { arn, account: account.awsAccountId };
    const target = targetPolicies(design, resource);
    skipped.push(...target.skipped.filter((s) => s.source.slot.kind !== 'rcp'));
    if (target.policy) {
      definition.policy = target.policy.document;
      sources.resource.set(arn, target.policy.source);
    }
    resources.push(definition);
    yield;
  }

  for (const provider of design.identityProviders) {
    const arn = arnOf(design, provider);
    if (arn) sources.entityByArn.set(arn, provider.id);
  }

  const world: StsWorld = { principals, roles, resources, scp, rcp };
  return { world, sources, skipped, index: new WorldIndex(world) };
}

/**
 * The world for a request on one resource. A bucket policy governs the objects in the bucket,
 * but STS finds resource policies by exact ARN: for an object ARN of a modelled bucket, the
 * object is added with its bucket's policy, account and node.
 */
export function worldForResource(base: DesignWorld, resource: string): DesignWorld {
  if (base.index.resource(resource)) return base;
  // Only an S3 object ARN (service `s3`, so the text holds `:s3:`) takes its bucket's policy.
  if (!resource.includes(':s3:')) return base;
  const arn = parseArn(resource);
  const slash = arn?.resource.indexOf('/') ?? -1;
  if (arn?.service !== 's3' || arn.region !== '' || arn.account !== '' || slash < 1) return base;
  if (slash === arn.resource.length - 1) return base;
  const bucketArn = formatArn({ ...arn, resource: arn.resource.slice(0, slash) });
  const bucket = base.index.resource(bucketArn);
  if (!bucket) return base;
  const sources = {
    ...base.sources,
    resource: new Map(base.sources.resource),
    entityByArn: new Map(base.sources.entityByArn),
  };
  const bucketSource = base.sources.resource.get(bucketArn);
  if (bucketSource) sources.resource.set(resource, bucketSource);
  const bucketEntity = base.sources.entityByArn.get(bucketArn);
  if (bucketEntity) sources.entityByArn.set(resource, bucketEntity);
  const world = {
    ...base.world,
    resources: [...(base.world.resources ?? []), { ...bucket, arn: resource }],
  };
  return { ...base, world, sources, index: new WorldIndex(world) };
}

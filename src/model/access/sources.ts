// Policy resolution: which policies of the design apply to a principal or a target, each
// parsed once and kept with the entity and slot it came from. Every consumer (edges, the
// simulation world, the analysis) gets its policies here and nowhere else.

import type { PolicyDocument } from '../../engine';
import { findEntity, indexOf } from '../lookup';
import { attachedPolicies, boundaryPolicy, managedRecordsOf } from '../managed-policies';
import { parsePolicyText } from '../policy-text';
import type {
  Account,
  Design,
  EntityId,
  PermissionPolicy,
  PolicySlot,
  Resource,
  Role,
  Tags,
  User,
} from '../types';

/** One policy of the design and the entity and slot it was read from. */
export interface PolicySource {
  entityId: EntityId;
  slot: PolicySlot;
  /** What a person calls it: `AssumeDeveloper`, `trust policy of Deploy`, `FullAWSAccess (Root)`. */
  name: string;
  text: string;
}

/** A policy in force: its parsed document and where it lives. */
export interface ResolvedPolicy {
  document: PolicyDocument;
  source: PolicySource;
}

/** A policy left out because its text is not a JSON object, and why. */
export interface SkippedPolicy {
  source: PolicySource;
  reason: string;
}

/** The policies on a user's or role's identity side. */
export interface PrincipalPolicies {
  /** The principal's own identity policies, then each of its groups' in membership order. */
  identity: ResolvedPolicy[];
  boundary?: ResolvedPolicy;
  tags: Tags;
  /** SCP levels over the principal's account, root first; undefined outside an organization. */
  scp?: ResolvedPolicy[][];
  skipped: SkippedPolicy[];
}

/** The policies on a target's side: a role's trust policy or a resource's policy, and the RCPs over its account. */
export interface TargetPolicies {
  /** The trust policy (role) or resource-based policy (resource); undefined when none or unreadable. */
  policy?: ResolvedPolicy;
  /** RCP levels over the target's account, root first; undefined when no level has an RCP. */
  rcp?: ResolvedPolicy[][];
  tags: Tags;
  skipped: SkippedPolicy[];
}

function resolve(source: PolicySource, skipped: SkippedPolicy[]): ResolvedPolicy | undefined {
  const parsed = parsePolicyText(source.text);
  if (parsed.ok) return { document: parsed.document, source };
  skipped.push({ source, reason: parsed.reason });
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

/** The account entity of an account-scoped entity. */
export function accountEntity(design: Design, accountId: EntityId): Account | undefined {
  const account = findEntity(design, accountId);
  return account?.kind === 'account' ? account : undefined;
}

/**
 * The account whose organization applies: with two account entities of one AWS id, the
 * first in the design (as the design's lookups and the simulation world pick it).
 */
function organizationAccount(design: Design, accountId: EntityId): Account | undefined {
  const account = accountEntity(design, accountId);
  return account && (indexOf(design).accountByAwsId.get(account.awsAccountId) ?? account);
}

/**
 * SCP or RCP levels over an account, root first, each level its policies in order; undefined
 * when the account is in no organization.
 */
export function organizationPolicies(
  account: Account,
  kind: 'scp' | 'rcp',
  skipped: SkippedPolicy[] = [],
): ResolvedPolicy[][] | undefined {
  if (!account.organization || account.organization.length === 0) return undefined;
  return account.organization.map((level) =>
    (kind === 'scp' ? level.scps : level.rcps).flatMap((policy) => {
      const source: PolicySource = {
        entityId: account.id,
        slot: { kind, levelId: level.id, policyId: policy.id },
        name: `${policy.name} (${level.name})`,
        text: policy.text,
      };
      return resolve(source, skipped) ?? [];
    }),
  );
}

/** RCP levels, or undefined when no level has one (RCPFullAWSAccess alone changes nothing). */
function rcpLevels(account: Account, skipped: SkippedPolicy[]): ResolvedPolicy[][] | undefined {
  const levels = organizationPolicies(account, 'rcp', skipped);
  return levels && levels.some((level) => level.length > 0) ? levels : undefined;
}

const principalMemo = new WeakMap<
  User | Role,
  { key: readonly unknown[]; value: PrincipalPolicies }
>();

/** The identity side of a user (its groups' policies included) or a role. */
export function principalPolicies(design: Design, entity: User | Role): PrincipalPolicies {
  const account = organizationAccount(design, entity.account);
  const groups =
    entity.kind === 'user'
      ? entity.groups.flatMap((id) => {
          const group = findEntity(design, id);
          return group?.kind === 'group' ? [group] : [];
        })
      : [];
  // The result depends on the entity, its groups, its account and the managed policies they
  // attach (shared records: edited without touching the entity): reuse it while they stay.
  const key = [
    account,
    ...groups,
    ...managedRecordsOf(design, entity),
    ...groups.flatMap((g) => managedRecordsOf(design, g)),
  ];
  const hit = principalMemo.get(entity);
  if (hit && hit.key.length === key.length && hit.key.every((k, i) => k === key[i]))
    return hit.value;
  const skipped: SkippedPolicy[] = [];
  const identity = [
    ...attachedPolicies(design, entity).map((p) => permissionSource(entity.id, p)),
    ...groups.flatMap((g) => attachedPolicies(design, g).map((p) => permissionSource(g.id, p))),
  ].flatMap((source) => resolve(source, skipped) ?? []);
  const value: PrincipalPolicies = { identity, tags: entity.tags, skipped };
  const boundaryRecord = boundaryPolicy(design, entity);
  if (boundaryRecord) {
    const boundary = resolve(
      {
        entityId: entity.id,
        slot: { kind: 'boundary' },
        name: boundaryRecord.name,
        text: boundaryRecord.text,
      },
      skipped,
    );
    if (boundary) value.boundary = boundary;
  }
  const scp = account && organizationPolicies(account, 'scp', skipped);
  if (scp) value.scp = scp;
  principalMemo.set(entity, { key, value });
  return value;
}

/** A role's trust policy or a resource's policy, with the RCPs over its account. */
export function targetPolicies(design: Design, entity: Role | Resource): TargetPolicies {
  const skipped: SkippedPolicy[] = [];
  const value: TargetPolicies = { tags: entity.tags, skipped };
  const source: PolicySource | undefined =
    entity.kind === 'role'
      ? {
          entityId: entity.id,
          slot: { kind: 'trust' },
          name: `trust policy of ${entity.name}`,
          text: entity.trustPolicy,
        }
      : entity.policy.trim() === ''
        ? undefined
        : {
            entityId: entity.id,
            slot: { kind: 'resource' },
            name: `resource policy of ${entity.name}`,
            text: entity.policy,
          };
  const policy = source && resolve(source, skipped);
  if (policy) value.policy = policy;
  const account = organizationAccount(design, entity.account);
  const rcp = account && rcpLevels(account, skipped);
  if (rcp) value.rcp = rcp;
  return value;
}

export const documentsOf = (policies: readonly ResolvedPolicy[]): PolicyDocument[] =>
  policies.map((p) => p.document);

export const levelDocuments = (levels: readonly ResolvedPolicy[][]): PolicyDocument[][] =>
  levels.map(documentsOf);

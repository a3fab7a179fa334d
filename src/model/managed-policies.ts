// Managed policies are design-level records attached by id. This module is the one place that
// resolves an attachment to the policy it names: every reader (the access adapter, the
// validator, the inspector, the analysis, the exports) gets a holder's policies here.

import { findEntity } from './lookup';
import { normalisePath, PARTITION } from './arn';
import type {
  Design,
  EntityId,
  Group,
  ManagedPolicy,
  PermissionPolicy,
  PolicyAttachment,
  Role,
  User,
} from './types';

/** A user, group or role: what holds identity policies. */
export type PolicyHolder = User | Group | Role;

interface ManagedIndex {
  byId: Map<EntityId, ManagedPolicy>;
  /** Holders attaching each managed policy (identity policy or boundary), design order. */
  holders: Map<EntityId, PolicyHolder[]>;
}

const memo = new WeakMap<Design, ManagedIndex>();

function managedIndex(design: Design): ManagedIndex {
  const hit = memo.get(design);
  if (hit) return hit;
  const byId = new Map<EntityId, ManagedPolicy>();
  for (const policy of design.managedPolicies) byId.set(policy.id, policy);
  const holders = new Map<EntityId, PolicyHolder[]>();
  const note = (id: EntityId, holder: PolicyHolder) => {
    const list = holders.get(id);
    if (!list) holders.set(id, [holder]);
    else if (list[list.length - 1] !== holder) list.push(holder);
  };
  for (const holder of [...design.users, ...design.groups, ...design.roles]) {
    for (const p of holder.policies) if (p.attachment === 'managed') note(p.id, holder);
    if (holder.kind !== 'group' && holder.permissionsBoundary)
      note(holder.permissionsBoundary, holder);
  }
  const index = { byId, holders };
  memo.set(design, index);
  return index;
}

export function findManagedPolicy(design: Design, id: EntityId): ManagedPolicy | undefined {
  return managedIndex(design).byId.get(id);
}

/** The users, groups and roles that attach a managed policy (or use it as boundary). */
export function attachersOf(design: Design, id: EntityId): readonly PolicyHolder[] {
  return managedIndex(design).holders.get(id) ?? [];
}

/** The managed policy's view as an identity policy of a holder. */
function asPermission(policy: ManagedPolicy): PermissionPolicy {
  const view: PermissionPolicy = {
    id: policy.id,
    name: policy.name,
    text: policy.text,
    attachment: policy.type,
    managed: policy,
  };
  if (policy.otherVersions) view.otherVersions = policy.otherVersions;
  return view;
}

const views = new WeakMap<ManagedPolicy, PermissionPolicy>();

/** A managed policy seen as a holder's identity policy (or boundary); one object per record. */
export function managedPolicyView(policy: ManagedPolicy): PermissionPolicy {
  return viewOf(policy);
}

function viewOf(policy: ManagedPolicy): PermissionPolicy {
  let view = views.get(policy);
  if (!view) {
    view = asPermission(policy);
    views.set(policy, view);
  }
  return view;
}

/** One attachment resolved: inline as it is, managed from its record; undefined when the record is missing. */
function resolveAttachment(
  design: Design,
  attachment: PolicyAttachment,
): PermissionPolicy | undefined {
  if (attachment.attachment === 'inline') return attachment;
  const policy = findManagedPolicy(design, attachment.id);
  return policy && viewOf(policy);
}

/** A holder's identity policies in order, managed ones read from their records. */
export function attachedPolicies(design: Design, holder: PolicyHolder): PermissionPolicy[] {
  return holder.policies.flatMap((p) => resolveAttachment(design, p) ?? []);
}

/** The managed records a holder's identity policies and boundary name (what its access depends on beyond itself). */
export function managedRecordsOf(design: Design, holder: PolicyHolder): ManagedPolicy[] {
  const out: ManagedPolicy[] = [];
  for (const p of holder.policies) {
    const policy = p.attachment === 'managed' ? findManagedPolicy(design, p.id) : undefined;
    if (policy) out.push(policy);
  }
  const boundary = holder.kind === 'group' ? undefined : boundaryPolicy(design, holder);
  if (boundary) out.push(boundary);
  return out;
}

/** The managed policy a user or role has as permissions boundary. */
export function boundaryPolicy(design: Design, holder: User | Role): ManagedPolicy | undefined {
  return holder.permissionsBoundary === null
    ? undefined
    : findManagedPolicy(design, holder.permissionsBoundary);
}

/** `arn:aws:iam::ACCOUNT:policy/PATH/NAME`, or `arn:aws:iam::aws:policy/PATH/NAME`; undefined when its account is missing. */
export function managedPolicyArn(design: Design, policy: ManagedPolicy): string | undefined {
  const tail = `policy${normalisePath(policy.path)}${policy.name}`;
  if (policy.type === 'aws-managed') return `arn:${PARTITION}:iam::aws:${tail}`;
  const account = policy.account === undefined ? undefined : findEntity(design, policy.account);
  return account?.kind === 'account'
    ? `arn:${PARTITION}:iam::${account.awsAccountId}:${tail}`
    : undefined;
}

/** The managed policies a holder in `account` may attach: its account's customer-managed ones and AWS managed ones. */
export function attachableManagedPolicies(design: Design, account: EntityId): ManagedPolicy[] {
  return design.managedPolicies.filter((p) => p.type === 'aws-managed' || p.account === account);
}

/** The customer managed policies that live in `account`, in design order. */
export function customerManagedPoliciesOf(design: Design, account: EntityId): ManagedPolicy[] {
  return design.managedPolicies.filter(
    (p) => p.type === 'customer-managed' && p.account === account,
  );
}

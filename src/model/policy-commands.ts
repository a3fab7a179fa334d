import type { PolicyType } from '../engine';
import { replaceEntity } from './entity-commands';
import { makeManagedPolicy } from './factories';
import { newId, type IdSource } from './ids';
import { findEntity } from './lookup';
import { normalisePath } from './arn';
import {
  attachedPolicies,
  boundaryPolicy,
  customerManagedPoliciesOf,
  findManagedPolicy,
  type PolicyHolder,
} from './managed-policies';
import { resourceTypes } from './resource-types';
import { draftKey, parsePolicyText } from './policy-text';
import type {
  Design,
  Entity,
  EntityId,
  ManagedPolicy,
  PermissionPolicy,
  PolicyAttachment,
  PolicySlot,
  StoredPolicy,
} from './types';

/** A policy of an entity, for inspectors and editors. */
export interface PolicySlotInfo {
  slot: PolicySlot;
  /** What to call it: the policy name, or `Trust policy`, `Bucket policy`… */
  label: string;
  /** The validator's policy type for this slot. */
  policyType: PolicyType;
  /** The committed (last valid) text. */
  text: string;
  /** The text being edited, when it is not valid yet. */
  draft?: string;
  /** The managed policy the slot shows (identity policies and boundaries): edits reach every holder. */
  managed?: ManagedPolicy;
}

/** Every policy slot of an entity, in display order. */
export function policySlots(design: Design, entity: Entity): PolicySlotInfo[] {
  const out: Omit<PolicySlotInfo, 'draft'>[] = [];
  const permissions = (holder: PolicyHolder) => {
    for (const p of attachedPolicies(design, holder))
      out.push({
        slot: { kind: 'permission', policyId: p.id },
        label: p.name,
        policyType: 'identity',
        text: p.text,
        ...(p.managed ? { managed: p.managed } : {}),
      });
  };
  const boundary = (holder: PolicyHolder & { kind: 'user' | 'role' }) => {
    const policy = boundaryPolicy(design, holder);
    if (policy)
      out.push({
        slot: { kind: 'boundary' },
        label: `Boundary: ${policy.name}`,
        policyType: 'boundary',
        text: policy.text,
        managed: policy,
      });
  };
  switch (entity.kind) {
    case 'role':
      out.push({
        slot: { kind: 'trust' },
        label: 'Trust policy',
        policyType: 'trust',
        text: entity.trustPolicy,
      });
      permissions(entity);
      boundary(entity);
      break;
    case 'user':
      permissions(entity);
      boundary(entity);
      break;
    case 'group':
      permissions(entity);
      break;
    case 'resource':
      out.push({
        slot: { kind: 'resource' },
        label: resourceTypes[entity.resourceType]?.policyLabel ?? 'Resource policy',
        policyType: 'resource',
        text: entity.policy,
      });
      break;
    case 'account':
      for (const level of entity.organization ?? []) {
        // The account's own level goes by the account's current name.
        const levelName = level.kind === 'account' ? entity.name : level.name;
        for (const p of level.scps)
          out.push({
            slot: { kind: 'scp', levelId: level.id, policyId: p.id },
            label: `SCP ${levelName}: ${p.name}`,
            policyType: 'scp',
            text: p.text,
          });
        for (const p of level.rcps)
          out.push({
            slot: { kind: 'rcp', levelId: level.id, policyId: p.id },
            label: `RCP ${levelName}: ${p.name}`,
            policyType: 'rcp',
            text: p.text,
          });
      }
      // The account's customer managed policies, edited here once for every holder.
      for (const p of customerManagedPoliciesOf(design, entity.id))
        out.push({
          slot: { kind: 'permission', policyId: p.id },
          label: `${p.name} (managed)`,
          policyType: 'identity',
          text: p.text,
          managed: p,
        });
      break;
    default:
      break;
  }
  return out.map((info) => {
    const draft = design.drafts[draftKey(entity.id, info.slot)];
    return draft ? { ...info, draft: draft.text } : info;
  });
}

/** The committed text of a slot, or undefined when the slot does not exist. */
export function policyTextAt(
  design: Design,
  entityId: EntityId,
  slot: PolicySlot,
): string | undefined {
  const entity = findEntity(design, entityId);
  if (!entity) return undefined;
  const key = draftKey(entityId, slot);
  return policySlots(design, entity).find((s) => draftKey(entityId, s.slot) === key)?.text;
}

/** What an editor should show: the draft when there is one, else the committed text. */
export function editorTextAt(
  design: Design,
  entityId: EntityId,
  slot: PolicySlot,
): string | undefined {
  return design.drafts[draftKey(entityId, slot)]?.text ?? policyTextAt(design, entityId, slot);
}

/** Whether text can be committed to a slot: a JSON object (or empty, for a resource policy). */
function isCommittable(slot: PolicySlot, text: string): boolean {
  if (slot.kind === 'resource' && text.trim() === '') return true;
  return parsePolicyText(text).ok;
}

/**
 * Sets the text of a policy slot. Text that parses as a JSON object is committed (and the
 * draft dropped); anything else is kept as a draft, leaving the last valid text in force.
 */
export function setPolicyText(
  design: Design,
  args: { entityId: EntityId; slot: PolicySlot; text: string },
): Design {
  const current = policyTextAt(design, args.entityId, args.slot);
  if (current === undefined) return design;
  const key = draftKey(args.entityId, args.slot);
  if (!isCommittable(args.slot, args.text)) {
    if (design.drafts[key]?.text === args.text) return design;
    return {
      ...design,
      drafts: {
        ...design.drafts,
        [key]: { entityId: args.entityId, slot: args.slot, text: args.text },
      },
    };
  }
  const withoutDraft = discardDraft(design, args);
  if (current === args.text) return withoutDraft;
  const entity = findEntity(withoutDraft, args.entityId)!;
  const text = args.slot.kind === 'resource' && args.text.trim() === '' ? '' : args.text;
  const managed = managedAt(withoutDraft, entity, args.slot);
  if (managed) return replaceManagedPolicy(withoutDraft, { ...managed, text });
  return replaceEntity(withoutDraft, withSlotText(entity, args.slot, text));
}

/** The managed policy a slot shows, when it shows one (a managed identity policy, a boundary). */
function managedAt(design: Design, entity: Entity, slot: PolicySlot): ManagedPolicy | undefined {
  if (entity.kind === 'account')
    return slot.kind === 'permission'
      ? customerManagedPoliciesOf(design, entity.id).find((p) => p.id === slot.policyId)
      : undefined;
  if (entity.kind !== 'user' && entity.kind !== 'group' && entity.kind !== 'role') return undefined;
  if (slot.kind === 'boundary')
    return entity.kind === 'group' ? undefined : boundaryPolicy(design, entity);
  if (slot.kind !== 'permission') return undefined;
  const attachment = entity.policies.find((p) => p.id === slot.policyId);
  return attachment?.attachment === 'managed'
    ? findManagedPolicy(design, attachment.id)
    : undefined;
}

/** Replaces a managed policy record (same id). */
function replaceManagedPolicy(design: Design, policy: ManagedPolicy): Design {
  const index = design.managedPolicies.findIndex((p) => p.id === policy.id);
  if (index < 0 || design.managedPolicies[index] === policy) return design;
  const managedPolicies = design.managedPolicies.slice();
  managedPolicies[index] = policy;
  return { ...design, managedPolicies };
}

function discardDraft(design: Design, args: { entityId: EntityId; slot: PolicySlot }): Design {
  const key = draftKey(args.entityId, args.slot);
  if (!(key in design.drafts)) return design;
  const drafts = { ...design.drafts };
  delete drafts[key];
  return { ...design, drafts };
}

function withSlotText(entity: Entity, slot: PolicySlot, text: string): Entity {
  const setIn = <P extends StoredPolicy>(policies: P[], id: EntityId): P[] =>
    policies.map((p) => (p.id === id ? { ...p, text } : p));
  switch (slot.kind) {
    case 'trust':
      return entity.kind === 'role' ? { ...entity, trustPolicy: text } : entity;
    case 'resource':
      return entity.kind === 'resource' ? { ...entity, policy: text } : entity;
    case 'boundary':
      // A boundary is a managed policy: its text is set on the record (`managedAt`).
      return entity;
    case 'permission':
      return entity.kind === 'user' || entity.kind === 'group' || entity.kind === 'role'
        ? {
            ...entity,
            policies: entity.policies.map((p) =>
              p.id === slot.policyId && p.attachment === 'inline' ? { ...p, text } : p,
            ),
          }
        : entity;
    case 'scp':
    case 'rcp': {
      if (entity.kind !== 'account' || !entity.organization) return entity;
      const field = slot.kind === 'scp' ? 'scps' : 'rcps';
      return {
        ...entity,
        organization: entity.organization.map((level) =>
          level.id === slot.levelId
            ? { ...level, [field]: setIn(level[field], slot.policyId) }
            : level,
        ),
      };
    }
  }
}

function holderOf(design: Design, id: EntityId): PolicyHolder | undefined {
  const entity = findEntity(design, id);
  return entity?.kind === 'user' || entity?.kind === 'group' || entity?.kind === 'role'
    ? entity
    : undefined;
}

/**
 * Attaches an identity policy to a user, group or role: an inline policy, or an existing
 * managed policy by id (once per holder, as IAM allows).
 */
export function addPermissionPolicy(
  design: Design,
  args: { entityId: EntityId; policy: PolicyAttachment },
): Design {
  const entity = holderOf(design, args.entityId);
  if (!entity) return design;
  if (entity.policies.some((p) => p.id === args.policy.id)) return design;
  if (args.policy.attachment === 'managed' && !findManagedPolicy(design, args.policy.id))
    return design;
  return replaceEntity(design, { ...entity, policies: [...entity.policies, args.policy] });
}

/**
 * Adds a managed policy record (unchanged when its id is taken) and, in the same step,
 * attaches it to `attachTo` or makes it the boundary of `boundaryOf`.
 */
export function addManagedPolicy(
  design: Design,
  args: { policy: ManagedPolicy; attachTo?: EntityId; boundaryOf?: EntityId },
): Design {
  if (findManagedPolicy(design, args.policy.id)) return design;
  let next: Design = { ...design, managedPolicies: [...design.managedPolicies, args.policy] };
  if (args.attachTo !== undefined)
    next = attachManagedPolicy(next, { entityId: args.attachTo, policyId: args.policy.id });
  if (args.boundaryOf !== undefined)
    next = setPermissionsBoundary(next, { entityId: args.boundaryOf, policyId: args.policy.id });
  return next;
}

/** Attaches an existing managed policy to a user, group or role. */
export function attachManagedPolicy(
  design: Design,
  args: { entityId: EntityId; policyId: EntityId },
): Design {
  return addPermissionPolicy(design, {
    entityId: args.entityId,
    policy: { attachment: 'managed', id: args.policyId },
  });
}

/**
 * Removes an identity policy from its holder: an inline policy is gone; a managed policy is
 * detached and, as in IAM, stays in the design until it is deleted (`deleteManagedPolicy`).
 */
export function removePermissionPolicy(
  design: Design,
  args: { entityId: EntityId; policyId: EntityId },
): Design {
  const entity = holderOf(design, args.entityId);
  if (!entity) return design;
  if (!entity.policies.some((p) => p.id === args.policyId)) return design;
  const next = replaceEntity(design, {
    ...entity,
    policies: entity.policies.filter((p) => p.id !== args.policyId),
  });
  return discardDraft(next, {
    entityId: entity.id,
    slot: { kind: 'permission', policyId: args.policyId },
  });
}

/** Changes the name, path or description of a managed policy (for every holder that attaches it). */
export function updateManagedPolicy(
  design: Design,
  args: {
    policyId: EntityId;
    patch: Partial<Pick<ManagedPolicy, 'name' | 'path' | 'description'>>;
  },
): Design {
  const policy = findManagedPolicy(design, args.policyId);
  if (!policy) return design;
  const { name = policy.name, description = policy.description } = args.patch;
  const path = normalisePath(args.patch.path ?? policy.path);
  if (name === policy.name && path === policy.path && description === policy.description)
    return design;
  return replaceManagedPolicy(design, { ...policy, name, path, description });
}

/** Deletes a managed policy: detached from every holder (and boundary), then removed. */
export function deleteManagedPolicy(design: Design, args: { policyId: EntityId }): Design {
  if (!findManagedPolicy(design, args.policyId)) return design;
  let next: Design = {
    ...design,
    managedPolicies: design.managedPolicies.filter((p) => p.id !== args.policyId),
  };
  for (const holder of [...design.users, ...design.groups, ...design.roles]) {
    if (holder.kind !== 'group' && holder.permissionsBoundary === args.policyId)
      next = setPermissionsBoundary(next, { entityId: holder.id, policyId: null });
    if (holder.policies.some((p) => p.id === args.policyId))
      next = removePermissionPolicy(next, { entityId: holder.id, policyId: args.policyId });
  }
  return next;
}

/**
 * Renames an identity policy (a managed one for every holder) or changes how it is attached:
 * inline to managed creates a managed policy from it (in the holder's account, or AWS managed);
 * managed to inline embeds a copy in this holder only; customer and AWS managed switch the record.
 */
export function updatePermissionPolicy(
  design: Design,
  args: {
    entityId: EntityId;
    policyId: EntityId;
    patch: Partial<Pick<PermissionPolicy, 'name' | 'attachment'>>;
  },
  ids: IdSource = newId,
): Design {
  const entity = holderOf(design, args.entityId);
  if (!entity) return design;
  const stored = entity.policies.find((p) => p.id === args.policyId);
  const policy = attachedPolicies(design, entity).find((p) => p.id === args.policyId);
  if (!stored || !policy) return design;
  const { name = policy.name, attachment = policy.attachment } = args.patch;
  if (name === policy.name && attachment === policy.attachment) return design;
  const replace = (next: PolicyAttachment) =>
    replaceEntity(design, {
      ...entity,
      policies: entity.policies.map((p) => (p === stored ? next : p)),
    });
  if (stored.attachment === 'inline') {
    if (attachment === 'inline') return replace({ ...stored, name });
    const managed = makeManagedPolicy(
      { type: attachment, account: entity.account, name, text: stored.text },
      ids,
    );
    const next = replace({ attachment: 'managed', id: managed.id });
    return addManagedPolicy(moveDraft(next, entity.id, stored.id, managed.id), {
      policy: managed,
    });
  }
  const record = policy.managed!;
  if (attachment === 'inline') {
    const inline = { id: ids('policy'), attachment: 'inline' as const, name, text: record.text };
    return moveDraft(replace(inline), entity.id, stored.id, inline.id);
  }
  const patched: ManagedPolicy =
    attachment === 'aws-managed'
      ? { ...record, name, type: attachment, account: undefined }
      : { ...record, name, type: attachment, account: record.account ?? entity.account };
  if (patched.account === undefined) delete patched.account;
  return replaceManagedPolicy(design, patched);
}

/** A draft of one permission slot follows the policy to its new slot id. */
function moveDraft(design: Design, entityId: EntityId, from: EntityId, to: EntityId): Design {
  const key = draftKey(entityId, { kind: 'permission', policyId: from });
  const draft = design.drafts[key];
  if (!draft) return design;
  const drafts = { ...design.drafts };
  delete drafts[key];
  const slot: PolicySlot = { kind: 'permission', policyId: to };
  drafts[draftKey(entityId, slot)] = { ...draft, slot };
  return { ...design, drafts };
}

/** Sets (or with null removes) the permissions boundary of a user or role: a managed policy by id. */
export function setPermissionsBoundary(
  design: Design,
  args: { entityId: EntityId; policyId: EntityId | null },
): Design {
  const entity = findEntity(design, args.entityId);
  if (entity?.kind !== 'user' && entity?.kind !== 'role') return design;
  if (args.policyId !== null && !findManagedPolicy(design, args.policyId)) return design;
  if (entity.permissionsBoundary === args.policyId) return design;
  const next = replaceEntity(design, { ...entity, permissionsBoundary: args.policyId });
  return discardDraft(next, { entityId: entity.id, slot: { kind: 'boundary' } });
}

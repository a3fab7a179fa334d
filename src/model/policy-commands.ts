import type { PolicyType } from '../engine';
import { replaceEntity } from './entity-commands';
import { findEntity } from './lookup';
import { resourceTypes } from './resource-types';
import { draftKey, parsePolicyText } from './policy-text';
import type { Design, Entity, EntityId, PermissionPolicy, PolicySlot, StoredPolicy } from './types';

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
}

/** Every policy slot of an entity, in display order. */
export function policySlots(design: Design, entity: Entity): PolicySlotInfo[] {
  const out: Omit<PolicySlotInfo, 'draft'>[] = [];
  const permissions = (policies: PermissionPolicy[]) => {
    for (const p of policies)
      out.push({
        slot: { kind: 'permission', policyId: p.id },
        label: p.name,
        policyType: 'identity',
        text: p.text,
      });
  };
  const boundary = (policy: PermissionPolicy | null) => {
    if (policy)
      out.push({
        slot: { kind: 'boundary' },
        label: `Boundary: ${policy.name}`,
        policyType: 'boundary',
        text: policy.text,
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
      permissions(entity.policies);
      boundary(entity.permissionsBoundary);
      break;
    case 'user':
      permissions(entity.policies);
      boundary(entity.permissionsBoundary);
      break;
    case 'group':
      permissions(entity.policies);
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
  return replaceEntity(withoutDraft, withSlotText(entity, args.slot, text));
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
      return (entity.kind === 'user' || entity.kind === 'role') && entity.permissionsBoundary
        ? { ...entity, permissionsBoundary: { ...entity.permissionsBoundary, text } }
        : entity;
    case 'permission':
      return entity.kind === 'user' || entity.kind === 'group' || entity.kind === 'role'
        ? { ...entity, policies: setIn(entity.policies, slot.policyId) }
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

/** Attaches an identity policy to a user, group or role. */
export function addPermissionPolicy(
  design: Design,
  args: { entityId: EntityId; policy: PermissionPolicy },
): Design {
  const entity = findEntity(design, args.entityId);
  if (entity?.kind !== 'user' && entity?.kind !== 'group' && entity?.kind !== 'role') return design;
  if (entity.policies.some((p) => p.id === args.policy.id)) return design;
  return replaceEntity(design, { ...entity, policies: [...entity.policies, args.policy] });
}

export function removePermissionPolicy(
  design: Design,
  args: { entityId: EntityId; policyId: EntityId },
): Design {
  const entity = findEntity(design, args.entityId);
  if (entity?.kind !== 'user' && entity?.kind !== 'group' && entity?.kind !== 'role') return design;
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

/** Renames or re-attaches (inline, customer or AWS managed) an identity policy. */
export function updatePermissionPolicy(
  design: Design,
  args: {
    entityId: EntityId;
    policyId: EntityId;
    patch: Partial<Pick<PermissionPolicy, 'name' | 'attachment'>>;
  },
): Design {
  const entity = findEntity(design, args.entityId);
  if (entity?.kind !== 'user' && entity?.kind !== 'group' && entity?.kind !== 'role') return design;
  const policy = entity.policies.find((p) => p.id === args.policyId);
  if (!policy) return design;
  const { name = policy.name, attachment = policy.attachment } = args.patch;
  if (name === policy.name && attachment === policy.attachment) return design;
  const policies = entity.policies.map((p) => (p === policy ? { ...p, name, attachment } : p));
  return replaceEntity(design, { ...entity, policies });
}

/** Sets (or with null removes) the permissions boundary of a user or role. */
export function setPermissionsBoundary(
  design: Design,
  args: { entityId: EntityId; policy: PermissionPolicy | null },
): Design {
  const entity = findEntity(design, args.entityId);
  if (entity?.kind !== 'user' && entity?.kind !== 'role') return design;
  const next = replaceEntity(design, { ...entity, permissionsBoundary: args.policy });
  return args.policy
    ? next
    : discardDraft(next, { entityId: entity.id, slot: { kind: 'boundary' } });
}

// Adapter between the store and the policy tabs: the inspected entity's policies, edited
// through the model's `setPolicyText` (valid JSON commits; anything else is kept as a draft).
import { useCallback } from 'react';
import {
  displayName,
  draftKey,
  findEntity,
  policySlots,
  setPolicyText,
  type Entity,
  type EntityId,
  type PolicySlotInfo,
} from '../model';
import { rolecraftStore, selectApply, selectDesign, useRolecraft } from '../store';
import { designEntities } from './design-entities';
import { PolicyTabs, type PolicyTab } from './PolicyTabs';

function tabLabel(entity: Entity, info: PolicySlotInfo): string {
  if (info.slot.kind === 'boundary') return 'Permissions boundary';
  if (info.slot.kind === 'permission' && 'policies' in entity) {
    const { policyId } = info.slot;
    const policy = entity.policies.find((p) => p.id === policyId);
    if (policy) return `${policy.name} (${policy.attachment === 'inline' ? 'inline' : 'managed'})`;
  }
  return info.label;
}

export interface EntityPolicyEditorProps {
  entityId: EntityId;
  /** More policies to edit beside the entity's own (the session policy of a simulation). */
  extraTabs?: readonly PolicyTab[];
}

export function EntityPolicyEditor({ entityId, extraTabs = [] }: EntityPolicyEditorProps) {
  const design = useRolecraft(selectDesign);
  const apply = useRolecraft(selectApply);
  const entities = useCallback(() => designEntities(rolecraftStore.getState().design), []);
  const entity = findEntity(design, entityId);
  if (!entity) return null;
  const tabs: PolicyTab[] = policySlots(design, entity).map((info) => ({
    key: draftKey(entityId, info.slot),
    label: tabLabel(entity, info),
    policyType: info.policyType,
    text: info.draft ?? info.text,
    onChange: (text) => apply(setPolicyText, { entityId, slot: info.slot, text }),
    optional: info.slot.kind === 'resource',
  }));
  tabs.push(...extraTabs);
  if (tabs.length === 0)
    return <p className="text-sm text-slate-500 dark:text-slate-400">No policies.</p>;
  return (
    <PolicyTabs tabs={tabs} entities={entities} label={`Policies of ${displayName(entity)}`} />
  );
}

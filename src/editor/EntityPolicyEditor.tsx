// Adapter between the store and the policy tabs: the inspected entity's policies, edited
// through the model's `setPolicyText` (valid JSON commits; anything else is kept as a draft).
import { useCallback, useEffect, useMemo } from 'react';
import {
  displayName,
  draftKey,
  findEntity,
  policySlots,
  setPolicyText,
  type Entity,
  type EntityId,
  type PolicySlot,
  type PolicySlotInfo,
} from '../model';
import {
  selectApply,
  selectDesign,
  useRolecraft,
  useRolecraftStore,
  type PolicyReveal,
  type RolecraftState,
} from '../store';
import { designEntities } from './design-entities';
import { PolicyTabs, type PolicyTab } from './PolicyTabs';
import type { TabReveal } from './reveal';

const selectPolicyReveal = (s: RolecraftState) => s.policyReveal;
const selectClearPolicyReveal = (s: RolecraftState) => s.clearPolicyReveal;

function tabReveal(request: PolicyReveal): TabReveal {
  const reveal: TabReveal = {
    key: draftKey(request.entityId, request.slot),
    nonce: request.nonce,
    focus: request.focus,
  };
  if (request.range) reveal.range = request.range;
  if (request.text !== undefined) reveal.text = request.text;
  return reveal;
}

function tabLabel(entity: Entity, info: PolicySlotInfo): string {
  if (info.slot.kind === 'boundary') return 'Permissions boundary';
  if (info.slot.kind === 'permission' && 'policies' in entity)
    return `${info.label} (${info.managed ? 'managed' : 'inline'})`;
  return info.label;
}

export interface EntityPolicyEditorProps {
  entityId: EntityId;
  /** More policies to edit beside the entity's own (the session policy of a simulation). */
  extraTabs?: readonly PolicyTab[];
  /**
   * Which of its policies get a tab (all of them without it): an account shows the managed
   * policies its list opened, not every one it holds.
   */
  showSlot?: (slot: PolicySlot) => boolean;
  /** Each new value opens the editor large (see `PolicyTabs`). */
  expandRequest?: number;
}

export function EntityPolicyEditor({
  entityId,
  extraTabs = [],
  showSlot,
  expandRequest,
}: EntityPolicyEditorProps) {
  const design = useRolecraft(selectDesign);
  const apply = useRolecraft(selectApply);
  const store = useRolecraftStore();
  const entities = useCallback(() => designEntities(store.getState().design), [store]);
  const request = useRolecraft(selectPolicyReveal);
  const clearReveal = useRolecraft(selectClearPolicyReveal);
  const entity = findEntity(design, entityId);
  const all = entity ? policySlots(design, entity) : [];
  const slots = showSlot ? all.filter((info) => showSlot(info.slot)) : all;
  const slotKeys = slots.map((info) => draftKey(entityId, info.slot)).join('\n');
  const reveal = useMemo(
    () => (request?.entityId === entityId ? tabReveal(request) : undefined),
    [request, entityId],
  );
  // A request for another entity, or for a policy this one no longer has, is out of date: the
  // simulation selects the entity before it asks, so this editor is the one meant to show it.
  useEffect(() => {
    if (request && (!reveal || !slotKeys.split('\n').includes(reveal.key)))
      clearReveal(request.nonce);
  }, [request, reveal, slotKeys, clearReveal]);
  if (!entity) return null;
  const tabs: PolicyTab[] = slots.map((info) => ({
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
    <PolicyTabs
      tabs={tabs}
      entities={entities}
      label={`Policies of ${displayName(entity)}`}
      {...(reveal ? { reveal } : {})}
      onRevealed={clearReveal}
      {...(expandRequest !== undefined ? { expandRequest } : {})}
    />
  );
}

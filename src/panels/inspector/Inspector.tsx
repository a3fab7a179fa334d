import { useState } from 'react';
import { findEntity, policySlots, type EntityId, type PolicySlot } from '../../model';
import {
  selectDesignContent,
  selectInspected,
  selectSelectedEdgeIds,
  selectSelectedIds,
  useRolecraft,
} from '../../store';
import { EdgeDetails } from './EdgeDetails';
import { EntityFields } from './EntityFields';
import { EntityPolicyEditor } from '../../editor';
import { PanelBoundary } from '../PanelBoundary';
import { TrustList } from './TrustList';
import { PoliciesSection } from './PoliciesSection';
import { OrganizationSection } from './OrganizationSection';
import { ManagedPoliciesList } from './ManagedPoliciesList';
import { smallButtonClass } from './controls';

/** The managed policies an account's list opened as tabs of its editor. */
interface OpenedManaged {
  account: EntityId;
  ids: readonly EntityId[];
}

/** Details of the selection: fields to edit, who may assume a role, and its policies. */
export function Inspector() {
  const design = useRolecraft(selectDesignContent);
  const entity = useRolecraft(selectInspected);
  const selectedIds = useRolecraft(selectSelectedIds);
  const selectedEdgeIds = useRolecraft(selectSelectedEdgeIds);
  const others = selectedIds.filter((id) => id !== entity?.id && findEntity(design, id));
  const [opened, setOpened] = useState<OpenedManaged>();
  const openedIds = opened && opened.account === entity?.id ? opened.ids : [];
  // An account's editor shows its SCPs and RCPs, and of its managed policies the opened ones.
  const showSlot =
    entity?.kind === 'account'
      ? (slot: PolicySlot) => slot.kind !== 'permission' || openedIds.includes(slot.policyId)
      : undefined;
  const openManaged = (account: EntityId) => (policyId: EntityId) =>
    setOpened({
      account,
      ids: openedIds.includes(policyId) ? openedIds : [...openedIds, policyId],
    });
  // The inline editor sits below the entity's fields (below the fold at 1280x720): the
  // header, always in view, opens it large.
  const [expandRequest, setExpandRequest] = useState(0);
  const hasPolicies =
    entity !== undefined &&
    policySlots(design, entity).some((info) => showSlot?.(info.slot) ?? true);
  return (
    <section
      aria-label="Inspector"
      className="flex w-full min-w-0 flex-col overflow-y-auto border-l border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="sticky top-0 z-10 flex items-center justify-between gap-2 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-700 dark:bg-slate-900">
        <h2 className="text-sm font-semibold">Inspector</h2>
        {hasPolicies && (
          <button
            type="button"
            className={smallButtonClass}
            title={`Open the policies of ${entity.name} in the large editor`}
            onClick={() => setExpandRequest((n) => n + 1)}
          >
            Edit policies
          </button>
        )}
      </div>
      <div className="space-y-4 p-4">
        {entity ? (
          <>
            {others.length > 0 && (
              <p className="text-xs text-slate-500 dark:text-slate-400">
                {others.length + 1} selected; showing {entity.name}.
              </p>
            )}
            <EntityFields key={entity.id} design={design} entity={entity} />
            {entity.kind === 'role' && <TrustList design={design} role={entity} />}
            {entity.kind === 'account' && <OrganizationSection account={entity} />}
            <section aria-label="Policies" className="space-y-2">
              <h3 className="text-xs font-semibold text-slate-700 dark:text-slate-200">Policies</h3>
              {(entity.kind === 'user' || entity.kind === 'group' || entity.kind === 'role') && (
                <PoliciesSection entity={entity} />
              )}
              {entity.kind === 'account' && (
                <ManagedPoliciesList account={entity} onOpen={openManaged(entity.id)} />
              )}
              <PanelBoundary name="policy editor" id="editor">
                <EntityPolicyEditor
                  entityId={entity.id}
                  expandRequest={expandRequest}
                  {...(showSlot ? { showSlot } : {})}
                />
              </PanelBoundary>
            </section>
          </>
        ) : selectedEdgeIds[0] ? (
          <EdgeDetails design={design} edgeId={selectedEdgeIds[0]} />
        ) : (
          <p className="text-sm text-slate-500 dark:text-slate-400">
            Select a node to see its details. Drag from a node’s bottom handle to a role’s top
            handle to let it assume the role.
          </p>
        )}
      </div>
    </section>
  );
}

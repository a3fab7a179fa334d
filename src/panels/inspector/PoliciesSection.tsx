import { useRef, useState } from 'react';
import {
  addPermissionPolicy,
  isValidIamPolicyName,
  makePolicy,
  NEW_PERMISSION_POLICY_TEXT,
  OPEN_BOUNDARY_TEXT,
  removePermissionPolicy,
  setPermissionsBoundary,
  uniqueName,
  updatePermissionPolicy,
  type Group,
  type PermissionPolicy,
  type Role,
  type User,
} from '../../model';
import { selectApply, useRolecraft } from '../../store';
import { useConfirmRemove } from './ConfirmRemoveDialog';
import { NameField } from './NameField';
import {
  noteClass,
  quietButtonClass,
  removeButtonClass,
  selectClass,
  smallButtonClass,
} from './controls';
import { useRevealPolicy } from './useRevealPolicy';

type Holder = User | Group | Role;

const attachments: { value: PermissionPolicy['attachment']; label: string }[] = [
  { value: 'inline', label: 'Inline policy' },
  { value: 'customer-managed', label: 'Customer managed policy' },
  { value: 'aws-managed', label: 'AWS managed policy' },
];

const NAME_RULE = 'use 1 to 128 letters, digits or +=,.@_-';

/**
 * The permission policies of a user, group or role, and its permissions boundary: add, name,
 * attach as inline or managed, and remove them. Their text is edited in the tabs below; a
 * policy added here opens in its tab.
 */
export function PoliciesSection({ entity }: { entity: Holder }) {
  const apply = useRolecraft(selectApply);
  const reveal = useRevealPolicy(entity.id);
  const addInline = useRef<HTMLButtonElement>(null);
  const { ask, dialog } = useConfirmRemove(addInline);
  const [announcement, setAnnouncement] = useState('');
  const boundary = entity.kind === 'group' ? undefined : entity.permissionsBoundary;
  const names = entity.policies.map((p) => p.name);

  const add = (attachment: PermissionPolicy['attachment']) => {
    const base = attachment === 'inline' ? 'InlinePolicy' : 'ManagedPolicy';
    const policy = makePolicy({
      name: uniqueName(base, names),
      attachment,
      text: NEW_PERMISSION_POLICY_TEXT,
    });
    apply(addPermissionPolicy, { entityId: entity.id, policy });
    reveal({ kind: 'permission', policyId: policy.id });
    setAnnouncement(`Added policy ${policy.name}; it is open in the editor below.`);
  };

  const nameProblem = (policyId: string) => (name: string) => {
    if (!isValidIamPolicyName(name)) return `a policy name must ${NAME_RULE}`;
    if (entity.policies.some((p) => p.id !== policyId && p.name === name))
      return `${entity.name} already has a policy named ${name}`;
    return undefined;
  };

  return (
    <div className="space-y-2">
      <ul aria-label={`Permission policies of ${entity.name}`} className="space-y-1.5">
        {entity.policies.map((policy) => (
          <li
            key={policy.id}
            className="space-y-1 rounded border border-slate-200 p-1.5 dark:border-slate-700"
          >
            <div className="flex items-start gap-1">
              <NameField
                label={`Name of policy ${policy.name}`}
                value={policy.name}
                problem={nameProblem(policy.id)}
                onCommit={(name) =>
                  apply(updatePermissionPolicy, {
                    entityId: entity.id,
                    policyId: policy.id,
                    patch: { name },
                  })
                }
              />
              <button
                type="button"
                className={quietButtonClass}
                aria-label={`Edit policy ${policy.name}`}
                onClick={() => reveal({ kind: 'permission', policyId: policy.id }, true)}
              >
                Edit
              </button>
              <button
                type="button"
                className={removeButtonClass}
                aria-label={`Remove policy ${policy.name}`}
                onClick={() =>
                  ask({
                    title: `Remove policy ${policy.name}?`,
                    details: [
                      `${entity.name} loses what ${policy.name} allows or denies, and its text goes with it.`,
                    ],
                    onConfirm: () => {
                      apply(removePermissionPolicy, { entityId: entity.id, policyId: policy.id });
                      setAnnouncement(`Removed policy ${policy.name}.`);
                    },
                  })
                }
              >
                Remove
              </button>
            </div>
            <select
              aria-label={`Attachment of policy ${policy.name}`}
              className={selectClass}
              value={policy.attachment}
              onChange={(e) =>
                apply(updatePermissionPolicy, {
                  entityId: entity.id,
                  policyId: policy.id,
                  patch: { attachment: e.target.value as PermissionPolicy['attachment'] },
                })
              }
            >
              {attachments.map((a) => (
                <option key={a.value} value={a.value}>
                  {a.label}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
      {entity.policies.length === 0 && (
        <p className={noteClass}>
          {entity.kind === 'group'
            ? 'No permission policy: its members get nothing from this group.'
            : `No permission policy: ${entity.name} may do nothing by itself.`}
        </p>
      )}
      <div className="flex flex-wrap gap-1.5">
        <button
          ref={addInline}
          type="button"
          className={smallButtonClass}
          onClick={() => add('inline')}
        >
          Add inline policy
        </button>
        <button type="button" className={smallButtonClass} onClick={() => add('customer-managed')}>
          Add managed policy
        </button>
      </div>
      {entity.kind !== 'group' && (
        <BoundaryControls
          entity={entity}
          boundary={boundary ?? null}
          onAdd={() => {
            apply(setPermissionsBoundary, {
              entityId: entity.id,
              policy: makePolicy({
                name: 'PermissionsBoundary',
                attachment: 'customer-managed',
                text: OPEN_BOUNDARY_TEXT,
              }),
            });
            reveal({ kind: 'boundary' });
            setAnnouncement('Added a permissions boundary; it is open in the editor below.');
          }}
          onEdit={() => reveal({ kind: 'boundary' }, true)}
          onRemove={(policy) =>
            ask({
              title: 'Remove permissions boundary?',
              details: [
                `${entity.name} is no longer limited by ${policy.name}, and its text goes with it.`,
              ],
              onConfirm: () => {
                apply(setPermissionsBoundary, { entityId: entity.id, policy: null });
                setAnnouncement('Removed the permissions boundary.');
              },
            })
          }
        />
      )}
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {dialog}
    </div>
  );
}

interface BoundaryControlsProps {
  entity: User | Role;
  boundary: PermissionPolicy | null;
  onAdd: () => void;
  onEdit: () => void;
  onRemove: (boundary: PermissionPolicy) => void;
}

function BoundaryControls({ entity, boundary, onAdd, onEdit, onRemove }: BoundaryControlsProps) {
  const apply = useRolecraft(selectApply);
  if (!boundary)
    return (
      <div className="flex flex-wrap items-center gap-1.5">
        <button type="button" className={smallButtonClass} onClick={onAdd}>
          Add permissions boundary
        </button>
      </div>
    );
  return (
    <div className="space-y-1 rounded border border-slate-200 p-1.5 dark:border-slate-700">
      <div className="text-xs font-medium text-slate-600 dark:text-slate-300">
        Permissions boundary (managed policy)
      </div>
      <div className="flex flex-wrap items-start gap-1">
        <NameField
          label="Name of permissions boundary"
          value={boundary.name}
          problem={(name) =>
            isValidIamPolicyName(name) ? undefined : `a policy name must ${NAME_RULE}`
          }
          onCommit={(name) =>
            apply(setPermissionsBoundary, { entityId: entity.id, policy: { ...boundary, name } })
          }
        />
        <button
          type="button"
          className={quietButtonClass}
          aria-label="Edit permissions boundary"
          onClick={onEdit}
        >
          Edit
        </button>
        <button
          type="button"
          className={removeButtonClass}
          aria-label="Remove permissions boundary"
          onClick={() => onRemove(boundary)}
        >
          Remove
        </button>
      </div>
    </div>
  );
}

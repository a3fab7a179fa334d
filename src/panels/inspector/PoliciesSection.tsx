import { useRef, useState } from 'react';
import {
  addManagedPolicy,
  addPermissionPolicy,
  attachableManagedPolicies,
  attachedPolicies,
  attachersOf,
  attachManagedPolicy,
  boundaryPolicy,
  deleteManagedPolicy,
  isValidIamPolicyName,
  makeManagedPolicy,
  makePolicy,
  NEW_PERMISSION_POLICY_TEXT,
  OPEN_BOUNDARY_TEXT,
  removePermissionPolicy,
  setPermissionsBoundary,
  uniqueName,
  updateManagedPolicy,
  updatePermissionPolicy,
  type Design,
  type Group,
  type ManagedPolicy,
  type PermissionPolicy,
  type Role,
  type User,
} from '../../model';
import { selectApply, selectDesignContent, useRolecraft } from '../../store';
import { Combobox } from '../ui/Combobox';
import { useConfirmRemove } from './ConfirmRemoveDialog';
import { GrantForm } from './GrantForm';
import { NameField } from './NameField';
import {
  noteClass,
  pickerInputClass,
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

/** `attached to 3 principals`: how many users, groups and roles share a managed policy. */
function sharedNote(design: Design, policy: ManagedPolicy): string {
  const n = attachersOf(design, policy.id).length;
  const kind = policy.type === 'aws-managed' ? 'AWS managed' : 'Customer managed';
  return `${kind}, attached to ${n} principal${n === 1 ? '' : 's'}: edits apply to all of them`;
}

/** Customer-managed names are unique in an account (AWS managed ones are AWS's). */
function managedNameProblem(
  design: Design,
  account: string,
  policyId: string,
  name: string,
): string | undefined {
  if (!isValidIamPolicyName(name)) return `a policy name must ${NAME_RULE}`;
  const clash = design.managedPolicies.find(
    (p) =>
      p.id !== policyId &&
      p.type === 'customer-managed' &&
      p.account === account &&
      p.name.toLowerCase() === name.toLowerCase(),
  );
  return clash ? `the account already has a managed policy named ${clash.name}` : undefined;
}

/**
 * The permission policies of a user, group or role, and its permissions boundary: add, name,
 * attach as inline or managed, attach an existing managed policy, detach and remove them. A
 * managed policy is one record shared by every principal that attaches it. Their text is
 * edited in the tabs below; a policy added here opens in its tab.
 */
export function PoliciesSection({ entity }: { entity: Holder }) {
  const apply = useRolecraft(selectApply);
  const design = useRolecraft(selectDesignContent);
  const reveal = useRevealPolicy(entity.id);
  const addInline = useRef<HTMLButtonElement>(null);
  const { ask, dialog } = useConfirmRemove(addInline);
  const [announcement, setAnnouncement] = useState('');
  const boundary = entity.kind === 'group' ? undefined : boundaryPolicy(design, entity);
  const policies = attachedPolicies(design, entity);
  const names = policies.map((p) => p.name);
  const attachable = attachableManagedPolicies(design, entity.account).filter(
    (p) => !policies.some((q) => q.id === p.id),
  );

  const add = (attachment: PermissionPolicy['attachment']) => {
    if (attachment === 'inline') {
      const policy = makePolicy({
        name: uniqueName('InlinePolicy', names),
        text: NEW_PERMISSION_POLICY_TEXT,
      });
      apply(addPermissionPolicy, { entityId: entity.id, policy });
      reveal({ kind: 'permission', policyId: policy.id });
      setAnnouncement(`Added policy ${policy.name}; it is open in the editor below.`);
      return;
    }
    const taken = design.managedPolicies
      .filter((p) => p.type === 'customer-managed' && p.account === entity.account)
      .map((p) => p.name);
    const policy = makeManagedPolicy({
      type: 'customer-managed',
      account: entity.account,
      name: uniqueName('ManagedPolicy', [...names, ...taken]),
      text: NEW_PERMISSION_POLICY_TEXT,
    });
    apply(addManagedPolicy, { policy, attachTo: entity.id });
    reveal({ kind: 'permission', policyId: policy.id });
    setAnnouncement(`Added managed policy ${policy.name}; it is open in the editor below.`);
  };

  const nameProblem = (policy: PermissionPolicy) => (name: string) => {
    if (policy.managed?.type === 'customer-managed')
      return managedNameProblem(design, entity.account, policy.id, name);
    if (!isValidIamPolicyName(name)) return `a policy name must ${NAME_RULE}`;
    if (policies.some((p) => p.id !== policy.id && p.name === name))
      return `${entity.name} already has a policy named ${name}`;
    return undefined;
  };

  return (
    <div className="space-y-2">
      <ul aria-label={`Permission policies of ${entity.name}`} className="space-y-1.5">
        {policies.map((policy) => (
          <li
            key={policy.id}
            className="space-y-1 rounded border border-slate-200 p-1.5 dark:border-slate-700"
          >
            <div className="flex items-start gap-1">
              <NameField
                label={`Name of policy ${policy.name}`}
                value={policy.name}
                problem={nameProblem(policy)}
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
                aria-label={`${policy.managed ? 'Detach' : 'Remove'} policy ${policy.name}`}
                onClick={() =>
                  ask({
                    title: `${policy.managed ? 'Detach' : 'Remove'} policy ${policy.name}?`,
                    confirm: policy.managed ? 'Detach' : 'Remove',
                    details: [
                      policy.managed
                        ? `${entity.name} loses what ${policy.name} allows or denies; the managed policy stays in the design for the others and to attach again.`
                        : `${entity.name} loses what ${policy.name} allows or denies, and its text goes with it.`,
                    ],
                    onConfirm: () => {
                      apply(removePermissionPolicy, { entityId: entity.id, policyId: policy.id });
                      setAnnouncement(
                        `${policy.managed ? 'Detached' : 'Removed'} policy ${policy.name}.`,
                      );
                    },
                  })
                }
              >
                {policy.managed ? 'Detach' : 'Remove'}
              </button>
            </div>
            {policy.managed && (
              <div className="flex flex-wrap items-center gap-1">
                <p className={noteClass}>{sharedNote(design, policy.managed)}</p>
                <button
                  type="button"
                  className={removeButtonClass}
                  aria-label={`Delete managed policy ${policy.name}`}
                  onClick={() => {
                    const n = attachersOf(design, policy.id).length;
                    ask({
                      title: `Delete managed policy ${policy.name}?`,
                      confirm: 'Delete',
                      details: [
                        `It is detached from ${n} principal${n === 1 ? '' : 's'} and its text goes with it.`,
                      ],
                      onConfirm: () => {
                        apply(deleteManagedPolicy, { policyId: policy.id });
                        setAnnouncement(`Deleted managed policy ${policy.name}.`);
                      },
                    });
                  }}
                >
                  Delete
                </button>
              </div>
            )}
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
      {policies.length === 0 && (
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
        {attachable.length > 0 && (
          <ManagedPolicyPicker
            label={`Attach an existing managed policy to ${entity.name}`}
            placeholder="Attach existing…"
            policies={attachable}
            describe={(p) => `${p.name} (${attachersOf(design, p.id).length} attached)`}
            onPick={(policy) => {
              apply(attachManagedPolicy, { entityId: entity.id, policyId: policy.id });
              setAnnouncement(`Attached managed policy ${policy.name}.`);
            }}
          />
        )}
      </div>
      <GrantForm entity={entity} />
      {entity.kind !== 'group' && (
        <BoundaryControls
          entity={entity}
          boundary={boundary ?? null}
          onAdd={() => {
            const taken = design.managedPolicies
              .filter((p) => p.type === 'customer-managed' && p.account === entity.account)
              .map((p) => p.name);
            apply(addManagedPolicy, {
              policy: makeManagedPolicy({
                type: 'customer-managed',
                account: entity.account,
                name: uniqueName('PermissionsBoundary', taken),
                text: OPEN_BOUNDARY_TEXT,
              }),
              boundaryOf: entity.id,
            });
            reveal({ kind: 'boundary' });
            setAnnouncement('Added a permissions boundary; it is open in the editor below.');
          }}
          onUse={(policy) => {
            apply(setPermissionsBoundary, { entityId: entity.id, policyId: policy.id });
            setAnnouncement(`${policy.name} is now the permissions boundary.`);
          }}
          onEdit={() => reveal({ kind: 'boundary' }, true)}
          onRemove={(policy) =>
            ask({
              title: 'Remove permissions boundary?',
              details: [
                `${entity.name} is no longer limited by ${policy.name}; the managed policy stays in the design.`,
              ],
              onConfirm: () => {
                apply(setPermissionsBoundary, { entityId: entity.id, policyId: null });
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

/** One of the design's managed policies, picked from a searchable list (an organization has hundreds). */
function ManagedPolicyPicker({
  label,
  placeholder,
  policies,
  describe,
  onPick,
}: {
  label: string;
  placeholder: string;
  policies: readonly ManagedPolicy[];
  describe: (policy: ManagedPolicy) => string;
  onPick: (policy: ManagedPolicy) => void;
}) {
  const options = policies.map((p) => ({ value: p.id, label: describe(p) }));
  return (
    <Combobox
      label={label}
      hideLabel
      className="w-52 max-w-full"
      inputClassName={pickerInputClass}
      value=""
      options={options}
      onChange={(id) => {
        const policy = policies.find((p) => p.id === id);
        if (policy) onPick(policy);
      }}
      placeholder={placeholder}
    />
  );
}

interface BoundaryControlsProps {
  entity: User | Role;
  boundary: ManagedPolicy | null;
  onAdd: () => void;
  onUse: (policy: ManagedPolicy) => void;
  onEdit: () => void;
  onRemove: (boundary: ManagedPolicy) => void;
}

function BoundaryControls({
  entity,
  boundary,
  onAdd,
  onUse,
  onEdit,
  onRemove,
}: BoundaryControlsProps) {
  const apply = useRolecraft(selectApply);
  const design = useRolecraft(selectDesignContent);
  if (!boundary) {
    const usable = attachableManagedPolicies(design, entity.account);
    return (
      <div className="flex flex-wrap items-center gap-1.5">
        <button type="button" className={smallButtonClass} onClick={onAdd}>
          Add permissions boundary
        </button>
        {usable.length > 0 && (
          <ManagedPolicyPicker
            label={`Use an existing managed policy as boundary of ${entity.name}`}
            placeholder="Use existing as boundary…"
            policies={usable}
            describe={(p) => p.name}
            onPick={onUse}
          />
        )}
      </div>
    );
  }
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
            boundary.type === 'customer-managed'
              ? managedNameProblem(design, entity.account, boundary.id, name)
              : isValidIamPolicyName(name)
                ? undefined
                : `a policy name must ${NAME_RULE}`
          }
          onCommit={(name) =>
            apply(updateManagedPolicy, { policyId: boundary.id, patch: { name } })
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
      <p className={noteClass}>{sharedNote(design, boundary)}</p>
    </div>
  );
}

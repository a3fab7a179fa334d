import { useId, useRef, useState } from 'react';
import {
  addOrganizationPolicy,
  addOrganizationUnit,
  isValidOrganizationName,
  joinOrganization,
  leaveOrganization,
  makeOrganizationLevel,
  makeOrganizationPath,
  makeStoredPolicy,
  NEW_RCP_TEXT,
  NEW_SCP_TEXT,
  removeOrganizationPolicy,
  removeOrganizationUnit,
  renameOrganizationLevel,
  renameOrganizationPolicy,
  uniqueName,
  type Account,
  type OrganizationLevel,
  type OrganizationPolicyKind,
} from '../../model';
import { selectApply, useRolecraft } from '../../store';
import { useConfirmRemove } from './ConfirmRemoveDialog';
import { OrganizationLevelItem, type LevelActions } from './OrganizationLevelItem';
import { compactInputClass, noteClass, removeButtonClass, smallButtonClass } from './controls';
import { useRevealPolicy } from './useRevealPolicy';

const newPolicy = {
  scp: { name: 'DenyLeaveOrganization', text: NEW_SCP_TEXT },
  rcp: { name: 'EnforceSecureTransport', text: NEW_RCP_TEXT },
} as const;

const policyWord: Record<OrganizationPolicyKind, string> = { scp: 'SCP', rcp: 'RCP' };

/**
 * An account's place in AWS Organizations: join (root and account levels, each with
 * FullAWSAccess as AWS attaches it), OUs between them, and the SCPs and RCPs of every level.
 * Their text is edited in the policy tabs below.
 */
export function OrganizationSection({ account }: { account: Account }) {
  const apply = useRolecraft(selectApply);
  const reveal = useRevealPolicy(account.id);
  const heading = useRef<HTMLHeadingElement>(null);
  const { ask, dialog } = useConfirmRemove(heading);
  const [announcement, setAnnouncement] = useState('');
  const levels = account.organization;
  const accountId = account.id;
  const nameOf = (level: OrganizationLevel) =>
    level.kind === 'account' ? account.name : level.name;

  const actionsFor = (level: OrganizationLevel): LevelActions => {
    const levelName = nameOf(level);
    const levelId = level.id;
    return {
      rename: (name) => apply(renameOrganizationLevel, { accountId, levelId, name }),
      removeLevel: () =>
        ask({
          title: `Remove OU ${levelName}?`,
          details: [
            `${account.name} moves up to the level above, and the SCPs and RCPs of ${levelName} no longer apply to it.`,
          ],
          onConfirm: () => {
            apply(removeOrganizationUnit, { accountId, levelId });
            setAnnouncement(`Removed OU ${levelName}.`);
          },
        }),
      addPolicy: (kind) => {
        const taken = (kind === 'scp' ? level.scps : level.rcps).map((p) => p.name);
        const policy = makeStoredPolicy({
          name: uniqueName(newPolicy[kind].name, taken),
          text: newPolicy[kind].text,
        });
        apply(addOrganizationPolicy, { accountId, levelId, kind, policy });
        reveal({ kind, levelId, policyId: policy.id });
        setAnnouncement(
          `Added ${policyWord[kind]} ${policy.name} to ${levelName}; it is open in the editor below.`,
        );
      },
      renamePolicy: (kind, policy, name) =>
        apply(renameOrganizationPolicy, { accountId, levelId, kind, policyId: policy.id, name }),
      editPolicy: (kind, policy) => reveal({ kind, levelId, policyId: policy.id }, true),
      removePolicy: (kind, policy) => {
        const lastScp = kind === 'scp' && level.scps.length === 1;
        ask({
          title: `Remove ${policyWord[kind]} ${policy.name} from ${levelName}?`,
          details: [
            `Its text goes with it.`,
            ...(lastScp
              ? [
                  `${levelName} is left without an SCP: nothing is allowed there, so every action of ${account.name} is denied.`,
                ]
              : []),
          ],
          onConfirm: () => {
            apply(removeOrganizationPolicy, { accountId, levelId, kind, policyId: policy.id });
            setAnnouncement(`Removed ${policyWord[kind]} ${policy.name} from ${levelName}.`);
          },
        });
      },
    };
  };

  return (
    <section aria-label="Organization" className="space-y-2">
      <h3
        ref={heading}
        tabIndex={-1}
        className="text-xs font-semibold text-slate-700 focus:outline-none dark:text-slate-200"
      >
        Organization
      </h3>
      {!levels ? (
        <>
          <p className={noteClass}>
            Not in an AWS Organization: no SCP or RCP limits what its principals may do.
          </p>
          <button
            type="button"
            className={smallButtonClass}
            onClick={() => {
              apply(joinOrganization, {
                accountId,
                organization: makeOrganizationPath(account.name),
              });
              setAnnouncement(
                `${account.name} is in an organization: root and account levels with FullAWSAccess.`,
              );
            }}
          >
            Add to organization
          </button>
        </>
      ) : (
        <>
          <p className={noteClass}>
            Every level from the root down must allow an action through an SCP; a Deny in any SCP or
            RCP refuses it. AWS keeps RCPFullAWSAccess on every level.
          </p>
          <ol aria-label={`Organization path of ${account.name}`} className="space-y-1.5">
            {levels.map((level) => (
              <OrganizationLevelItem
                key={level.id}
                level={level}
                name={nameOf(level)}
                actions={actionsFor(level)}
              />
            ))}
          </ol>
          <AddOuForm
            onAdd={(name) => {
              apply(addOrganizationUnit, {
                accountId,
                level: makeOrganizationLevel({ name, kind: 'ou' }),
              });
              setAnnouncement(`Added OU ${name} above ${account.name}, with FullAWSAccess.`);
            }}
            taken={levels.map((l) => l.name)}
          />
          <button
            type="button"
            className={removeButtonClass}
            onClick={() =>
              ask({
                title: `Remove ${account.name} from the organization?`,
                details: [
                  `Its path (${levels.map(nameOf).join(' → ')}) goes, with every SCP and RCP on it.`,
                ],
                onConfirm: () => {
                  apply(leaveOrganization, { accountId });
                  setAnnouncement(`${account.name} left the organization.`);
                },
              })
            }
          >
            Remove from organization
          </button>
        </>
      )}
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {dialog}
    </section>
  );
}

function AddOuForm({ onAdd, taken }: { onAdd: (name: string) => void; taken: string[] }) {
  const inputId = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = () => {
    const chosen = name.trim() === '' ? uniqueName('NewOU', taken) : name.trim();
    if (!isValidOrganizationName(chosen)) {
      setError('an OU name has 1 to 128 characters');
      return;
    }
    setError(undefined);
    setName('');
    onAdd(chosen);
  };
  return (
    <div className="space-y-0.5">
      <div className="flex items-center gap-1.5">
        <label htmlFor={inputId} className="sr-only">
          Name of the new OU
        </label>
        <input
          id={inputId}
          className={compactInputClass}
          placeholder="OU name, e.g. Workloads"
          value={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && submit()}
        />
        <button type="button" className={smallButtonClass} onClick={submit}>
          Add OU
        </button>
      </div>
      {error && (
        <p id={`${inputId}-error`} role="alert" className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}

import {
  isValidOrganizationName,
  type OrganizationLevel,
  type OrganizationPolicyKind,
  type StoredPolicy,
} from '../../model';
import { NameField } from './NameField';
import { quietButtonClass, removeButtonClass, smallButtonClass } from './controls';

const kindWord: Record<OrganizationLevel['kind'], string> = {
  root: 'Root',
  ou: 'OU',
  account: 'Account',
};

const policyWord: Record<OrganizationPolicyKind, string> = { scp: 'SCP', rcp: 'RCP' };

export interface LevelActions {
  rename: (name: string) => void;
  removeLevel: () => void;
  addPolicy: (kind: OrganizationPolicyKind) => void;
  renamePolicy: (kind: OrganizationPolicyKind, policy: StoredPolicy, name: string) => void;
  editPolicy: (kind: OrganizationPolicyKind, policy: StoredPolicy) => void;
  removePolicy: (kind: OrganizationPolicyKind, policy: StoredPolicy) => void;
}

const nameProblem =
  (taken: string[], what: string) =>
  (name: string): string | undefined => {
    if (!isValidOrganizationName(name)) return `a name has 1 to 128 characters`;
    if (taken.includes(name)) return `this level already has ${what} named ${name}`;
    return undefined;
  };

/**
 * One level of an organization path (root, OU or the account): its name, its SCPs and RCPs,
 * and the buttons to add and remove them.
 */
export function OrganizationLevelItem({
  level,
  name,
  actions,
}: {
  level: OrganizationLevel;
  /** What to call the level (the account level goes by the account's name). */
  name: string;
  actions: LevelActions;
}) {
  const kind = kindWord[level.kind];
  const label = kind === name ? kind : `${kind} ${name}`;
  return (
    <li
      aria-label={label}
      className="space-y-1.5 rounded border border-slate-200 p-2 dark:border-slate-700"
    >
      <div className="flex items-start gap-1.5">
        <span className="shrink-0 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-semibold text-slate-700 dark:bg-slate-800 dark:text-slate-200">
          {kind}
        </span>
        {level.kind === 'account' ? (
          <span className="flex-1 truncate text-xs font-medium leading-5">{name}</span>
        ) : (
          <NameField
            label={`Name of ${level.kind === 'ou' ? 'OU' : 'root'} ${name}`}
            value={level.name}
            problem={(n) =>
              isValidOrganizationName(n) ? undefined : 'a name has 1 to 128 characters'
            }
            onCommit={actions.rename}
          />
        )}
        {level.kind === 'ou' && (
          <button
            type="button"
            className={removeButtonClass}
            aria-label={`Remove OU ${name}`}
            onClick={actions.removeLevel}
          >
            Remove
          </button>
        )}
      </div>
      {(['scp', 'rcp'] as const).map((kind) => (
        <PolicyList key={kind} kind={kind} level={level} levelName={name} actions={actions} />
      ))}
      {level.scps.length === 0 && (
        <p className="text-xs text-amber-800 dark:text-amber-300">
          No SCP here: this level allows nothing, so every action of the account is denied.
        </p>
      )}
      <div className="flex flex-wrap gap-1.5">
        {(['scp', 'rcp'] as const).map((kind) => (
          <button
            key={kind}
            type="button"
            className={smallButtonClass}
            aria-label={`Add ${policyWord[kind]} to ${name}`}
            onClick={() => actions.addPolicy(kind)}
          >
            Add {policyWord[kind]}
          </button>
        ))}
      </div>
    </li>
  );
}

function PolicyList({
  kind,
  level,
  levelName,
  actions,
}: {
  kind: OrganizationPolicyKind;
  level: OrganizationLevel;
  levelName: string;
  actions: LevelActions;
}) {
  const policies = kind === 'scp' ? level.scps : level.rcps;
  const word = policyWord[kind];
  if (policies.length === 0 && kind === 'rcp')
    return (
      <p className="text-xs text-slate-500 dark:text-slate-400">RCPs: only RCPFullAWSAccess.</p>
    );
  return (
    <ul aria-label={`${word}s at ${levelName}`} className="space-y-1">
      {policies.map((policy) => (
        <li key={policy.id} className="flex items-start gap-1">
          <span className="w-8 shrink-0 text-xs leading-5 text-slate-500 dark:text-slate-400">
            {word}
          </span>
          <NameField
            label={`Name of ${word} ${policy.name} at ${levelName}`}
            value={policy.name}
            problem={nameProblem(
              policies.filter((p) => p.id !== policy.id).map((p) => p.name),
              `an ${word}`,
            )}
            onCommit={(name) => actions.renamePolicy(kind, policy, name)}
          />
          <button
            type="button"
            className={quietButtonClass}
            aria-label={`Edit ${word} ${policy.name} at ${levelName}`}
            onClick={() => actions.editPolicy(kind, policy)}
          >
            Edit
          </button>
          <button
            type="button"
            className={removeButtonClass}
            aria-label={`Remove ${word} ${policy.name} from ${levelName}`}
            onClick={() => actions.removePolicy(kind, policy)}
          >
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
}

import { useId, useMemo } from 'react';
import {
  accountOf,
  arnOf,
  MAX_SESSION_DURATION,
  MIN_SESSION_DURATION,
  moveEntity,
  renameEntity,
  setAwsAccountId,
  setDescription,
  setGroupMembership,
  setMaxSessionDuration,
  setPath,
  setTags,
  updateEntity,
  type Account,
  type Design,
  type Entity,
  isRegional,
  resourceTypeIds,
  resourceTypes,
  type ResourceType,
} from '../../model';
import { selectApply, useRolecraft } from '../../store';
import { kindLabel } from '../../canvas';
import { Combobox } from '../ui/Combobox';
import { CommitField, comboboxClass, inputClass } from './CommitField';
import { IdentityProviderFields } from './IdentityProviderFields';
import { TagsEditor } from './TagsEditor';

const resourceTypeChoices = resourceTypeIds.map((value) => ({
  value,
  label: resourceTypes[value].label,
}));

function Labelled({
  label,
  children,
}: {
  label: string;
  children: (id: string) => React.ReactNode;
}) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-600 dark:text-slate-300">
        {label}
      </label>
      {children(id)}
    </div>
  );
}

function ReadOnly({ label, value, mono }: { label: string; value: string; mono?: boolean }) {
  return (
    <div className="space-y-0.5">
      <div className="text-xs font-medium text-slate-600 dark:text-slate-300">{label}</div>
      <div aria-label={label} className={`break-all text-sm ${mono ? 'font-mono text-xs' : ''}`}>
        {value}
      </div>
    </div>
  );
}

/** IAM refuses a MaxSessionDuration outside 3600..43200 seconds: say so rather than clamp. */
function maxSessionRefusal(value: string): string | undefined {
  const seconds = Number(value.trim());
  if (value.trim() === '' || !Number.isInteger(seconds))
    return `\`${value}\` is not a whole number of seconds`;
  if (seconds < MIN_SESSION_DURATION || seconds > MAX_SESSION_DURATION)
    return `MaxSessionDuration must be ${MIN_SESSION_DURATION} to ${MAX_SESSION_DURATION} seconds (1 to 12 hours), got \`${seconds}\``;
  return undefined;
}

function nameLabel(entity: Entity): string {
  if (entity.kind === 'service') return 'Service principal';
  if (entity.kind === 'identity-provider' && entity.protocol === 'saml')
    return 'SAML provider name';
  return 'Name';
}

function nameRefusal(entity: Entity, name: string): string | undefined {
  if (name === '') return 'a name cannot be empty';
  // IAM: SAML provider names are 1 to 128 of letters, digits and `._-`; they are part of its ARN.
  if (
    entity.kind === 'identity-provider' &&
    entity.protocol === 'saml' &&
    !/^[\w._-]{1,128}$/.test(name)
  )
    return `\`${name}\` is not a SAML provider name: use letters, digits, \`.\`, \`_\` and \`-\``;
  return undefined;
}

/** The account an entity lives in: a searchable list (a real organization has hundreds). */
function AccountPicker({
  accounts,
  value,
  onChange,
}: {
  accounts: readonly Account[];
  value: string;
  onChange: (account: string) => void;
}) {
  const options = useMemo(
    () => accounts.map((a) => ({ value: a.id, label: `${a.name} (${a.awsAccountId})` })),
    [accounts],
  );
  return (
    <Combobox
      label="Account"
      labelClassName="block text-xs font-medium text-slate-600 dark:text-slate-300"
      inputClassName={comboboxClass}
      value={value}
      options={options}
      onChange={onChange}
      placeholder="Type to find an account"
    />
  );
}

/** The editable fields of one entity; each change is one model command. */
export function EntityFields({ design, entity }: { design: Design; entity: Entity }) {
  const apply = useRolecraft(selectApply);
  const id = entity.id;
  const arn = arnOf(design, entity);
  const account = entity.kind === 'account' ? undefined : accountOf(design, entity);
  return (
    <div className="space-y-3">
      <ReadOnly label="Kind" value={kindLabel(entity)} />
      <CommitField
        label={nameLabel(entity)}
        value={entity.name}
        validate={(name) => nameRefusal(entity, name.trim())}
        onCommit={(name) => apply(renameEntity, { id, name: name.trim() })}
        spellCheck={false}
      />
      {entity.kind === 'account' && (
        <CommitField
          label="AWS account ID"
          value={entity.awsAccountId}
          inputMode="numeric"
          hint="12 digits; policies that name the old ID follow"
          onCommit={(value) =>
            /^\d{12}$/.test(value) && apply(setAwsAccountId, { id, awsAccountId: value })
          }
        />
      )}
      {entity.kind === 'outside' && entity.scope === 'account' && (
        <CommitField
          label="AWS account ID"
          value={entity.awsAccountId}
          inputMode="numeric"
          onCommit={(value) =>
            /^\d{12}$/.test(value) && apply(setAwsAccountId, { id, awsAccountId: value })
          }
        />
      )}
      {'account' in entity && (
        <AccountPicker
          accounts={design.accounts}
          value={entity.account}
          onChange={(account) => apply(moveEntity, { id, account })}
        />
      )}
      {!('account' in entity) && account && <ReadOnly label="Account" value={account.name} />}
      {(entity.kind === 'user' || entity.kind === 'group' || entity.kind === 'role') && (
        <CommitField
          label="Path"
          value={entity.path}
          spellCheck={false}
          onCommit={(path) => apply(setPath, { id, path })}
        />
      )}
      {arn && <ReadOnly label="ARN" value={arn} mono />}
      {entity.kind === 'role' && (
        <>
          <CommitField
            label="Description"
            value={entity.description}
            onCommit={(description) => apply(setDescription, { id, description })}
          />
          <CommitField
            label="MaxSessionDuration (seconds)"
            type="number"
            min={MIN_SESSION_DURATION}
            max={MAX_SESSION_DURATION}
            step={60}
            value={String(entity.maxSessionDuration)}
            hint={`${MIN_SESSION_DURATION} to ${MAX_SESSION_DURATION} (1 to 12 hours)`}
            validate={maxSessionRefusal}
            onCommit={(value) => apply(setMaxSessionDuration, { id, seconds: Number(value) })}
          />
        </>
      )}
      {entity.kind === 'user' && (
        <div className="space-y-1 text-sm">
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={entity.hasMfa}
              onChange={(e) => apply(updateEntity, { id, patch: { hasMfa: e.target.checked } })}
            />
            Signs in with MFA
          </label>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={entity.hasLongTermKeys}
              onChange={(e) =>
                apply(updateEntity, { id, patch: { hasLongTermKeys: e.target.checked } })
              }
            />
            Has long-term access keys
          </label>
        </div>
      )}
      {entity.kind === 'user' && (
        <fieldset className="space-y-1 text-sm">
          <legend className="text-xs font-medium text-slate-600 dark:text-slate-300">Groups</legend>
          {design.groups.filter((g) => g.account === entity.account).length === 0 && (
            <p className="text-xs text-slate-500 dark:text-slate-400">No groups in this account.</p>
          )}
          {design.groups
            .filter((g) => g.account === entity.account)
            .map((group) => (
              <label key={group.id} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={entity.groups.includes(group.id)}
                  onChange={(e) =>
                    apply(setGroupMembership, {
                      userId: id,
                      groupId: group.id,
                      member: e.target.checked,
                    })
                  }
                />
                Member of {group.name}
              </label>
            ))}
        </fieldset>
      )}
      {entity.kind === 'resource' && (
        <>
          <Labelled label="Resource type">
            {(fieldId) => (
              <select
                id={fieldId}
                className={inputClass}
                value={entity.resourceType}
                onChange={(e) =>
                  apply(updateEntity, {
                    id,
                    patch: { resourceType: e.target.value as ResourceType },
                  })
                }
              >
                {resourceTypeChoices.map((t) => (
                  <option key={t.value} value={t.value}>
                    {t.label}
                  </option>
                ))}
              </select>
            )}
          </Labelled>
          {isRegional(entity.resourceType) && (
            <CommitField
              label="Region"
              value={entity.region}
              spellCheck={false}
              onCommit={(region) =>
                region.trim() && apply(updateEntity, { id, patch: { region: region.trim() } })
              }
            />
          )}
        </>
      )}
      {entity.kind === 'identity-provider' && <IdentityProviderFields entity={entity} />}
      {(entity.kind === 'user' || entity.kind === 'role' || entity.kind === 'resource') && (
        <TagsEditor tags={entity.tags} onChange={(tags) => apply(setTags, { id, tags })} />
      )}
    </div>
  );
}

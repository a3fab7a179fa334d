import { useDeferredValue, useEffect, useMemo, useState, type FormEvent } from 'react';
import { CHAINED_MAX_DURATION_SECONDS, isExpired } from '../../sts/index.ts';
import { emptyDesign } from '../../model';
import { selectDesignContent, useRolecraft } from '../../store';
import {
  CALLER_GROUPS,
  callerChoice,
  callerDefaults,
  callerOptions,
  designRoles,
  type ServiceContext,
} from '../state/caller-options';
import { EMPTY_ASSUME_FORM, type AssumeFormValues } from '../state/requests';
import { useSimulation } from '../hooks/useSimulation';
import { claimValueChoices, type ClaimRow } from '../world/claims';
import { SessionPolicyEditor } from '../../editor';
import { Combobox, type ComboboxOption } from '../../panels';
import { TextField, buttonClass, primaryButtonClass } from './fields';
import { ClaimsEditor, TagsEditor } from './RowsEditor';
import { StatementView } from './StatementView';
import { StepList } from './StepList';

/** What the person typed over the defaults, for one caller and role (`key`). */
interface Edits {
  key: string;
  form: Partial<AssumeFormValues>;
  claims?: ClaimRow[];
  service?: Partial<ServiceContext>;
}

/** What the form lists before the design has been read (the first render only). */
const NOTHING_YET = emptyDesign('', () => '');

export function AssumeTab() {
  // The caller and role lists read the whole design (thousands of users and roles at scale):
  // rendered after the canvas, not in the task that opens the design.
  const design = useDeferredValue(useRolecraft(selectDesignContent), NOTHING_YET);
  const sessions = useSimulation((s) => s.sessions);
  // Only whether each session has expired shows in the caller list, not the running clock.
  const expiredKeys = useSimulation((s) =>
    s.sessions
      .filter((x) => isExpired(x, s.nowMs))
      .map((x) => x.accessKeyId)
      .join(' '),
  );
  const assume = useSimulation((s) => s.assume);
  const run = useSimulation((s) => s.runs.assume);
  const hasFocus = useSimulation((s) => s.focus !== null);

  const options = useMemo(
    () => callerOptions(design, sessions, new Set(expiredKeys.split(' '))),
    [design, sessions, expiredKeys],
  );
  const roles = useMemo(() => designRoles(design), [design]);
  // The pickers list callers by kind (users, sessions, services, federated identities).
  const callerChoices = useMemo<ComboboxOption[]>(
    () =>
      CALLER_GROUPS.flatMap((group) =>
        options
          .filter((o) => o.kind === group.kind)
          .map((o) => ({ value: o.key, label: o.label, group: group.label })),
      ),
    [options],
  );
  const roleChoices = useMemo<ComboboxOption[]>(
    () => roles.map((r) => ({ value: r.entityId, label: r.label })),
    [roles],
  );
  const [callerKey, setCallerKey] = useState<string>();
  const [roleId, setRoleId] = useState<string>();
  const [policyOpen, setPolicyOpen] = useState(false);
  const [typed, setTyped] = useState<Edits>({ key: '', form: {} });
  const fill = useSimulation((s) => (s.formFill?.tab === 'assume' ? s.formFill : null));

  // A lesson's "Do it for me" shows here what it asks STS before it asks.
  useEffect(() => {
    if (!fill || fill.designId !== design.id) return;
    setCallerKey(fill.callerKey);
    setRoleId(fill.roleId);
    setTyped({
      key: `${fill.callerKey}|${fill.roleId}`,
      form: fill.form,
      claims: fill.claims,
      service: fill.service,
    });
    setPolicyOpen(fill.form.sessionPolicy.trim() !== '');
  }, [fill, design.id]);

  const caller = options.find((o) => o.key === callerKey) ?? options[0];
  const role = roles.find((r) => r.entityId === roleId) ?? roles[0];
  // The form shows defaults derived from the caller, the role and the design as they are now,
  // under whatever the person typed for this caller and role.
  const defaults = useMemo(() => callerDefaults(design, caller, role), [design, caller, role]);
  const pickKey = `${caller?.key ?? ''}|${role?.entityId ?? ''}`;
  const edits: Edits = typed.key === pickKey ? typed : { key: pickKey, form: {} };
  const form: AssumeFormValues = { ...EMPTY_ASSUME_FORM, ...defaults.form, ...edits.form };
  const claims = edits.claims ?? defaults.claims;
  // Every value the design's trusts test for this provider's claims (the other group, the
  // other repository), offered in a list beside each claim.
  const claimValues = useMemo(
    () =>
      caller?.kind === 'federated'
        ? claimValueChoices(
            design.roles.map((r) => r.trustPolicy),
            caller.claimPrefix,
            caller.federated,
          )
        : new Map<string, string[]>(),
    [design, caller],
  );
  const service: ServiceContext = { ...defaults.service, ...edits.service };
  const edit = (change: (e: Edits) => Edits) =>
    setTyped((t) => change(t.key === pickKey ? t : { key: pickKey, form: {} }));
  const patch = (values: Partial<AssumeFormValues>) =>
    edit((e) => ({ ...e, form: { ...e.form, ...values } }));
  const setClaims = (rows: ClaimRow[]) => edit((e) => ({ ...e, claims: rows }));
  const setService = (values: Partial<ServiceContext>) =>
    edit((e) => ({ ...e, service: { ...e.service, ...values } }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!caller || !role) return;
    assume(callerChoice(caller, service, claims), role.arn, form);
  };

  const federated = caller?.kind === 'federated';
  const chained = caller?.kind === 'session';
  const maxDuration = chained
    ? Math.min(CHAINED_MAX_DURATION_SECONDS, role?.maxSessionDuration ?? 3600)
    : (role?.maxSessionDuration ?? 3600);

  return (
    <div className="grid h-full min-h-0 grid-cols-1 gap-3 lg:grid-cols-[minmax(0,1.35fr)_minmax(0,1fr)_minmax(0,0.9fr)]">
      <form
        onSubmit={onSubmit}
        aria-label="Assume a role"
        className="grid min-h-0 grid-cols-2 content-start gap-x-2 gap-y-1.5 overflow-auto pr-1 sm:grid-cols-4"
      >
        <Combobox
          label="Caller"
          className="col-span-2"
          value={caller?.key ?? ''}
          options={callerChoices}
          onChange={setCallerKey}
          placeholder={
            options.length === 0 ? 'No principals in the design' : 'Type to find a caller'
          }
          disabled={options.length === 0}
        />
        <Combobox
          label="Role"
          className="col-span-2"
          value={role?.entityId ?? ''}
          options={roleChoices}
          onChange={setRoleId}
          placeholder={roles.length === 0 ? 'No roles in the design' : 'Type to find a role'}
          disabled={roles.length === 0}
        />

        {caller?.kind === 'service' && (
          <>
            <TextField
              label="aws:SourceAccount"
              className="col-span-2"
              value={service.sourceAccount}
              onChange={(v) => setService({ sourceAccount: v })}
            />
            <TextField
              label="aws:SourceArn"
              className="col-span-2"
              value={service.sourceArn}
              onChange={(v) => setService({ sourceArn: v })}
            />
          </>
        )}
        {federated && (
          <ClaimsEditor
            rows={claims}
            onChange={setClaims}
            title={caller.protocol === 'saml' ? 'SAML assertion attributes' : 'Token claims'}
            keys={[...new Set([...defaults.claims.map((c) => c.key), ...claimValues.keys()])]}
            values={claimValues}
          />
        )}

        <TextField
          label="Session name"
          value={form.sessionName}
          onChange={(v) => patch({ sessionName: v })}
          hint={
            caller?.kind === 'federated' && caller.protocol === 'saml'
              ? 'the assertion’s RoleSessionName attribute'
              : undefined
          }
        />
        <TextField
          label="Duration (seconds)"
          inputMode="numeric"
          value={form.duration}
          placeholder="3600"
          onChange={(v) => patch({ duration: v })}
          hint={chained ? `900 to ${maxDuration}: chaining caps at 1 h` : `900 to ${maxDuration}`}
        />
        {!federated && (
          <TextField
            label="ExternalId"
            value={form.externalId}
            onChange={(v) => patch({ externalId: v })}
          />
        )}
        <TextField
          label="Source identity"
          value={form.sourceIdentity}
          onChange={(v) => patch({ sourceIdentity: v })}
        />

        {!federated && (
          <div className="col-span-full flex flex-wrap items-end gap-2">
            <label className="flex items-center gap-1 pb-1 text-[11px] font-medium">
              <input
                type="checkbox"
                checked={form.mfa}
                onChange={(e) => patch({ mfa: e.currentTarget.checked })}
              />
              Sign with MFA
            </label>
            {form.mfa && (
              <>
                <TextField
                  label="MFA serial number"
                  className="min-w-52 flex-1"
                  value={form.serialNumber}
                  onChange={(v) => patch({ serialNumber: v })}
                />
                <TextField
                  label="MFA code"
                  className="w-24"
                  value={form.tokenCode}
                  inputMode="numeric"
                  onChange={(v) => patch({ tokenCode: v })}
                />
              </>
            )}
          </div>
        )}

        <TagsEditor rows={form.tags} onChange={(tags) => patch({ tags })} />

        <div className="col-span-full flex flex-col gap-1">
          <div className="flex items-center gap-2">
            <button
              type="button"
              className={buttonClass}
              aria-expanded={policyOpen}
              onClick={() => setPolicyOpen((o) => !o)}
            >
              {policyOpen ? 'Hide session policy' : 'Session policy'}
            </button>
            <span className="text-[10px] text-slate-600 dark:text-slate-400">
              {form.sessionPolicy.trim() === ''
                ? 'none: the session gets all of the role’s permissions'
                : 'set: the session gets the intersection with the role’s permissions'}
            </span>
          </div>
          {policyOpen && (
            <SessionPolicyEditor
              value={form.sessionPolicy}
              onChange={(sessionPolicy) => patch({ sessionPolicy })}
            />
          )}
        </div>

        <div className="col-span-full">
          <button type="submit" className={primaryButtonClass} disabled={!caller || !role}>
            Assume role
          </button>
        </div>
      </form>

      <div className="min-h-0 overflow-auto pr-1">
        {run ? (
          <StepList run={run} label="Checks" />
        ) : (
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Pick a caller and a role, then “Assume role” to watch STS check the request step by
            step.
          </p>
        )}
      </div>
      <div className="flex min-h-0 flex-col">
        {hasFocus ? (
          <StatementView />
        ) : (
          <p className="text-xs text-slate-600 dark:text-slate-400">
            A failed check opens the statement that decided it here. “Show statement” opens any
            other.
          </p>
        )}
      </div>
    </div>
  );
}

import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { isExpired, secondsRemaining } from '../../sts/index.ts';
import { selectDesignContent, useRolecraft } from '../../store';
import { arnOf } from '../../model';
import { formatCountdown } from '../format';
import { actionSuggestions, resourceSuggestions } from '../state/call-suggestions';
import { sessionLabel } from '../state/subjects';
import { useSimulation } from '../hooks/useSimulation';
import { Combobox, type ComboboxOption } from '../../panels';
import { primaryButtonClass } from './fields';
import { StatementView } from './StatementView';
import { StepList } from './StepList';

export function CallTab() {
  const design = useRolecraft(selectDesignContent);
  const sessions = useSimulation((s) => s.sessions);
  const nowMs = useSimulation((s) => s.nowMs);
  const picked = useSimulation((s) => s.callSession);
  const setPicked = useSimulation((s) => s.setCallSession);
  const callAs = useSimulation((s) => s.callAs);
  const run = useSimulation((s) => s.runs.call);
  const hasFocus = useSimulation((s) => s.focus !== null);
  const fill = useSimulation((s) => (s.formFill?.tab === 'call' ? s.formFill : null));
  const [action, setAction] = useState('s3:GetObject');
  const [resource, setResource] = useState('');

  // A lesson's "Do it for me" shows what it calls here before calling it.
  useEffect(() => {
    if (!fill || fill.designId !== design.id) return;
    setPicked(fill.callerKey);
    setAction(fill.action);
    setResource(fill.resource);
  }, [fill, design.id, setPicked]);

  // Users sign calls with their long-term keys; sessions with temporary ones.
  const users = useMemo(
    () =>
      design.users.flatMap((u) => {
        const arn = arnOf(design, u);
        return arn ? [{ key: `user:${u.id}`, entityId: u.id, name: u.name, arn }] : [];
      }),
    [design],
  );
  const user =
    users.find((u) => u.key === picked) ?? (sessions.length === 0 ? users[0] : undefined);
  const session = user
    ? undefined
    : (sessions.find((s) => s.accessKeyId === picked) ?? sessions[sessions.length - 1]);
  const callerArn = user?.arn ?? session?.roleArn;
  const actionChoices = useMemo<ComboboxOption[]>(
    () => actionSuggestions(design, callerArn).map((a) => ({ value: a, label: a })),
    [design, callerArn],
  );
  const resources = useMemo(() => resourceSuggestions(design), [design]);
  const resourceChoices = useMemo<ComboboxOption[]>(
    () => resources.map((r) => ({ value: r.arn, label: `${r.label} · ${r.arn}` })),
    [resources],
  );
  const callerChoices: ComboboxOption[] = [
    ...sessions.map((s) => ({
      value: s.accessKeyId,
      label: `${sessionLabel(s)} · ${s.accessKeyId} · ${
        isExpired(s, nowMs)
          ? 'expired'
          : `expires in ${formatCountdown(secondsRemaining(s, nowMs))}`
      }`,
      group: 'Sessions (temporary credentials)',
    })),
    ...users.map((u) => ({
      value: u.key,
      label: `${u.name} (user)`,
      group: 'Users (long-term credentials)',
    })),
  ];
  const target = resource.trim() === '' ? (resources[0]?.arn ?? '') : resource.trim();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (action.trim() === '' || target === '') return;
    if (user)
      callAs({ kind: 'user', entityId: user.entityId, arn: user.arn }, action.trim(), target);
    else if (session)
      callAs({ kind: 'session', accessKeyId: session.accessKeyId }, action.trim(), target);
  };

  return (
    <div className="grid h-full min-h-0 grid-cols-1 gap-3 lg:grid-cols-[minmax(0,1.1fr)_minmax(0,1.1fr)_minmax(0,1fr)]">
      <form
        onSubmit={onSubmit}
        aria-label="Make a call with a session"
        className="flex min-h-0 flex-col gap-1.5 overflow-auto pr-1"
      >
        <Combobox
          label="Session or user"
          value={user?.key ?? session?.accessKeyId ?? ''}
          options={callerChoices}
          onChange={setPicked}
          placeholder={
            callerChoices.length === 0
              ? 'No sessions yet: assume a role first'
              : 'Type to find a session or user'
          }
          disabled={callerChoices.length === 0}
        />
        <Combobox
          label="Action"
          freeText
          value={action}
          options={actionChoices}
          onChange={setAction}
          spellCheck={false}
          hint="Pick one the role’s policies or the design’s resources suggest, or type any"
        />
        <Combobox
          label="Resource ARN"
          freeText
          value={resource}
          options={resourceChoices}
          placeholder={resources[0]?.arn ?? 'arn:aws:…'}
          onChange={setResource}
          spellCheck={false}
          hint="Pick one of the design’s resources or type any ARN"
        />
        <div>
          <button
            type="submit"
            className={primaryButtonClass}
            disabled={(!session && !user) || target === ''}
          >
            Make a call
          </button>
        </div>
      </form>
      <div className="min-h-0 overflow-auto pr-1">
        {run ? (
          <StepList run={run} label="Evaluation" />
        ) : (
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Make a call with a session to watch each policy layer decide.
          </p>
        )}
      </div>
      <div className="flex min-h-0 flex-col">{hasFocus && <StatementView />}</div>
    </div>
  );
}

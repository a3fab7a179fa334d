import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { actionChoices, checkAction } from '../../editor';
import {
  allowAction,
  GRANTS_POLICY_NAME,
  resourceTypes,
  type Design,
  type Group,
  type Role,
  type User,
} from '../../model';
import { selectApply, selectDesign, useRolecraft } from '../../store';
import { Combobox, type ComboboxOption } from '../ui/Combobox';
import { grantTargets } from './grant-targets';
import { noteClass, smallButtonClass } from './controls';

/** The usual actions of the design's resource types, then the catalogue's for what was typed. */
function useActionOptions(design: Design, typed: string): ComboboxOption[] {
  const usual = useMemo(
    () => [...new Set(design.resources.flatMap((r) => resourceTypes[r.resourceType].callActions))],
    [design.resources],
  );
  const colon = typed.indexOf(':');
  const service = colon > 0 ? typed.slice(0, colon).trim().toLowerCase() : '';
  const [catalogue, setCatalogue] = useState<{ service: string; list: ComboboxOption[] }>();
  useEffect(() => {
    let current = true;
    void actionChoices(service === '' ? '' : `${service}:`).then(
      (list) =>
        current &&
        setCatalogue({ service, list: list.map((c) => ({ ...c, group: 'All actions' })) }),
    );
    return () => {
      current = false;
    };
  }, [service]);
  return [
    ...usual.map((a) => ({ value: a, label: a, group: 'For the design’s resources' })),
    ...(catalogue?.list ?? []).filter((c) => !usual.includes(c.value)),
  ];
}

/**
 * "Allow an action": pick an action and a resource, and the holder's `AllowedActions` inline
 * policy gets `Allow` of it (one undo step); the editor below shows the JSON it wrote.
 */
export function GrantForm({ entity }: { entity: User | Group | Role }) {
  const apply = useRolecraft(selectApply);
  const design = useRolecraft(selectDesign);
  const [action, setAction] = useState('');
  const [resource, setResource] = useState('');
  const [problem, setProblem] = useState<string>();
  const [done, setDone] = useState('');
  const actions = useActionOptions(design, action);
  const resources = useMemo(() => grantTargets(design), [design]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const typed = action.trim();
    const target = resource.trim();
    if (typed === '' || target === '') return;
    // A pattern (`s3:Get*`) is a policy's to allow; one action is checked against the catalogue.
    const checked = /[*?]/.test(typed) ? { action: typed } : await checkAction(typed);
    if ('reason' in checked) return setProblem(checked.reason.replace(/`/g, ''));
    setProblem(undefined);
    apply(allowAction, { entityId: entity.id, action: checked.action, resource: target });
    setDone(`Allowed ${checked.action} on ${target} in ${GRANTS_POLICY_NAME}.`);
    setAction('');
    setResource('');
  };

  return (
    <form
      aria-label={`Allow ${entity.name} an action`}
      className="space-y-1.5 rounded border border-slate-200 p-1.5 dark:border-slate-700"
      onSubmit={(e) => void submit(e)}
    >
      <div className="text-xs font-medium text-slate-600 dark:text-slate-300">Allow an action</div>
      <Combobox
        label="Action to allow"
        freeText
        value={action}
        options={actions}
        onChange={(v) => {
          setAction(v);
          setProblem(undefined);
        }}
        placeholder="s3:GetObject"
        spellCheck={false}
      />
      <Combobox
        label="On resource"
        freeText
        value={resource}
        options={resources}
        onChange={setResource}
        placeholder="arn:aws:s3:::bucket/*"
        spellCheck={false}
      />
      {problem && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {problem}
        </p>
      )}
      <button
        type="submit"
        className={smallButtonClass}
        disabled={action.trim() === '' || resource.trim() === ''}
      >
        Allow
      </button>
      <p role="status" className={noteClass}>
        {done}
      </p>
    </form>
  );
}

import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { WhoCanEntry } from '../../analysis';
import { actionChoices, checkAction } from '../../editor';
import { arnOf, findEntity, resourceTypes, type Design, type EntityId } from '../../model';
import { Combobox, type ComboboxOption } from '../../panels';
import { useRolecraft } from '../../store';
import { AnalysisCancelled, askWhoCan, cancelAnalysis } from './analysis-status';
import { PathStepper, type PathStep } from './PathStepper';

/** The design's resources, roles and users with their ARNs, resources first: what to ask about. */
function targets(design: Design): { id: EntityId; arn: string; name: string; kind: string }[] {
  return [...design.resources, ...design.roles, ...design.users].flatMap((e) => {
    const arn = arnOf(design, e);
    const kind =
      e.kind === 'resource'
        ? resourceTypes[e.resourceType].label
        : e.kind === 'role'
          ? 'role'
          : 'user';
    return arn ? [{ id: e.id, arn, name: e.name, kind }] : [];
  });
}

const targetGroups: Record<string, string> = { role: 'Roles', user: 'Users' };

/** The targets as picker options: name, kind and ARN, under Resources, Roles and Users. */
function targetOptions(design: Design): ComboboxOption[] {
  return targets(design).map((t) => ({
    value: t.arn,
    label: `${t.name} · ${t.kind} · ${t.arn}`,
    group: targetGroups[t.kind] ?? 'Resources',
  }));
}

/** The catalogue's suggestions for the action typed so far, reloaded when its service changes. */
function useActionOptions(typed: string): ComboboxOption[] {
  const colon = typed.indexOf(':');
  const service = colon > 0 ? typed.slice(0, colon).trim().toLowerCase() : '';
  const [options, setOptions] = useState<{ service: string; list: ComboboxOption[] }>();
  useEffect(() => {
    let current = true;
    void actionChoices(service === '' ? '' : `${service}:`).then(
      (list) => current && setOptions({ service, list }),
    );
    return () => {
      current = false;
    };
  }, [service]);
  return options?.list ?? [];
}

/** The node a resource ARN is about: that entity, or the bucket an object ARN is in. */
function nodeOf(design: Design, resource: string): EntityId | undefined {
  let best: { id: EntityId; length: number } | undefined;
  for (const t of targets(design))
    if (
      (resource === t.arn || resource.startsWith(`${t.arn}/`)) &&
      (!best || t.arn.length > best.length)
    )
      best = { id: t.id, length: t.arn.length };
  return best?.id;
}

/** The hops of an answer: its chain or escalation, then the call itself to the resource's node. */
function stepsOf(e: WhoCanEntry, action: string, target: EntityId | undefined): PathStep[] {
  const steps: PathStep[] =
    e.via === 'escalation'
      ? e.steps.map((s) => ({
          from: s.actorId,
          to: s.targetId,
          label: `${s.technique} (${s.actions.join(', ')})`,
          needs: s.needs,
        }))
      : e.hopIds.slice(1).map((to, i) => ({
          from: e.hopIds[i]!,
          to,
          label: 'sts:AssumeRole',
          needs: [],
        }));
  const caller = steps.length > 0 ? steps[steps.length - 1]!.to : e.principalId;
  if (target && target !== caller)
    steps.push({ from: caller, to: target, label: action, needs: [] });
  // The entry's needs hold for the whole path: shown on its last hop.
  const last = steps[steps.length - 1];
  if (last) last.needs = [...new Set([...last.needs, ...e.needs])];
  return steps;
}

const viaWords = {
  direct: 'its own policies',
  assume: 'an AssumeRole chain',
  escalation: 'an escalation',
};

type Answer =
  | { phase: 'asking'; fraction: number }
  | { phase: 'answered'; action: string; resource: string; design: Design; entries: WhoCanEntry[] }
  | { phase: 'failed'; reason: string }
  /** The question was not asked: the action is not one the catalogue knows. */
  | { phase: 'refused'; reason: string };

/** "Who can...": pick an action and a resource; the analysis answers with each principal's path. */
export function WhoCanPanel() {
  const design = useRolecraft((s) => s.design);
  const [action, setAction] = useState('');
  const [resource, setResource] = useState('');
  const [answer, setAnswer] = useState<Answer | undefined>();
  const [open, setOpen] = useState<WhoCanEntry | undefined>();
  const resourceOptions = useMemo(() => targetOptions(design), [design]);
  const actionOptions = useActionOptions(action);
  const answered = answer?.phase === 'answered' ? answer : undefined;
  const steps = useMemo(
    () =>
      open && answered
        ? stepsOf(open, answered.action, nodeOf(answered.design, answered.resource))
        : [],
    [open, answered],
  );
  const name = (id: EntityId, arn: string) => findEntity(design, id)?.name ?? arn;

  const ask = async (event: FormEvent) => {
    event.preventDefault();
    const r = resource.trim();
    if (!action.trim() || !r) return;
    setOpen(undefined);
    const checked = await checkAction(action);
    if ('reason' in checked) return setAnswer({ phase: 'refused', reason: checked.reason });
    const a = checked.action;
    setAction(a);
    setAnswer({ phase: 'asking', fraction: 0 });
    askWhoCan(design, a, r, (fraction) => setAnswer({ phase: 'asking', fraction })).then(
      (entries) => setAnswer({ phase: 'answered', action: a, resource: r, design, entries }),
      (error: Error) =>
        setAnswer(
          error instanceof AnalysisCancelled
            ? undefined
            : { phase: 'failed', reason: error.message },
        ),
    );
  };

  return (
    <div className="flex h-full min-h-0 flex-col gap-2" aria-label="Who can">
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => void ask(e)}
        aria-label="Who can ask"
      >
        <Combobox
          label="Action"
          className="w-60"
          freeText
          value={action}
          options={actionOptions}
          onChange={(typed) => {
            setAction(typed);
            if (answer?.phase === 'refused') setAnswer(undefined);
          }}
          placeholder="s3:GetObject"
          spellCheck={false}
        />
        <Combobox
          label="Resource"
          className="w-[28rem]"
          freeText
          value={resource}
          options={resourceOptions}
          onChange={setResource}
          placeholder="arn:aws:s3:::bucket/key"
          spellCheck={false}
        />
        <button
          type="submit"
          className="rounded bg-sky-700 px-3 py-1 font-semibold text-white disabled:opacity-50"
          disabled={answer?.phase === 'asking' || !action.trim() || !resource.trim()}
        >
          Ask who can
        </button>
        {answer?.phase === 'asking' && (
          <>
            <progress
              aria-label="Analysis progress"
              max={1}
              value={answer.fraction}
              className="w-40"
            />
            <button type="button" className="rounded border px-3 py-1" onClick={cancelAnalysis}>
              Cancel
            </button>
          </>
        )}
        {answer?.phase === 'failed' && (
          <span role="alert">The analysis failed: {answer.reason}</span>
        )}
        {answer?.phase === 'refused' && (
          <span role="alert" className="text-red-700 dark:text-red-300">
            {answer.reason}
          </span>
        )}
      </form>
      {answered && (
        <div className="flex min-h-0 flex-1 gap-3">
          <div className="flex min-h-0 w-1/2 flex-col">
            <p className="text-slate-600 dark:text-slate-300">
              {answered.entries.length === 0
                ? `No principal can call ${answered.action} on ${answered.resource}.`
                : `${answered.entries.length} principal${answered.entries.length === 1 ? '' : 's'} can call ${answered.action} on ${answered.resource}${answered.design !== design ? ' (the design changed since: ask again)' : ''}`}
            </p>
            <ul aria-label="Who can list" className="min-h-0 overflow-auto">
              {answered.entries.map((e) => (
                <li key={e.principal}>
                  <button
                    type="button"
                    aria-pressed={e === open}
                    className={`w-full rounded px-1 py-0.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800 ${e === open ? 'bg-fuchsia-100 dark:bg-fuchsia-950' : ''}`}
                    onClick={() => setOpen(e === open ? undefined : e)}
                  >
                    {name(e.principalId, e.principal)}{' '}
                    <span className="text-xs text-slate-600 dark:text-slate-300">
                      through {viaWords[e.via]}
                      {e.needs.length > 0 ? `, if ${e.needs.join(', ')}` : ''}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
          <div className="flex min-h-0 w-1/2 flex-col">
            {open && steps.length > 0 ? (
              <PathStepper
                title={`${name(open.principalId, open.principal)} can call ${answered.action}`}
                steps={steps}
              />
            ) : open ? (
              <p>
                {name(open.principalId, open.principal)} makes the call itself: no path to light.
              </p>
            ) : (
              answered.entries.length > 0 && (
                <p className="text-slate-600 dark:text-slate-300">
                  Open an answer to light its path on the canvas, hop by hop.
                </p>
              )
            )}
          </div>
        </div>
      )}
    </div>
  );
}

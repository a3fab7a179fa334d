import { useMemo, useState } from 'react';
import type { Escalation } from '../../analysis';
import { findEntity, type Design } from '../../model';
import { useRolecraft } from '../../store';
import { useAnalysisStatus } from './analysis-status';
import { PathStepper, type PathStep } from './PathStepper';
import { RunControls } from './RunControls';
import { useRowLimit } from './ShowMore';

const stepsOf = (e: Escalation): PathStep[] =>
  e.steps.map((s) => ({
    from: s.actorId,
    to: s.targetId,
    label: `${s.technique} (${s.actions.join(', ')})`,
    needs: s.needs,
  }));

function escalationTitle(design: Design, e: Escalation) {
  const name = (id: string, arn: string) => findEntity(design, id)?.name ?? arn;
  const gains =
    e.gains === 'admin' ? 'admin' : name(e.steps[e.steps.length - 1]!.targetId, e.gains);
  return `${name(e.principalId, e.principal)} can escalate to ${gains}`;
}

/** Every escalation the analysis found; opening one lights its path on the canvas. */
export function EscalationsPanel() {
  const design = useRolecraft((s) => s.design);
  const status = useAnalysisStatus();
  const escalations = useMemo(
    () => (status.phase === 'done' ? status.result.escalations : []),
    [status],
  );
  const [open, setOpen] = useState<Escalation | undefined>();
  const steps = useMemo(() => (open ? stepsOf(open) : []), [open]);
  const shown = open && escalations.includes(open) ? open : undefined;
  const rows = useRowLimit(escalations.length);
  return (
    <div className="flex h-full min-h-0 flex-col gap-2" aria-label="Escalations">
      <div className="flex flex-wrap items-center gap-3">
        <RunControls />
        {status.phase === 'done' && (
          <span className="text-slate-600 dark:text-slate-300">
            {escalations.length} escalation{escalations.length === 1 ? '' : 's'}
          </span>
        )}
      </div>
      {status.phase === 'done' && (
        <div className="flex min-h-0 flex-1 gap-3">
          <ul aria-label="Escalations list" className="min-h-0 w-1/2 overflow-auto">
            {escalations.slice(0, rows.limit).map((e) => (
              <li key={`${e.principal}|${e.gains}`}>
                <button
                  type="button"
                  aria-pressed={e === shown}
                  className={`w-full rounded px-1 py-0.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800 ${e === shown ? 'bg-fuchsia-100 dark:bg-fuchsia-950' : ''}`}
                  onClick={() => setOpen(e === shown ? undefined : e)}
                >
                  {escalationTitle(design, e)}{' '}
                  <span className="text-xs text-slate-600 dark:text-slate-300">
                    ({e.steps.length} step{e.steps.length === 1 ? '' : 's'}:{' '}
                    {e.steps.map((s) => s.technique).join(', ')})
                  </span>
                </button>
              </li>
            ))}
            {rows.more}
          </ul>
          <div className="flex min-h-0 w-1/2 flex-col">
            {shown ? (
              <PathStepper title={escalationTitle(design, shown)} steps={steps} />
            ) : (
              <p className="text-slate-600 dark:text-slate-300">
                {escalations.length === 0
                  ? 'No principal can escalate.'
                  : 'Open an escalation to light its path on the canvas, hop by hop.'}
              </p>
            )}
          </div>
        </div>
      )}
      {status.phase === 'idle' && (
        <p className="text-slate-600 dark:text-slate-300">
          Run the analysis to see every escalation path.
        </p>
      )}
    </div>
  );
}

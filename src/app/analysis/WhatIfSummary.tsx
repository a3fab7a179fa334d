import { useMemo } from 'react';
import { whatIfLines, type WhatIfLine } from '../../analysis';
import { arnOf, type Design } from '../../model';
import { useRolecraftStore } from '../../store';
import { cancelAnalysis, useAnalysisStatus } from './analysis-status';
import { keepEdits, undoEdits, useWhatIf } from './what-if-status';

/** ARN -> the name people know it by, over both versions (a removed role keeps its name). */
function namer(...designs: Design[]) {
  const names = new Map<string, string>();
  for (const design of designs)
    for (const e of [...design.users, ...design.roles, ...design.groups, ...design.resources]) {
      const arn = arnOf(design, e);
      if (arn && !names.has(arn)) names.set(arn, e.name);
    }
  return (arn: string) => names.get(arn) ?? arn;
}

function Lines({ label, lines }: { label: string; lines: WhatIfLine[] }) {
  if (lines.length === 0) return null;
  return (
    <div>
      <strong>{label}</strong>
      <ul aria-label={label} className="max-h-32 list-disc overflow-auto pl-5">
        {lines.map((l, i) => (
          <li key={i}>{l.text}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Before an edit is kept: what it adds and removes (accesses, escalations, findings), from the
 * analysis of both versions in the worker; Keep or Undo. Docked in the bottom panel beside its
 * views, never over the canvas: the nodes the edit is about stay in sight.
 */
export function WhatIfSummary() {
  const store = useRolecraftStore();
  const state = useWhatIf();
  const status = useAnalysisStatus();
  const lines = useMemo(
    () =>
      state.phase === 'ready'
        ? whatIfLines(state.whatIf, namer(state.after, state.before.design))
        : [],
    [state],
  );
  if (state.phase === 'none') return null;
  const undoWords = state.edits === 1 ? 'Undo the edit' : `Undo the ${state.edits} edits`;
  const actions = (
    <div className="flex gap-2">
      <button
        type="button"
        className="rounded bg-sky-700 px-3 py-1 font-semibold text-white"
        onClick={keepEdits}
      >
        Keep
      </button>
      <button type="button" className="rounded border px-3 py-1" onClick={() => undoEdits(store)}>
        {undoWords}
      </button>
    </div>
  );
  return (
    <section
      role="region"
      aria-label="What this edit changes"
      className="flex max-h-full w-[min(26rem,40%)] shrink-0 self-start flex-col gap-2 overflow-auto rounded-lg border border-fuchsia-400 bg-white p-3 text-sm dark:bg-slate-900"
    >
      {state.phase === 'working' && (
        <div className="flex flex-wrap items-center gap-2">
          <span>Working out what this edit changes…</span>
          <progress
            aria-label="What-if progress"
            max={1}
            value={status.phase === 'running' ? status.fraction : 0}
            className="w-40"
          />
          <button type="button" className="rounded border px-3 py-1" onClick={cancelAnalysis}>
            Cancel
          </button>
        </div>
      )}
      {state.phase === 'failed' && (
        <>
          <p role="alert">Could not work out what this edit changes: {state.reason}</p>
          {actions}
        </>
      )}
      {state.phase === 'ready' && (
        <>
          {lines.length === 0 ? (
            <p>This edit changes no access, escalation or finding.</p>
          ) : (
            <>
              <Lines label="This adds" lines={lines.filter((l) => l.change !== 'removes')} />
              <Lines label="This removes" lines={lines.filter((l) => l.change === 'removes')} />
            </>
          )}
          {actions}
        </>
      )}
    </section>
  );
}

import { useMemo, useState } from 'react';
import { severities, type Finding } from '../../analysis';
import { parsePolicy } from '../../engine';
import { findEntity, policyTextAt, type Design } from '../../model';
import { useRolecraft } from '../../store';
import { useAnalysisStatus } from './analysis-status';
import { RunControls } from './RunControls';
import { useRowLimit } from './ShowMore';

const severityClass: Record<string, string> = {
  critical: 'bg-red-700 text-white',
  high: 'bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100',
  medium: 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100',
  low: 'bg-slate-100 text-slate-800 dark:bg-slate-700 dark:text-slate-100',
};

/** The statement's range in the policy text the finding names, for the editor to pick out. */
function revealOf(design: Design, f: Finding) {
  if (!f.slot) return undefined;
  const entity = findEntity(design, f.subjectId);
  if (!entity) return undefined;
  const text = policyTextAt(design, entity.id, f.slot);
  if (text === undefined) return { entityId: entity.id, slot: f.slot };
  const range = parsePolicy(text).policy?.statements[f.statementIndex]?.range;
  return {
    entityId: entity.id,
    slot: f.slot,
    text,
    ...(range ? { range: { start: range.start, end: range.end } } : {}),
  };
}

/** The Findings tab: run the analysis (in a worker), filter findings, open each one's node and statement. */
export function FindingsPanel() {
  const design = useRolecraft((s) => s.design);
  const select = useRolecraft((s) => s.select);
  const revealPolicy = useRolecraft((s) => s.revealPolicy);
  const subject = useRolecraft((s) => s.findingsSubject);
  const showFindingsOf = useRolecraft((s) => s.showFindingsOf);
  const status = useAnalysisStatus();
  const [kind, setKind] = useState('all');
  const [severity, setSeverity] = useState('all');
  const result = status.phase === 'done' ? status.result : undefined;
  const findings = useMemo(() => result?.findings ?? [], [result]);
  const kinds = useMemo(() => [...new Set(findings.map((f) => f.kind))].sort(), [findings]);
  const shown = findings.filter(
    (f) =>
      (kind === 'all' || f.kind === kind) &&
      (severity === 'all' || f.severity === severity) &&
      (subject === null || f.subjectId === subject),
  );
  const subjectName = subject === null ? undefined : (findEntity(design, subject)?.name ?? subject);
  const stale = status.phase === 'done' && status.design !== design;
  const rows = useRowLimit(shown.length);
  return (
    <div className="flex h-full min-h-0 flex-col gap-2" aria-label="Findings">
      <div className="flex flex-wrap items-center gap-3">
        <RunControls />
        {status.phase === 'done' && (
          <>
            <label className="flex items-center gap-1">
              Kind
              <select
                className="rounded border px-1 dark:bg-slate-800"
                value={kind}
                onChange={(e) => setKind(e.target.value)}
              >
                <option value="all">all kinds</option>
                {kinds.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex items-center gap-1">
              Severity
              <select
                className="rounded border px-1 dark:bg-slate-800"
                value={severity}
                onChange={(e) => setSeverity(e.target.value)}
              >
                <option value="all">all severities</option>
                {severities.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
            {subjectName !== undefined && (
              <span className="flex items-center gap-1 rounded bg-sky-100 px-1 dark:bg-sky-900">
                About {subjectName}
                <button
                  type="button"
                  className="rounded border px-1 text-xs"
                  onClick={() => showFindingsOf(null)}
                >
                  Show all nodes
                </button>
              </span>
            )}
            <span className="text-slate-600 dark:text-slate-300">
              {shown.length} of {findings.length} findings; {status.result.escalations.length}{' '}
              escalations, {status.result.reachability.length} reachable pairs
              {stale ? ' (the design changed since: run again)' : ''}
            </span>
          </>
        )}
      </div>
      {status.phase === 'done' && (
        <ul aria-label="Findings list" className="min-h-0 flex-1 overflow-auto">
          {shown.slice(0, rows.limit).map((f, i) => (
            <li key={`${f.kind}|${f.subjectId}|${f.policy}|${f.statement}|${i}`}>
              <button
                type="button"
                className="flex w-full items-baseline gap-2 rounded px-1 py-0.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
                onClick={() => {
                  if (!findEntity(design, f.subjectId)) return;
                  select([f.subjectId]);
                  const reveal = revealOf(design, f);
                  if (reveal) revealPolicy({ ...reveal, focus: false });
                }}
              >
                <span className={`rounded px-1 text-xs font-semibold ${severityClass[f.severity]}`}>
                  {f.severity}
                </span>
                <span className="font-mono text-xs">{f.kind}</span>
                <span>{f.message}</span>
              </button>
            </li>
          ))}
          {rows.more}
        </ul>
      )}
      {status.phase === 'idle' && (
        <p className="text-slate-600 dark:text-slate-300">
          Run the analysis to see who can reach what, every escalation path and the findings, with
          the statements behind them.
        </p>
      )}
    </div>
  );
}

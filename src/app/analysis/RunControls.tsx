import { useRolecraft } from '../../store';
import { analysisNow, cancelAnalysis, runAnalysis, useAnalysisStatus } from './analysis-status';

const stageWords: Record<string, string> = {
  trust: 'Reading trusts',
  reachability: 'Following AssumeRole chains',
  admins: 'Finding admins',
  escalations: 'Trying every escalation technique',
  findings: 'Checking findings',
  done: 'Done',
};

/** Run the analysis (again); while it runs, its stage, a progress bar and Cancel. */
export function RunControls() {
  const design = useRolecraft((s) => s.design);
  const status = useAnalysisStatus();
  return (
    <>
      <button
        type="button"
        className="rounded bg-sky-700 px-3 py-1 font-semibold text-white disabled:opacity-50"
        disabled={status.phase === 'running'}
        onClick={() => runAnalysis(design, analysisNow())}
      >
        {status.phase === 'done' ? 'Run analysis again' : 'Run analysis'}
      </button>
      {status.phase === 'running' && (
        <>
          <span>{stageWords[status.stage] ?? status.stage}</span>
          <progress
            aria-label="Analysis progress"
            max={1}
            value={status.fraction}
            className="w-48"
          />
          <button type="button" className="rounded border px-3 py-1" onClick={cancelAnalysis}>
            Cancel
          </button>
        </>
      )}
      {status.phase === 'failed' && <span role="alert">The analysis failed: {status.reason}</span>}
    </>
  );
}

import { useState } from 'react';
import type { Diagnostic } from '../engine';
import { problemCounts } from './language/markers';
import type { Problem } from './monaco/editor-session';

const severityLabel: Record<Diagnostic['severity'], string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Info',
};
const severityIcon: Record<Diagnostic['severity'], string> = {
  error: '✕',
  warning: '⚠',
  info: 'ℹ',
};
const severityColor: Record<Diagnostic['severity'], string> = {
  error: 'text-red-600 dark:text-red-400',
  warning: 'text-amber-600 dark:text-amber-400',
  info: 'text-sky-600 dark:text-sky-400',
};

/** Diagnostic messages quote user input in backticks: show those parts as code. */
function Message({ text }: { text: string }) {
  return (
    <>
      {text.split(/(`[^`]*`)/).map((part, i) =>
        part.startsWith('`') && part.endsWith('`') && part.length > 1 ? (
          <code key={i} className="rounded bg-slate-100 px-0.5 dark:bg-slate-800">
            {part.slice(1, -1)}
          </code>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </>
  );
}

export interface ProblemsPanelProps {
  problems: readonly Problem[];
  onSelect: (problem: Problem) => void;
}

/** Problems listed at first, and added per "Show more": a policy can have thousands. */
const PROBLEMS_PAGE = 100;

/** The policy's errors and warnings as a list; choosing one jumps to its range. */
export function ProblemsPanel({ problems, onSelect }: ProblemsPanelProps) {
  const [limit, setLimit] = useState(PROBLEMS_PAGE);
  const listed = problems.slice(0, limit);
  const hidden = problems.length - listed.length;
  const counts = problemCounts(problems.map((p) => p.diagnostic));
  const summary =
    problems.length === 0
      ? 'no problems'
      : [
          counts.error && `${counts.error} error${counts.error > 1 ? 's' : ''}`,
          counts.warning && `${counts.warning} warning${counts.warning > 1 ? 's' : ''}`,
          counts.info && `${counts.info} note${counts.info > 1 ? 's' : ''}`,
        ]
          .filter(Boolean)
          .join(', ');
  return (
    <section
      aria-label="Problems"
      className="flex min-w-0 flex-col text-xs @2xl:w-72 @2xl:shrink-0"
    >
      <h3 className="mb-1 font-semibold">
        Problems <span className="font-normal text-slate-500">({summary})</span>
      </h3>
      {problems.length > 0 && (
        <ul className="max-h-48 overflow-auto rounded border border-slate-200 dark:border-slate-700">
          {listed.map((problem, i) => {
            const { severity, message, code } = problem.diagnostic;
            return (
              // By place in the list: an edit shifts every offset, and rows are then updated, not re-created.
              <li key={i}>
                <button
                  type="button"
                  onClick={() => onSelect(problem)}
                  aria-label={`${severityLabel[severity]}: ${message} (line ${problem.line}, column ${problem.column})`}
                  className="flex w-full items-start gap-1.5 px-2 py-1 text-left hover:bg-slate-100 focus-visible:bg-slate-100 dark:hover:bg-slate-800 dark:focus-visible:bg-slate-800"
                  title={code}
                >
                  <span aria-hidden className={severityColor[severity]}>
                    {severityIcon[severity]}
                  </span>
                  <span className="min-w-0 flex-1 break-words">
                    <Message text={message} />
                  </span>
                  <span className="shrink-0 text-slate-500">
                    {problem.line}:{problem.column}
                  </span>
                </button>
              </li>
            );
          })}
          {hidden > 0 && (
            <li>
              <button
                type="button"
                onClick={() => setLimit(limit + PROBLEMS_PAGE)}
                className="w-full px-2 py-1 text-left text-sky-700 underline hover:bg-slate-100 dark:text-sky-300 dark:hover:bg-slate-800"
              >
                Show {Math.min(PROBLEMS_PAGE, hidden).toLocaleString('en-US')} more (
                {hidden.toLocaleString('en-US')} not shown)
              </button>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}

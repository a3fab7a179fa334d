import { useEffect, useRef } from 'react';
import { findEntity } from '../../model';
import { useRolecraft } from '../../store';
import { useSimulation } from '../hooks/useSimulation';

/**
 * The policy behind a check, its deciding statement highlighted, beside the steps. A policy of
 * the design also opens in the inspector's editor ("Show in editor", or a failure); a session
 * policy belongs to the call, so this is where it shows.
 */
export function StatementView() {
  const focus = useSimulation((s) => s.focus);
  const clear = useSimulation((s) => s.clearFocus);
  const entity = useRolecraft((s) =>
    focus?.entityId ? findEntity(s.design, focus.entityId) : undefined,
  );
  const highlighted = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    highlighted.current?.scrollIntoView({ block: 'nearest' });
  }, [focus]);
  if (!focus) return null;
  const lines = focus.text.split('\n');
  const from = focus.range?.startLine ?? 0;
  const to = focus.range?.endLine ?? -1;
  const statement =
    focus.statementIndex === undefined
      ? focus.range
        ? 'every statement: none decided alone'
        : 'the whole policy'
      : `statement ${focus.statementIndex + 1}${focus.sid ? ` (${focus.sid})` : ''}`;
  return (
    <section
      aria-label="Deciding statement"
      className="flex min-h-0 flex-col rounded border border-slate-300 dark:border-slate-600"
    >
      <header className="flex items-center gap-2 border-b border-slate-200 px-2 py-1 text-xs dark:border-slate-700">
        <span className="min-w-0 flex-1">
          <span className="block truncate font-semibold">
            {focus.policyName}
            {entity && !focus.policyName.includes(entity.name) && (
              <span className="font-normal text-slate-600 dark:text-slate-300">
                {' '}
                on {entity.name}
              </span>
            )}
          </span>
          <span className="block truncate text-slate-600 dark:text-slate-300">{statement}</span>
        </span>
        <button
          type="button"
          onClick={clear}
          aria-label="Close statement"
          className="rounded px-1.5 hover:bg-slate-100 dark:hover:bg-slate-700"
        >
          ×
        </button>
      </header>
      <pre
        className="min-h-0 flex-1 overflow-auto p-2 font-mono text-[11px] leading-4"
        tabIndex={0}
        aria-label={`${focus.policyName}, ${statement} highlighted`}
      >
        {lines.map((line, i) => {
          const n = i + 1;
          const lit = n >= from && n <= to;
          return (
            <span
              key={i}
              ref={lit && n === from ? highlighted : undefined}
              data-highlighted={lit || undefined}
              className={`block ${lit ? 'bg-amber-100 dark:bg-amber-900/50' : ''}`}
            >
              <span
                aria-hidden="true"
                className="mr-2 inline-block w-6 select-none text-right text-slate-400"
              >
                {n}
              </span>
              {line || ' '}
            </span>
          );
        })}
      </pre>
    </section>
  );
}

import { useEffect, useRef } from 'react';
import { decidingStep, type AnimationStep } from '../animation/steps';
import { phaseOf, type StepPhase } from '../animation/timeline';
import type { AnimationRun } from '../state/simulation-store';
import type { StatementFocus } from '../world/locate';
import { useSimulation } from '../hooks/useSimulation';
import { Reason } from './Reason';
import { MARK_CLASSES, TONE_MARK, TONE_WORD, stepClasses } from './tones';

interface StepItemProps {
  step: AnimationStep;
  phase: StepPhase;
  deciding: boolean;
  /** The statement behind the step, when it has one. */
  focus: StatementFocus | null;
  onFocus: () => void;
  onReveal: () => void;
}

const STEP_BUTTON =
  'rounded border border-current/40 px-1.5 py-0.5 text-[11px] whitespace-nowrap hover:bg-white/60 focus-visible:outline-2 focus-visible:outline-sky-600 dark:hover:bg-slate-900/40';

function StepItem({ step, phase, deciding, focus, onFocus, onReveal }: StepItemProps) {
  const shown = phase !== 'pending';
  const word = !shown
    ? 'waiting'
    : step.kind === 'check'
      ? (step.word ?? TONE_WORD[step.tone])
      : '';
  return (
    <li
      aria-current={phase === 'current' ? 'step' : undefined}
      data-tone={shown ? step.tone : 'pending'}
      data-deciding={deciding || undefined}
      className={`rounded border-l-4 px-2 py-1 text-xs transition-colors motion-reduce:transition-none ${stepClasses(step.tone, phase)}`}
    >
      <div className="flex items-start gap-2">
        <span
          aria-hidden="true"
          className={`mt-0.5 inline-flex h-4 w-4 shrink-0 items-center justify-center rounded-full text-[10px] font-bold ${shown ? MARK_CLASSES[step.tone] : 'bg-slate-200 dark:bg-slate-700'}`}
        >
          {shown ? TONE_MARK[step.tone] : ''}
        </span>
        <div className="min-w-0 flex-1">
          <span className="font-semibold">{step.label}</span>
          {word && <span className="ml-1 font-normal">— {word}</span>}
          {shown && (
            <p className="mt-0.5 leading-snug">
              <Reason text={step.reason} />
            </p>
          )}
          {shown && step.explanation && (
            <p className="mt-0.5 leading-snug">
              <span className="font-medium">Why: </span>
              <Reason text={step.explanation} />
            </p>
          )}
          {shown && step.details && (
            <ul
              className="mt-1 space-y-0.5 border-l border-current/30 pl-2"
              aria-label={`Checks behind ${step.label}`}
            >
              {step.details.map((d, i) => (
                <li key={i}>
                  <span aria-hidden="true">{TONE_MARK[d.tone]} </span>
                  <span className="font-medium">{d.label}</span> — {TONE_WORD[d.tone] || 'noted'}:{' '}
                  <Reason text={d.reason} />
                </li>
              ))}
            </ul>
          )}
        </div>
        {shown && focus && (
          <div className="flex shrink-0 flex-col items-stretch gap-1">
            <button type="button" onClick={onFocus} className={STEP_BUTTON}>
              Show statement<span className="sr-only"> for {step.label}</span>
            </button>
            {/* Session policies belong to the call, not the design: the panel shows those. */}
            {focus.entityId && focus.slot && (
              <button type="button" onClick={onReveal} className={STEP_BUTTON}>
                Show in editor<span className="sr-only"> for {step.label}</span>
              </button>
            )}
          </div>
        )}
      </div>
    </li>
  );
}

/** The steps of a run, lighting in turn as the animation reaches them. */
export function StepList({ run, label }: { run: AnimationRun; label: string }) {
  const focusStep = useSimulation((s) => s.focusStep);
  const revealStep = useSimulation((s) => s.revealStep);
  const skip = useSimulation((s) => s.skipAnimation);
  const position = { index: run.index, progress: 0, done: run.done };
  const outcome = run.steps[run.steps.length - 1];
  const deciding = run.done ? decidingStep(run.steps) : undefined;
  const list = useRef<HTMLOListElement>(null);
  // Keep the step being checked in view; once done, the one that decided a failure.
  useEffect(() => {
    const target = list.current?.querySelector(
      run.done ? '[data-deciding]' : '[aria-current="step"]',
    );
    target?.scrollIntoView({ block: 'nearest' });
  }, [run.index, run.done, run.id]);
  return (
    <div className="flex min-h-0 flex-col gap-1" data-stale={run.stale || undefined}>
      <div className="flex items-center justify-between gap-2">
        <h3 className="truncate text-xs font-semibold text-slate-700 dark:text-slate-200">
          {run.title}
        </h3>
        {!run.done && (
          <button
            type="button"
            onClick={skip}
            className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-700"
          >
            Skip animation
          </button>
        )}
      </div>
      {run.stale && (
        <p className="rounded border border-dashed border-slate-400 bg-slate-50 px-2 py-1 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-200">
          <strong>Stale:</strong> the design changed after this run, so these checks may no longer
          hold. Run it again for the current answer.
        </p>
      )}
      <ol ref={list} aria-label={label} className={`space-y-1 ${run.stale ? 'opacity-60' : ''}`}>
        {run.steps.map((step, i) => (
          <StepItem
            key={`${run.id}:${step.id}:${i}`}
            step={step}
            phase={phaseOf(i, position)}
            deciding={step === deciding}
            focus={run.focuses[i] ?? null}
            onFocus={() => focusStep(run, i)}
            onReveal={() => revealStep(run, i)}
          />
        ))}
      </ol>
      <p role="status" className="text-xs font-semibold">
        {run.done && outcome ? (
          <span
            className={
              outcome.tone === 'fail'
                ? 'text-red-700 dark:text-red-300'
                : 'text-emerald-700 dark:text-emerald-300'
            }
          >
            {run.stale ? 'Stale (the design changed since): ' : ''}
            {outcome.reason.startsWith(outcome.label) ? '' : `${outcome.label}: `}
            <Reason text={outcome.reason} />
            {outcome.explanation && (
              <span className="block font-normal">
                Why: <Reason text={outcome.explanation} />
              </span>
            )}
          </span>
        ) : null}
      </p>
    </div>
  );
}

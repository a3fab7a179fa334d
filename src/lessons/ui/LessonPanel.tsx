import { useEffect, useRef } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useRolecraft } from '../../store';
import { FIT_PADDING, prefersReducedMotion } from '../../canvas';
import { lessonById } from '../catalog';
import { closeLesson, doItForMe, goToStep, resetLesson, showStepAgain } from '../controller';
import { useLessonUi } from '../lesson-ui';
import type { ActionOutcome } from '../runtime';

const button =
  'rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-500 disabled:opacity-40 disabled:hover:bg-transparent dark:border-slate-600 dark:hover:bg-slate-800';
const primary =
  'rounded-md bg-sky-700 px-2 py-1 text-sm font-semibold text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500';

function OutcomeLine({ outcome }: { outcome: ActionOutcome }) {
  const failed = outcome.outcome !== undefined && outcome.outcome !== 'OK';
  return (
    <li className="rounded border border-slate-200 px-2 py-1 dark:border-slate-700">
      <div className="flex items-baseline justify-between gap-2">
        <span>{outcome.summary}</span>
        {outcome.outcome !== undefined && (
          <span
            className={`shrink-0 rounded px-1 text-xs font-semibold ${failed ? 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200' : 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200'}`}
          >
            {outcome.outcome}
          </span>
        )}
      </div>
      {outcome.detail && (
        <p className="mt-0.5 text-xs break-words text-slate-600 dark:text-slate-400">
          {outcome.detail}
        </p>
      )}
    </li>
  );
}

/** The open lesson: the step's text, what it points at, "Do it for me", and the way through. */
export default function LessonPanel() {
  const active = useRolecraft((s) => s.activeLesson);
  const outcomes = useLessonUi((s) => (active ? s.outcomes[active.step] : undefined));
  const opened = useLessonUi((s) => s.opened);
  const flow = useReactFlow();
  const report = useRef<HTMLDivElement>(null);
  // What "Do it for me" reported may be below the fold of a short screen: bring it into view.
  useEffect(() => {
    if (outcomes) report.current?.scrollIntoView({ block: 'nearest' });
  }, [outcomes]);
  // The panel takes room from the canvas: fit the lesson's design to what is left.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      void flow.fitView({ padding: FIT_PADDING, duration: prefersReducedMotion() ? 0 : 200 });
    });
    return () => cancelAnimationFrame(frame);
  }, [flow, opened]);
  const lesson = active ? lessonById(active.id) : undefined;
  const step = lesson && active ? lesson.steps[active.step] : undefined;
  if (!lesson || !active || !step) return null;
  const notices = (outcomes ?? []).flatMap((o) => (o.notice ? [o] : []));
  const last = active.step === lesson.steps.length - 1;

  return (
    <section
      aria-label="Lesson"
      className="flex w-72 shrink-0 flex-col gap-2 overflow-auto border-r border-slate-200 p-3 text-sm dark:border-slate-700"
    >
      <div className="flex items-start justify-between gap-2">
        <div>
          <p className="text-xs font-medium text-slate-600 dark:text-slate-400">Lesson</p>
          <h2 className="text-base font-bold">{lesson.title}</h2>
        </div>
        <button type="button" className={button} onClick={closeLesson}>
          End lesson
        </button>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">{lesson.concept}</p>
      <p className="font-medium" aria-live="polite">
        Step {active.step + 1} of {lesson.steps.length}
      </p>
      <h3 className="text-sm font-semibold">{step.title}</h3>
      <p className="leading-relaxed">{step.text}</p>
      {step.cite && (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          <span className="font-medium">AWS concept:</span> {step.cite}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        {step.actions.length > 0 && (
          <button type="button" className={primary} onClick={doItForMe}>
            Do it for me
          </button>
        )}
        {step.highlight && (
          <button type="button" className={button} onClick={showStepAgain}>
            Show me
          </button>
        )}
      </div>
      <div ref={report} className="flex flex-col gap-2">
        {outcomes && outcomes.length > 0 && (
          <ul aria-label="What happened" className="flex flex-col gap-1">
            {outcomes.map((o, i) => (
              <OutcomeLine key={i} outcome={o} />
            ))}
          </ul>
        )}
        {notices.map((o, i) => (
          <p
            key={i}
            role="alert"
            className="rounded border border-amber-400 bg-amber-50 px-2 py-1 text-amber-900 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100"
          >
            This step no longer does what it promised ({o.expected} expected,{' '}
            {o.outcome ?? 'nothing'} happened): {o.notice}.
          </p>
        ))}
      </div>
      <nav
        aria-label="Lesson steps"
        className="sticky bottom-0 -mx-3 -mb-3 mt-auto flex flex-wrap gap-2 border-t border-slate-200 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
      >
        <button
          type="button"
          className={button}
          disabled={active.step === 0}
          onClick={() => goToStep(lesson, active.step - 1)}
        >
          Back
        </button>
        <button
          type="button"
          className={button}
          disabled={last}
          onClick={() => goToStep(lesson, active.step + 1)}
        >
          Next
        </button>
        <button type="button" className={button} onClick={() => void resetLesson()}>
          Reset lesson
        </button>
      </nav>
    </section>
  );
}

import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import { FIT_PADDING, prefersReducedMotion } from '../../canvas';
import { findEntity } from '../../model';
import { useRolecraft, type PathHop } from '../../store';

/** A hop with what people need to know about it: the actions it takes and what must hold. */
export interface PathStep extends PathHop {
  needs: string[];
}

/** Time each hop stays the newest one lit while the path plays. */
const HOP_MS = 900;

/**
 * One path (an escalation, a who-can answer) lit on the canvas hop by hop: it plays once from
 * the start (all at once with reduced motion), then Back and Next (or the arrow keys, Home and
 * End) move through it. Leaving the view takes the highlight off the canvas.
 */
export function PathStepper({ title, steps }: { title: string; steps: PathStep[] }) {
  const design = useRolecraft((s) => s.design);
  const lit = useRolecraft((s) => s.pathHighlight?.lit ?? 0);
  const setPath = useRolecraft((s) => s.setPathHighlight);
  const step = useRolecraft((s) => s.stepPathHighlight);
  const flow = useReactFlow();
  const timer = useRef<ReturnType<typeof setInterval> | undefined>(undefined);
  const stopPlaying = () => {
    clearInterval(timer.current);
    timer.current = undefined;
  };

  useEffect(() => {
    const reduced = prefersReducedMotion();
    setPath(steps, reduced ? steps.length : 0);
    const ids = [...new Set(steps.flatMap((s) => [s.from, s.to]))].map((id) => ({ id }));
    void flow.fitView({
      nodes: ids,
      padding: FIT_PADDING,
      maxZoom: 1,
      duration: reduced ? 0 : 300,
    });
    if (!reduced) {
      let shown = 0;
      timer.current = setInterval(() => {
        shown++;
        step(1);
        if (shown >= steps.length) stopPlaying();
      }, HOP_MS);
    }
    return () => {
      stopPlaying();
      setPath(null);
    };
  }, [steps, setPath, step, flow]);

  const name = (id: string) => findEntity(design, id)?.name ?? id;
  const move = (delta: number) => {
    stopPlaying();
    step(delta);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const delta =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? -1
          : event.key === 'End'
            ? steps.length
            : event.key === 'Home'
              ? -steps.length
              : 0;
    if (delta === 0) return;
    event.preventDefault();
    move(delta);
  };

  return (
    <div
      role="group"
      aria-label={`Path: ${title}`}
      tabIndex={0}
      onKeyDown={onKeyDown}
      className="flex min-h-0 flex-col gap-1 rounded border border-fuchsia-300 p-2 focus:outline-2 focus:outline-sky-600 dark:border-fuchsia-800"
    >
      <div className="flex flex-wrap items-center gap-2">
        <strong className="min-w-0 flex-1">{title}</strong>
        <button
          type="button"
          className="rounded border px-2 disabled:opacity-50"
          disabled={lit === 0}
          onClick={() => move(-1)}
        >
          Back
        </button>
        <span aria-live="polite">
          Step {lit} of {steps.length}
        </span>
        <button
          type="button"
          className="rounded border px-2 disabled:opacity-50"
          disabled={lit === steps.length}
          onClick={() => move(1)}
        >
          Next
        </button>
        <button
          type="button"
          className="rounded border px-2 disabled:opacity-50"
          disabled={lit === steps.length}
          onClick={() => move(steps.length)}
        >
          Whole path
        </button>
      </div>
      <ol aria-label="Steps of the path" className="min-h-0 overflow-auto">
        <li className="text-slate-600 dark:text-slate-300">Start: {name(steps[0]?.from ?? '')}</li>
        {steps.map((s, i) => (
          <li
            key={i}
            aria-current={i === lit - 1 ? 'step' : undefined}
            className={`rounded px-1 ${i < lit ? 'bg-fuchsia-100 dark:bg-fuchsia-950' : 'text-slate-500 dark:text-slate-400'} ${i === lit - 1 ? 'font-semibold' : ''}`}
          >
            {i + 1}. {name(s.from)} → {name(s.to)}:{' '}
            <span className="font-mono text-xs">{s.label}</span>
            {s.needs.length > 0 && <span> (needs {s.needs.join(', ')})</span>}
          </li>
        ))}
      </ol>
    </div>
  );
}

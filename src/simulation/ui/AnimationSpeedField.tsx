import { useId } from 'react';
import { ANIMATION_SPEEDS, isAnimationSpeed } from '../animation/timeline';
import { useSimulation } from '../hooks/useSimulation';

/**
 * How fast an assume or a call animates: 0.5x, 1x, 2x or Instant (remembered per browser).
 * With reduced motion every run shows at once, whatever is picked here.
 */
export function AnimationSpeedField() {
  const id = useId();
  const speed = useSimulation((s) => s.animationSpeed);
  const reducedMotion = useSimulation((s) => s.reducedMotion);
  const setSpeed = useSimulation((s) => s.setAnimationSpeed);
  return (
    <div className="flex items-center gap-1 text-xs">
      <label htmlFor={id} className="text-slate-600 dark:text-slate-300">
        Animation speed
      </label>
      <select
        id={id}
        value={speed}
        onChange={(e) => {
          const value = e.currentTarget.value;
          if (isAnimationSpeed(value)) setSpeed(value);
        }}
        aria-describedby={reducedMotion ? `${id}-reduced` : undefined}
        className="rounded border border-slate-300 bg-white px-1 py-0.5 text-xs text-slate-900 focus-visible:outline-2 focus-visible:outline-sky-600 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
      >
        {ANIMATION_SPEEDS.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>
      {reducedMotion && (
        <span id={`${id}-reduced`} className="text-[10px] text-slate-600 dark:text-slate-400">
          reduced motion: shown at once
        </span>
      )}
    </div>
  );
}

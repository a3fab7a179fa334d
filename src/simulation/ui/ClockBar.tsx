import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { SPEEDS, formatClock, formatSpan, stepSeconds, type Speed } from '../format';
import { useSimulation } from '../hooks/useSimulation';
import type { SimulationActions, SimulationState } from '../state/simulation-store';

/** The scrubber reaches at least this far past the start, and past every session's expiry. */
const MIN_SPAN_MS = 2 * 3600_000;
const MARGIN_MS = 30 * 60_000;

const selectClock = (s: SimulationState & SimulationActions) => ({
  nowMs: s.nowMs,
  startMs: s.startMs,
  playing: s.playing,
  speed: s.speed,
  lastExpiry: s.sessions.reduce((max, x) => Math.max(max, x.expiration), 0),
  play: s.play,
  pause: s.pause,
  setSpeed: s.setSpeed,
  step: s.step,
  scrubTo: s.scrubTo,
  reset: s.reset,
});

const button =
  'rounded border border-slate-300 px-2 py-0.5 text-xs font-medium hover:bg-slate-100 disabled:opacity-40 disabled:hover:bg-transparent focus-visible:outline-2 focus-visible:outline-sky-600 dark:border-slate-600 dark:hover:bg-slate-700';

export function ClockBar() {
  const c = useSimulation(useShallow(selectClock));
  const speedName = useId();
  const max = Math.max(c.startMs + MIN_SPAN_MS, c.lastExpiry + MARGIN_MS, c.nowMs);
  const stepLabel = `+${formatSpan(stepSeconds(c.speed))}`;
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <p className="font-mono text-sm font-semibold tabular-nums" aria-live="off">
        <span className="sr-only">Simulated time: </span>
        <time dateTime={new Date(c.nowMs).toISOString()} data-testid="simulated-now">
          {formatClock(c.nowMs)}
        </time>
      </p>
      <div className="flex items-center gap-1">
        <button type="button" className={button} onClick={c.play} disabled={c.playing}>
          Play
        </button>
        <button type="button" className={button} onClick={c.pause} disabled={!c.playing}>
          Pause
        </button>
        <button
          type="button"
          className={button}
          onClick={c.step}
          aria-label={`Step ${stepLabel}`}
          title={`Advance the clock by ${formatSpan(stepSeconds(c.speed))}`}
        >
          Step <span className="text-slate-500 dark:text-slate-400">{stepLabel}</span>
        </button>
      </div>
      <fieldset className="flex items-center gap-1 text-xs">
        <legend className="sr-only">Speed</legend>
        <span aria-hidden="true" className="text-slate-600 dark:text-slate-300">
          Speed
        </span>
        {SPEEDS.map((speed) => (
          <label
            key={speed}
            className="cursor-pointer rounded border border-slate-300 px-1.5 py-0.5 has-[:checked]:border-sky-600 has-[:checked]:bg-sky-600 has-[:checked]:text-white has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-sky-600 dark:border-slate-600"
          >
            <input
              type="radio"
              className="sr-only"
              name={speedName}
              value={speed}
              checked={c.speed === speed}
              onChange={() => c.setSpeed(speed as Speed)}
            />
            {speed}×
          </label>
        ))}
      </fieldset>
      <label className="flex min-w-48 flex-1 items-center gap-2 text-xs">
        <span className="sr-only">Simulated time</span>
        <input
          type="range"
          className="w-full accent-sky-600"
          min={c.startMs}
          max={max}
          step={1000}
          value={c.nowMs}
          aria-valuetext={formatClock(c.nowMs)}
          onChange={(e) => c.scrubTo(Number(e.currentTarget.value))}
        />
      </label>
      <button type="button" className={button} onClick={c.reset}>
        Reset
      </button>
    </div>
  );
}

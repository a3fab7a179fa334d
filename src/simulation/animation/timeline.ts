// When each step of an animation shows. Travel takes longest (a token crosses the canvas);
// with reduced motion the same steps are shown as highlights, a little quicker.

import type { AnimationStep } from './steps';

export interface TimelineOptions {
  reducedMotion: boolean;
  /** Multiplies every duration (1 = normal). */
  pace?: number;
}

const STEP_MS = {
  travel: 800,
  check: 380,
  outcome: 250,
} as const;

const REDUCED_STEP_MS = {
  travel: 450,
  check: 380,
  outcome: 250,
} as const;

export function stepDurations(steps: readonly AnimationStep[], options: TimelineOptions): number[] {
  const table = options.reducedMotion ? REDUCED_STEP_MS : STEP_MS;
  const pace = options.pace ?? 1;
  return steps.map((s) => Math.round(table[s.kind] * pace));
}

export interface TimelinePosition {
  /** The step showing now (the last one once done). */
  index: number;
  /** 0 to 1 within that step. */
  progress: number;
  done: boolean;
}

/** The step showing `elapsedMs` after the animation started. */
export function positionAt(durations: readonly number[], elapsedMs: number): TimelinePosition {
  if (durations.length === 0) return { index: -1, progress: 1, done: true };
  let start = 0;
  const elapsed = Math.max(0, elapsedMs);
  for (const [index, duration] of durations.entries()) {
    const end = start + duration;
    if (elapsed < end)
      return { index, progress: duration === 0 ? 1 : (elapsed - start) / duration, done: false };
    start = end;
  }
  return { index: durations.length - 1, progress: 1, done: true };
}

export function totalDuration(durations: readonly number[]): number {
  return durations.reduce((sum, d) => sum + d, 0);
}

/** What each step looks like at a position: done steps keep their colour, the current one is lit, later ones wait. */
export type StepPhase = 'done' | 'current' | 'pending';

export function phaseOf(stepIndex: number, position: TimelinePosition): StepPhase {
  if (position.done || stepIndex < position.index) return 'done';
  return stepIndex === position.index ? 'current' : 'pending';
}

// When each step of an animation shows. Travel takes longest (a token crosses the canvas).
// The person picks how fast (0.5x to instant); reduced motion shows every step at once.

import type { AnimationStep } from './steps';

/** How fast the animation runs, as the panel offers it. */
export const ANIMATION_SPEEDS = [
  { id: '0.5x', label: '0.5×', pace: 2 },
  { id: '1x', label: '1×', pace: 1 },
  { id: '2x', label: '2×', pace: 0.5 },
  { id: 'instant', label: 'Instant', pace: 0 },
] as const;

export type AnimationSpeed = (typeof ANIMATION_SPEEDS)[number]['id'];

export const DEFAULT_ANIMATION_SPEED: AnimationSpeed = '1x';

export function isAnimationSpeed(value: unknown): value is AnimationSpeed {
  return ANIMATION_SPEEDS.some((s) => s.id === value);
}

export interface TimelineOptions {
  /** Reduced motion: every step at once (duration 0), whatever the speed. */
  reducedMotion: boolean;
  speed?: AnimationSpeed;
}

const STEP_MS = {
  travel: 800,
  check: 380,
  outcome: 250,
} as const;

export function stepDurations(steps: readonly AnimationStep[], options: TimelineOptions): number[] {
  const pace = options.reducedMotion
    ? 0
    : (ANIMATION_SPEEDS.find((s) => s.id === options.speed)?.pace ?? 1);
  return steps.map((s) => Math.round(STEP_MS[s.kind] * pace));
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

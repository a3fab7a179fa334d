// The two things that move on their own: the simulated clock while playing, and the
// animation's current step. Both follow the wall clock here, in the UI; the engine only ever
// sees the simulated clock they advance.

import { useEffect } from 'react';
import { positionAt } from '../animation/timeline';
import { useSimulation } from '../hooks/useSimulation';
import { useSimulationStore } from '../hooks/useSimulationStore';
import { useReducedMotion } from './useReducedMotion';

/** Longest frame gap counted, so a hidden tab does not jump the clock by minutes of play. */
const MAX_FRAME_SECONDS = 0.25;

export function useClockDriver(): void {
  const simulationStore = useSimulationStore();
  const playing = useSimulation((s) => s.playing);
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      const seconds = Math.min((now - last) / 1000, MAX_FRAME_SECONDS);
      last = now;
      simulationStore.getState().tick(seconds);
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, simulationStore]);
}

export function useAnimationDriver(): void {
  const simulationStore = useSimulationStore();
  const runId = useSimulation((s) => (s.animation && !s.animation.done ? s.animation.id : null));
  useEffect(() => {
    if (runId === null) return;
    const started = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      const run = simulationStore.getState().animation;
      if (!run || run.id !== runId || run.done) return;
      const position = positionAt(run.durations, now - started);
      if (position.index !== run.index || position.done)
        simulationStore.getState().showStep(position.index, position.done);
      if (!position.done) frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [runId, simulationStore]);
}

export function useReducedMotionSync(): void {
  const simulationStore = useSimulationStore();
  const reduce = useReducedMotion();
  useEffect(() => simulationStore.getState().setReducedMotion(reduce), [reduce, simulationStore]);
}

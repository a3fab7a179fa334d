/** The analysis of the open design: running (with progress and Cancel), done, or failed. */
import { useSyncExternalStore } from 'react';
import type { AnalysisResult } from '../../analysis';
import type { Design } from '../../model';
import type { AnalysisWorkerMessage } from './analysis-worker';

export type AnalysisStatus =
  | { phase: 'idle' }
  | { phase: 'running'; fraction: number; stage: string }
  | { phase: 'done'; result: AnalysisResult; design: Design }
  | { phase: 'failed'; reason: string };

let status: AnalysisStatus = { phase: 'idle' };
let worker: Worker | undefined;
const listeners = new Set<() => void>();

function set(next: AnalysisStatus) {
  status = next;
  for (const l of listeners) l();
}

export function useAnalysisStatus(): AnalysisStatus {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => status,
  );
}

/** Ends a running analysis (the worker stops where it is). */
export function cancelAnalysis() {
  worker?.terminate();
  worker = undefined;
  set({ phase: 'idle' });
}

/** Analyses the design in a worker at `now` (ISO 8601). */
export function runAnalysis(design: Design, now: string) {
  worker?.terminate();
  const w = new Worker(new URL('./analysis-worker.ts', import.meta.url), { type: 'module' });
  worker = w;
  set({ phase: 'running', fraction: 0, stage: 'trust' });
  w.onmessage = (event: MessageEvent<AnalysisWorkerMessage>) => {
    // A message already on its way from a cancelled (or replaced) run changes nothing.
    if (worker !== w) return;
    const m = event.data;
    if (m.type === 'progress') set({ phase: 'running', fraction: m.fraction, stage: m.stage });
    else {
      w.terminate();
      worker = undefined;
      set(
        m.type === 'done'
          ? { phase: 'done', result: m.result, design }
          : { phase: 'failed', reason: m.reason },
      );
    }
  };
  w.onerror = (event) => {
    if (worker !== w) return;
    w.terminate();
    worker = undefined;
    set({ phase: 'failed', reason: event.message || 'the analysis stopped' });
  };
  w.postMessage({ design, now });
}

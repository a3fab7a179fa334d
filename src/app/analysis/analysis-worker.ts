/// <reference lib="webworker" />
// Runs the analysis off the main thread, posting progress; the page ends the worker to cancel.
import { analyze, type AnalysisResult } from '../../analysis';
import type { Design } from '../../model';

export type AnalysisWorkerMessage =
  | { type: 'progress'; fraction: number; stage: string }
  | { type: 'done'; result: AnalysisResult }
  | { type: 'failed'; reason: string };

self.onmessage = (event: MessageEvent<{ design: Design; now: string }>) => {
  const post = (m: AnalysisWorkerMessage) => self.postMessage(m);
  try {
    const analysis = analyze(event.data.design, {
      now: event.data.now,
      onProgress: (p) => post({ type: 'progress', fraction: p.fraction, stage: p.stage }),
    });
    post({ type: 'done', result: analysis.result });
  } catch (error) {
    post({ type: 'failed', reason: (error as Error).message });
  }
};

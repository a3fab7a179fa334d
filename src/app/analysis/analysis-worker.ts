/// <reference lib="webworker" />
// Runs the analysis off the main thread, posting progress; the page ends the worker to cancel.
// It keeps the analyses the page may still ask about (who can..., what an edit changes), so a
// question about an analysed design costs no second analysis.
import { jobRunner, type AnalysisWorkerInput } from './worker-jobs';

const run = jobRunner();

self.onmessage = (event: MessageEvent<AnalysisWorkerInput>) =>
  run(event.data, (m) => self.postMessage(m));

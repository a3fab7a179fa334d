/**
 * The analysis of the open design, run in a worker: running (with progress and Cancel), done,
 * or failed; and the questions asked of a finished analysis (who can..., what an edit
 * changes), answered by the same worker from the analyses it still holds.
 */
import { useSyncExternalStore } from 'react';
import type { AnalysisResult, WhatIf, WhoCanEntry } from '../../analysis';
import type { Design } from '../../model';
import { assemble, partsOf, type Part } from './parts';
import type {
  AnalysisAsk,
  AnalysisWorkerInput,
  AnalysisWorkerMessage,
  AnalysisWorkerRequest,
} from './worker-jobs';

export type AnalysisStatus =
  | { phase: 'idle' }
  | { phase: 'running'; fraction: number; stage: string }
  | { phase: 'done'; result: AnalysisResult; design: Design }
  | { phase: 'failed'; reason: string };

let status: AnalysisStatus = { phase: 'idle' };
let worker: Worker | undefined;
/** The design versions whose analyses the worker holds (see `keep` in the worker). */
let held = new Set<number>();
const keys = new WeakMap<Design, number>();
let nextKey = 1;
let nextJob = 1;
const jobs = new Map<number, (m: AnalysisWorkerMessage) => void>();
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

/** The instant an analysis run assumes: now, to the second. */
export const analysisNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The current status, outside React. */
export const analysisStatus = (): AnalysisStatus => status;

/** One key per design version: the same object, the same key. */
function keyOf(design: Design): number {
  let key = keys.get(design);
  if (key === undefined) {
    key = nextKey++;
    keys.set(design, key);
  }
  return key;
}

/** Lets `design` stand for the version `as` was analysed as (undo makes an equal copy). */
export function sameVersion(design: Design, as: Design) {
  keys.set(design, keyOf(as));
}

/** Thrown to the askers of jobs the user cancelled. */
export class AnalysisCancelled extends Error {
  constructor() {
    super('the analysis was cancelled');
  }
}

function ensureWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./analysis-worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (event: MessageEvent<AnalysisWorkerMessage>) => {
    if (worker !== w) return;
    jobs.get(event.data.job)?.(event.data);
  };
  w.onerror = (event) => {
    if (worker !== w) return;
    stopWorker();
    const reason = event.message || 'the analysis stopped';
    for (const [job, settle] of [...jobs]) settle({ type: 'failed', job, reason });
    jobs.clear();
  };
  worker = w;
  return w;
}

function stopWorker() {
  worker?.terminate();
  worker = undefined;
  held = new Set();
}

/**
 * Sends one job: the worker analyses the designs it lacks (progress goes to `onProgress`), then
 * answers `ask`, then keeps only `keep`. Resolves with the worker's answer.
 */
function send(
  ask: AnalysisAsk,
  designs: Design[],
  keep: Design[],
  now: string,
  onProgress: (fraction: number, stage: string) => void,
): Promise<AnalysisWorkerMessage> {
  const w = ensureWorker();
  const job = nextJob++;
  // A large design goes as its head and parts, each its own message (see parts.ts).
  const parts: AnalysisWorkerInput[] = [];
  const missing = designs
    .filter((d, i) => !held.has(keyOf(d)) && designs.indexOf(d) === i)
    .map((design) => {
      const key = keyOf(design);
      const split = partsOf(design);
      for (const part of split.parts) parts.push({ type: 'design-part', job, key, part });
      return { key, design: split.head };
    });
  const keepKeys = [...new Set(keep.map(keyOf))];
  const request: AnalysisWorkerRequest = { job, now, designs: missing, ask, keep: keepKeys };
  const have = new Set([...held, ...missing.map((m) => m.key)]);
  held = new Set(keepKeys.filter((k) => have.has(k)));
  const resultParts: Part[] = [];
  return new Promise((resolve, reject) => {
    jobs.set(job, (m) => {
      if (m.type === 'progress') return onProgress(m.fraction, m.stage);
      if (m.type === 'result-part') return void resultParts.push(m.part);
      jobs.delete(job);
      if (m.type === 'failed') held = new Set();
      if (m.type === 'failed' && m.reason === CANCELLED) reject(new AnalysisCancelled());
      else if (m.type === 'done' || m.type === 'what-if')
        resolve({ ...m, result: assemble(m.result, resultParts) });
      else resolve(m);
    });
    postInTurns(w, [...parts, request]);
  });
}

/**
 * Posts `messages` in order, one per task when there are several: the page stays responsive
 * while a large design goes over, and a Cancel in between stops the rest.
 */
function postInTurns(w: Worker, messages: AnalysisWorkerInput[]) {
  const next = (i: number) => {
    if (worker !== w || i >= messages.length) return;
    w.postMessage(messages[i]);
    if (i + 1 < messages.length) setTimeout(() => next(i + 1), 0);
  };
  next(0);
}

const CANCELLED = '\0cancelled';

/** Ends what the worker is doing (it stops where it is); a finished analysis stays shown. */
export function cancelAnalysis() {
  stopWorker();
  for (const [job, settle] of [...jobs]) settle({ type: 'failed', job, reason: CANCELLED });
  jobs.clear();
  if (status.phase === 'running') set({ phase: 'idle' });
}

const running = (fraction: number, stage: string) => set({ phase: 'running', fraction, stage });

/** Analyses the design in the worker at `now` (ISO 8601). */
export function runAnalysis(design: Design, now: string) {
  cancelAnalysis();
  running(0, 'trust');
  send({ type: 'analysis', key: keyOf(design) }, [design], [design], now, running).then(
    (m) => {
      if (m.type === 'done') set({ phase: 'done', result: m.result, design });
      else if (m.type === 'failed') set({ phase: 'failed', reason: m.reason });
    },
    () => {},
  );
}

/** Who can call `action` on `resource` in `design` (analysed first if it is not yet). */
export async function askWhoCan(
  design: Design,
  action: string,
  resource: string,
  onProgress: (fraction: number, stage: string) => void = () => {},
): Promise<WhoCanEntry[]> {
  const now = status.phase === 'done' ? status.result.now : analysisNow();
  const keep = status.phase === 'done' ? [status.design, design] : [design];
  const m = await send(
    { type: 'who-can', key: keyOf(design), action, resource },
    [design],
    keep,
    now,
    onProgress,
  );
  if (m.type === 'failed') throw new Error(m.reason);
  return m.type === 'who-can' ? m.entries : [];
}

/**
 * What `after` changes against `before` (the analysed design): both analysed at the same
 * instant. The analysis of `after` becomes the shown one; the worker keeps `before` for Undo.
 */
export async function runWhatIf(before: Design, after: Design): Promise<WhatIf> {
  if (status.phase !== 'done') throw new Error('no analysis to compare the edit with');
  const now = status.result.now;
  running(0, 'trust');
  try {
    const m = await send(
      { type: 'what-if', before: keyOf(before), after: keyOf(after) },
      [before, after],
      [before, after],
      now,
      running,
    );
    if (m.type === 'failed') {
      set({ phase: 'failed', reason: m.reason });
      throw new Error(m.reason);
    }
    if (m.type !== 'what-if') throw new Error('the worker answered another question');
    set({ phase: 'done', result: m.result, design: after });
    return m.whatIf;
  } catch (error) {
    if (error instanceof AnalysisCancelled) set({ phase: 'idle' });
    throw error;
  }
}

/** Shows `result` as the analysis of `design` again (Undo of an edit: the before version). */
export function showAnalysis(result: AnalysisResult, design: Design) {
  set({ phase: 'done', result, design });
}

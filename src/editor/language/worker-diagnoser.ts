// The editor's diagnoser: the validator runs in a worker (diagnose-worker.ts), so typing in a
// large policy never waits for it. Where there is no Worker (unit tests) or the worker cannot
// start or fails a request, the same diagnoser runs on this thread instead: the problems list
// never goes without an answer.
import type { Diagnostic } from '../../engine';
import type { Catalogue } from '../catalogue/catalogue';
import { createDiagnoser, type Diagnoser } from './diagnose';
import type { PolicyType } from './types';

export interface DiagnoseRequest {
  id: number;
  text: string;
  type: PolicyType;
}

export type DiagnoseReply =
  { id: number; diagnostics: Diagnostic[] } | { id: number; failed: string };

interface Waiting {
  text: string;
  type: PolicyType;
  resolve: (diagnostics: Diagnostic[]) => void;
}

export function createWorkerDiagnoser(
  catalogue: Catalogue,
  startWorker: () => Worker | undefined = defaultWorker,
): Diagnoser {
  let local: Diagnoser | undefined;
  const onThisThread = () => (local ??= createDiagnoser(catalogue));
  const waiting = new Map<number, Waiting>();
  let nextId = 0;
  let worker: Worker | undefined | null = null; // null: not started yet

  const giveUp = () => {
    worker?.terminate();
    worker = undefined;
    const left = [...waiting.values()];
    waiting.clear();
    for (const w of left) void onThisThread().diagnose(w.text, w.type).then(w.resolve);
  };

  const started = (): Worker | undefined => {
    if (worker !== null) return worker;
    try {
      worker = startWorker();
    } catch {
      worker = undefined;
    }
    if (!worker) return undefined;
    worker.onmessage = (event: MessageEvent<DiagnoseReply>) => {
      const reply = event.data;
      const request = waiting.get(reply.id);
      if (!request) return;
      waiting.delete(reply.id);
      if ('diagnostics' in reply) request.resolve(reply.diagnostics);
      else void onThisThread().diagnose(request.text, request.type).then(request.resolve);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      giveUp();
    };
    return worker;
  };

  return {
    diagnose(text, type) {
      const w = started();
      if (!w) return onThisThread().diagnose(text, type);
      return new Promise((resolve) => {
        const id = ++nextId;
        waiting.set(id, { text, type, resolve });
        w.postMessage({ id, text, type } satisfies DiagnoseRequest);
      });
    },
  };
}

function defaultWorker(): Worker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  return new Worker(new URL('./diagnose-worker.ts', import.meta.url), { type: 'module' });
}

/**
 * The analysis worker's jobs (see analysis-worker.ts), apart from the worker itself so tests
 * can run them: it holds the analyses the page may still ask about.
 */
import {
  analyze,
  whatIf,
  type Analysis,
  type AnalysisResult,
  type WhatIf,
  type WhoCanEntry,
} from '../../analysis';
import type { Design } from '../../model';
/** What the page asks about the analyses it names by key (one key per design version). */
export type AnalysisAsk =
  | { type: 'analysis'; key: number }
  | { type: 'what-if'; before: number; after: number }
  | { type: 'who-can'; key: number; action: string; resource: string };

export interface AnalysisWorkerRequest {
  job: number;
  /** The instant the analysis assumes, ISO 8601. */
  now: string;
  /** Designs to analyse first: the ones the worker does not hold yet. */
  designs: { key: number; design: Design }[];
  ask: AnalysisAsk;
  /** The keys to hold on to once the job is done; the worker lets go of the others. */
  keep: number[];
}

export type AnalysisWorkerMessage =
  | { type: 'progress'; job: number; fraction: number; stage: string }
  | { type: 'done'; job: number; result: AnalysisResult }
  | { type: 'what-if'; job: number; result: AnalysisResult; whatIf: WhatIf }
  | { type: 'who-can'; job: number; entries: WhoCanEntry[] }
  | { type: 'failed'; job: number; reason: string };

/** A job runner with its own held analyses: one per worker. */
export function jobRunner(): (
  request: AnalysisWorkerRequest,
  post: (m: AnalysisWorkerMessage) => void,
) => void {
  const held = new Map<number, Analysis>();

  function answer(request: AnalysisWorkerRequest): AnalysisWorkerMessage {
    const { job, ask } = request;
    const get = (key: number) => {
      const analysis = held.get(key);
      if (!analysis) throw new Error(`the analysis of design version ${key} is gone: run it again`);
      return analysis;
    };
    switch (ask.type) {
      case 'analysis':
        return { type: 'done', job, result: get(ask.key).result };
      case 'what-if': {
        const after = get(ask.after);
        return {
          type: 'what-if',
          job,
          result: after.result,
          whatIf: whatIf(get(ask.before), after),
        };
      }
      case 'who-can':
        return { type: 'who-can', job, entries: get(ask.key).whoCan(ask.action, ask.resource) };
    }
  }

  return (request, post) => {
    try {
      const count = request.designs.length;
      request.designs.forEach(({ key, design }, i) => {
        held.set(
          key,
          analyze(design, {
            now: request.now,
            onProgress: (p) =>
              post({
                type: 'progress',
                job: request.job,
                fraction: (i + p.fraction) / count,
                stage: p.stage,
              }),
          }),
        );
      });
      const message = answer(request);
      for (const key of [...held.keys()]) if (!request.keep.includes(key)) held.delete(key);
      post(message);
    } catch (error) {
      held.clear();
      post({ type: 'failed', job: request.job, reason: (error as Error).message });
    }
  };
}

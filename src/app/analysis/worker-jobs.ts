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
import { assemble, partsOf, type Part } from './parts';
/** What the page asks about the analyses it names by key (one key per design version). */
export type AnalysisAsk =
  | { type: 'analysis'; key: number }
  | { type: 'what-if'; before: number; after: number }
  | { type: 'who-can'; key: number; action: string; resource: string };

export interface AnalysisWorkerRequest {
  job: number;
  /** The instant the analysis assumes, ISO 8601. */
  now: string;
  /**
   * Designs to analyse first: the ones the worker does not hold yet. A large one comes as its
   * head here, its lists in `design-part` messages before this one.
   */
  designs: { key: number; design: Design }[];
  ask: AnalysisAsk;
  /** The keys to hold on to once the job is done; the worker lets go of the others. */
  keep: number[];
}

/** A slice of a design of the job's request that follows (see parts.ts). */
interface DesignPartMessage {
  type: 'design-part';
  job: number;
  key: number;
  part: Part;
}

/** What the page posts to the worker. */
export type AnalysisWorkerInput = AnalysisWorkerRequest | DesignPartMessage;

export type AnalysisWorkerMessage =
  | { type: 'progress'; job: number; fraction: number; stage: string }
  /** A slice of the result of the `done` or `what-if` message that follows. */
  | { type: 'result-part'; job: number; part: Part }
  | { type: 'done'; job: number; result: AnalysisResult }
  | { type: 'what-if'; job: number; result: AnalysisResult; whatIf: WhatIf }
  | { type: 'who-can'; job: number; entries: WhoCanEntry[] }
  | { type: 'failed'; job: number; reason: string };

/** A job runner with its own held analyses: one per worker. */
export function jobRunner(): (
  input: AnalysisWorkerInput,
  post: (m: AnalysisWorkerMessage) => void,
) => void {
  const held = new Map<number, Analysis>();
  /** Parts of designs whose request has not come yet, by design key. */
  const pending = new Map<number, Part[]>();

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

  /** The result in slices, then the message with the rest of it. */
  function postAnswer(message: AnalysisWorkerMessage, post: (m: AnalysisWorkerMessage) => void) {
    if (message.type !== 'done' && message.type !== 'what-if') return post(message);
    const { head, parts } = partsOf(message.result);
    for (const part of parts) post({ type: 'result-part', job: message.job, part });
    post({ ...message, result: head });
  }

  return (input, post) => {
    if ('part' in input) {
      const parts = pending.get(input.key) ?? [];
      parts.push(input.part);
      pending.set(input.key, parts);
      return;
    }
    const request = input;
    try {
      const count = request.designs.length;
      request.designs.forEach(({ key, design: head }, i) => {
        const design = assemble(head, pending.get(key) ?? []);
        pending.delete(key);
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
      postAnswer(message, post);
    } catch (error) {
      held.clear();
      pending.clear();
      post({ type: 'failed', job: request.job, reason: (error as Error).message });
    }
  };
}

/**
 * Saves a design through the save worker (save-worker.ts): the page only makes the JSON text,
 * reusing the text of everything unchanged, and posts the parts that changed. Where workers are missing (tests) or the worker
 * cannot start, the page saves itself, as before.
 */
import { StaleDesignError, designPartsInSlices, type DesignStorage } from '../io';
import type { Design } from '../model';
import type { SaveReply, SaveRequest } from './save-worker';

/** Lets the page paint and handle input between slices of a first save's text. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

let worker: Worker | undefined;
let broken = typeof Worker !== 'function';
let seq = 0;
/** The text of each top-level entry as last posted to the worker (it keeps them). */
const sent = new Map<string, string>();
const waiting = new Map<number, (reply: SaveReply | undefined) => void>();

function startWorker(): Worker | undefined {
  if (broken) return undefined;
  if (worker) return worker;
  try {
    worker = new Worker(new URL('./save-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    broken = true;
    return undefined;
  }
  worker.onmessage = (event: MessageEvent<SaveReply>) => {
    waiting.get(event.data.seq)?.(event.data);
    waiting.delete(event.data.seq);
  };
  // A worker that fails to load or dies: every save from now on is made by the page.
  worker.onerror = () => {
    broken = true;
    worker?.terminate();
    worker = undefined;
    for (const settle of waiting.values()) settle(undefined);
    waiting.clear();
  };
  return worker;
}

/** Saves `design` over `expectedRevision`; its new revision, or `StaleDesignError`. */
export async function saveDesign(
  storage: DesignStorage,
  design: Design,
  expectedRevision: number,
): Promise<{ revision: number }> {
  const running = startWorker();
  if (!running) return storage.save(design, expectedRevision);
  const parts = await designPartsInSlices(design, nextTask);
  const changed: Record<string, string> = {};
  for (const [key, text] of parts)
    if (sent.get(key) !== text) {
      changed[key] = text;
      sent.set(key, text);
    }
  const keys = parts.map(([key]) => key);
  const request: SaveRequest = { seq: ++seq, keys, changed, expectedRevision };
  const reply = await new Promise<SaveReply | undefined>((resolve) => {
    waiting.set(request.seq, resolve);
    running.postMessage(request);
  });
  if (!reply) return storage.save(design, expectedRevision);
  if (reply.type === 'stale') throw new StaleDesignError(reply.id, reply.storedRevision);
  if (reply.type === 'failed') throw new Error(reply.message);
  return { revision: reply.revision };
}

/**
 * Saves a design through the save worker (save-worker.ts): the page only makes the JSON text,
 * reusing the text of everything unchanged, and posts the parts that changed (of a layout a
 * drop changed, only the entries it set; see save-parts.ts). Where workers are missing (tests) or the worker
 * cannot start, the page saves itself, as before.
 */
import { StaleDesignError, type DesignStorage } from '../io';
import type { Design } from '../model';
import { SaveRequests } from './save-parts';
import type { SaveReply } from './save-worker';

/** Lets the page paint and handle input between slices of a first save's text. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

let worker: Worker | undefined;
let broken = typeof Worker !== 'function';
/** What the worker has been sent, and the next request. */
const requests = new SaveRequests();
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
  const request = await requests.next(design, expectedRevision, nextTask);
  const reply = await new Promise<SaveReply | undefined>((resolve) => {
    waiting.set(request.seq, resolve);
    running.postMessage(request);
  });
  if (!reply) return storage.save(design, expectedRevision);
  if (reply.type === 'stale') throw new StaleDesignError(reply.id, reply.storedRevision);
  if (reply.type === 'failed') throw new Error(reply.message);
  return { revision: reply.revision };
}

/// <reference lib="webworker" />
// Writes the open design to IndexedDB off the main thread: the page sends the design's JSON
// text (made incrementally, see io/design-json.ts; a string is cheap to post), and the copy
// into storage (the structured clone of every entity) happens here. The record is the same
// as a save from the page makes.
import { DesignStorage, StaleDesignError } from '../io';
import type { Design } from '../model';

export interface SaveRequest {
  seq: number;
  text: string;
  expectedRevision: number;
}

export type SaveReply =
  | { seq: number; type: 'saved'; revision: number }
  | { seq: number; type: 'stale'; id: string; storedRevision: number }
  | { seq: number; type: 'failed'; message: string };

const storage = new DesignStorage();

self.onmessage = async (event: MessageEvent<SaveRequest>) => {
  const { seq, text, expectedRevision } = event.data;
  const post = (reply: SaveReply) => self.postMessage(reply);
  try {
    const saved = await storage.save(JSON.parse(text) as Design, expectedRevision);
    post({ seq, type: 'saved', revision: saved.revision });
  } catch (error) {
    if (error instanceof StaleDesignError)
      post({ seq, type: 'stale', id: error.id, storedRevision: error.storedRevision });
    else post({ seq, type: 'failed', message: (error as Error).message });
  }
};

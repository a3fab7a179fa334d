/// <reference lib="webworker" />
// Writes the open design to IndexedDB off the main thread: the page sends the JSON text of the
// design's top-level entries that changed since its last request (made incrementally, see
// io/design-json.ts; a drop at 10,000 nodes sends the entries it set, not 5 MB; see
// save-parts.ts), and the copy
// into storage (the structured clone of every entity) happens here. The record is the same
// as a save from the page makes.
import { DesignStorage, StaleDesignError } from '../io';
import type { Design } from '../model';
import { SavedParts, type SaveRequest } from './save-parts';

export type { SaveRequest };

export type SaveReply =
  | { seq: number; type: 'saved'; revision: number }
  | { seq: number; type: 'stale'; id: string; storedRevision: number }
  | { seq: number; type: 'failed'; message: string };

const storage = new DesignStorage();
/** The text of each top-level entry as last sent: a drop sends only the layout's entries. */
const parts = new SavedParts();

self.onmessage = async (event: MessageEvent<SaveRequest>) => {
  const { seq, expectedRevision } = event.data;
  const post = (reply: SaveReply) => self.postMessage(reply);
  try {
    const text = parts.take(event.data);
    const saved = await storage.save(JSON.parse(text) as Design, expectedRevision);
    post({ seq, type: 'saved', revision: saved.revision });
  } catch (error) {
    if (error instanceof StaleDesignError)
      post({ seq, type: 'stale', id: error.id, storedRevision: error.storedRevision });
    else post({ seq, type: 'failed', message: (error as Error).message });
  }
};

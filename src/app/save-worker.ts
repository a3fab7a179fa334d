/// <reference lib="webworker" />
// Writes the open design to IndexedDB off the main thread: the page sends the JSON text of the
// design's top-level entries that changed since its last request (made incrementally, see
// io/design-json.ts; a drop at 10,000 nodes sends the layout, not 5 MB), and the copy
// into storage (the structured clone of every entity) happens here. The record is the same
// as a save from the page makes.
import { DesignStorage, StaleDesignError } from '../io';
import type { Design } from '../model';

export interface SaveRequest {
  seq: number;
  /** The design's top-level keys, in order. */
  keys: string[];
  /** The `"key":value` text of each entry that changed since the last request (all, at first). */
  changed: Record<string, string>;
  expectedRevision: number;
}

export type SaveReply =
  | { seq: number; type: 'saved'; revision: number }
  | { seq: number; type: 'stale'; id: string; storedRevision: number }
  | { seq: number; type: 'failed'; message: string };

const storage = new DesignStorage();
/** The text of each top-level entry as last sent: a drop sends only the layout's. */
const parts = new Map<string, string>();

self.onmessage = async (event: MessageEvent<SaveRequest>) => {
  const { seq, keys, changed, expectedRevision } = event.data;
  const post = (reply: SaveReply) => self.postMessage(reply);
  try {
    for (const [key, text] of Object.entries(changed)) parts.set(key, text);
    const missing = keys.find((key) => !parts.has(key));
    if (missing !== undefined) throw new Error(`the save lost the text of \`${missing}\``);
    const text = `{${keys.map((key) => parts.get(key)).join(',')}}`;
    const saved = await storage.save(JSON.parse(text) as Design, expectedRevision);
    post({ seq, type: 'saved', revision: saved.revision });
  } catch (error) {
    if (error instanceof StaleDesignError)
      post({ seq, type: 'stale', id: error.id, storedRevision: error.storedRevision });
    else post({ seq, type: 'failed', message: (error as Error).message });
  }
};

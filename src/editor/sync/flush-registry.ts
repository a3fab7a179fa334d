// Editors register how to send their pending (debounced) text; the page calls every one
// synchronously before it goes away, so the last keystrokes reach the store and its save.
const flushers = new Set<() => void>();

export function registerPendingFlush(flush: () => void): () => void {
  flushers.add(flush);
  return () => flushers.delete(flush);
}

export function flushPendingEdits(): void {
  for (const flush of flushers) flush();
}

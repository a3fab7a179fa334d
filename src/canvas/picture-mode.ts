// While a picture of the design is taken, the canvas draws everything: a large design
// otherwise draws only the nodes and edges near the view, and the picture would miss the rest.
import { useSyncExternalStore } from 'react';

let drawingEverything = false;
const listeners = new Set<() => void>();

function setDrawEverything(on: boolean) {
  drawingEverything = on;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True while a picture is being taken: the canvas then culls nothing. */
export function useDrawEverything(): boolean {
  return useSyncExternalStore(subscribe, () => drawingEverything);
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));

/**
 * Runs `take` with every node and edge drawn: turns culling off, waits until the canvas holds
 * `nodeCount()` nodes (React Flow's count, once it is handed them all; or a few seconds pass),
 * and turns culling back on afterwards.
 */
export async function withEverythingDrawn<T>(
  canvas: HTMLElement,
  nodeCount: () => number,
  take: () => Promise<T>,
): Promise<T> {
  setDrawEverything(true);
  try {
    const started = performance.now();
    await frame();
    await frame();
    while (
      canvas.querySelectorAll('.react-flow__node').length < nodeCount() &&
      performance.now() - started < 5000
    )
      await frame();
    await frame();
    return await take();
  } finally {
    setDrawEverything(false);
  }
}

// Before a design is shown, what its views ask for first (the trust graph: the canvas's edges,
// the inspector's trust list; the STS world under it) is derived in short tasks, so that
// opening a design of thousands of roles is not one long task that freezes the page.

import { deriveTrustGraphInSlices, type Design, type Pause } from '../model';

/** Milliseconds of work between two yields to the page. */
const SLICE_MS = 30;

type Scheduler = { yield?: () => Promise<void> };

/** Lets the page paint and handle input, then goes on (no 4 ms timer clamp). */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** A `Pause` for work in slices: yields to the page once `SLICE_MS` have passed since the last. */
export function slicePause(): Pause {
  let since = performance.now();
  return () => {
    if (performance.now() - since < SLICE_MS) return undefined;
    return yieldToPage().then(() => {
      since = performance.now();
    });
  };
}

/** Derives in slices what showing `design` would derive at once; resolves when done. */
export async function prepareToShow(design: Design): Promise<void> {
  await deriveTrustGraphInSlices(design, slicePause());
}

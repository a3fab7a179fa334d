import { generateDesignInSlices, type Design } from '../model';
import { startPersistence } from './persistence';
import { slicePause } from './prepare-design';

let started: Promise<void> | undefined;

/**
 * `?generate=N` opens a generated design of N nodes (for the canvas benchmark); `&seed=S`.
 * Made in slices: 20,000 nodes are a few hundred milliseconds of work.
 */
async function designFromUrl(): Promise<Design | undefined> {
  const params = new URLSearchParams(window.location.search);
  const nodes = Number(params.get('generate'));
  if (!Number.isInteger(nodes) || nodes <= 0) return undefined;
  const seed = Number(params.get('seed') ?? 1);
  return generateDesignInSlices({ nodes, seed: Number.isFinite(seed) ? seed : 1 }, slicePause());
}

/** Opens the first design and starts autosave, once per page (StrictMode runs effects twice). */
export function startOnce(): Promise<void> {
  started ??= designFromUrl()
    .then((design) => startPersistence(design))
    .then(() => undefined);
  return started;
}

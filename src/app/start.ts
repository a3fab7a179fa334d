import { generateDesign, type Design } from '../model';
import { startPersistence } from './persistence';

let started: Promise<void> | undefined;

/** `?generate=N` opens a generated design of N nodes (for the canvas benchmark); `&seed=S`. */
function designFromUrl(): Design | undefined {
  const params = new URLSearchParams(window.location.search);
  const nodes = Number(params.get('generate'));
  if (!Number.isInteger(nodes) || nodes <= 0) return undefined;
  const seed = Number(params.get('seed') ?? 1);
  return generateDesign({ nodes, seed: Number.isFinite(seed) ? seed : 1 });
}

/** Opens the first design and starts autosave, once per page (StrictMode runs effects twice). */
export function startOnce(): Promise<void> {
  started ??= startPersistence(designFromUrl()).then(() => undefined);
  return started;
}

import type { EntityId } from './types';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A fresh random id such as `role-k3j9x2m1q0`. Uses crypto randomness (browser and Node). */
export function newId(prefix: string): EntityId {
  // Random bytes drawn a pool at a time (an import makes ids by the ten thousand).
  if (used + ID_BYTES > pool.length) {
    globalThis.crypto.getRandomValues(pool);
    used = 0;
  }
  let body = '';
  for (let i = 0; i < ID_BYTES; i++) body += ALPHABET[pool[used + i]! % ALPHABET.length];
  used += ID_BYTES;
  return `${prefix}-${body}`;
}

const ID_BYTES = 10;
const pool = new Uint8Array(ID_BYTES * 400);
let used = pool.length;

/** Deterministic id source for tests and generators: `prefix-1`, `prefix-2`, … */
export function sequentialIds(): (prefix: string) => EntityId {
  let n = 0;
  return (prefix) => `${prefix}-${++n}`;
}

export type IdSource = (prefix: string) => EntityId;

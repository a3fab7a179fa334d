import type { EntityId } from './types';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A fresh random id such as `role-k3j9x2m1q0`. Uses crypto randomness (browser and Node). */
export function newId(prefix: string): EntityId {
  const bytes = new Uint8Array(10);
  globalThis.crypto.getRandomValues(bytes);
  let body = '';
  for (const b of bytes) body += ALPHABET[b % ALPHABET.length];
  return `${prefix}-${body}`;
}

/** Deterministic id source for tests and generators: `prefix-1`, `prefix-2`, … */
export function sequentialIds(): (prefix: string) => EntityId {
  let n = 0;
  return (prefix) => `${prefix}-${++n}`;
}

export type IdSource = (prefix: string) => EntityId;

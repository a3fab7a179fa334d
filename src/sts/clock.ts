// Simulated time for STS sessions. The engine never reads the wall clock: every instant
// comes from a Clock the caller drives (the UI's timeline, a test, a conformance step).
import { readIsoDate } from '../engine/index.ts';

export type ClockListener = (nowMs: number) => void;

export interface Clock {
  /** Current simulated instant in epoch milliseconds. */
  now(): number;
  /** Current simulated instant as AWS writes it (`2026-01-01T00:00:00Z`). */
  nowIso(): string;
  /** Moves time forward by `seconds` (must not be negative). */
  advance(seconds: number): void;
  /** Jumps to an instant (ISO text or epoch ms); time may move backwards. */
  set(instant: string | number): void;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: ClockListener): () => void;
}

export const DEFAULT_START = '2026-01-01T00:00:00Z';

/** Parses an ISO 8601 instant to epoch ms (see the engine's `readIsoDate`: no offset means UTC). */
export function parseInstant(text: string): number {
  const reading = readIsoDate(text);
  if (!reading.ok) throw new RangeError(`instant \`${text}\` ${reading.reason}`);
  return reading.ms;
}

/** Formats epoch ms the way STS returns Expiration: seconds precision, `Z` suffix. */
let lastMs: number | undefined;
let lastIso = '';

export function formatInstant(ms: number): string {
  // Requests share a clock: the last instant is remembered.
  if (ms === lastMs) return lastIso;
  const iso = new Date(ms).toISOString();
  lastIso = iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
  lastMs = ms;
  return lastIso;
}

export class SimulatedClock implements Clock {
  private ms: number;
  private readonly listeners = new Set<ClockListener>();

  constructor(start: string | number = DEFAULT_START) {
    this.ms = typeof start === 'number' ? start : parseInstant(start);
  }

  now(): number {
    return this.ms;
  }

  nowIso(): string {
    return formatInstant(this.ms);
  }

  advance(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) {
      throw new RangeError(`cannot advance the clock by \`${seconds}\` seconds`);
    }
    this.update(this.ms + seconds * 1000);
  }

  set(instant: string | number): void {
    this.update(typeof instant === 'number' ? instant : parseInstant(instant));
  }

  subscribe(listener: ClockListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private update(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError(`instant \`${ms}\` is not a finite time`);
    this.ms = ms;
    for (const listener of this.listeners) listener(ms);
  }
}

// How simulated time and credentials read on screen.

/** `2026-01-01 00:14:32 UTC` */
export function formatClock(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Seconds as `14:32`, or `1:00:00` from an hour up. */
export function formatCountdown(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
}

/** A length of simulated time in words: `10 s`, `10 min`, `2 h`, `1 h 30 min`. */
export function formatSpan(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.round((seconds % 3600) / 60);
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}

export function maskSecret(secret: string): string {
  return '•'.repeat(Math.min(secret.length, 16));
}

/** The start and end of a long token, so it can be recognised without taking a whole card. */
export function truncateToken(token: string, keep = 12): string {
  return token.length <= keep * 2 + 1 ? token : `${token.slice(0, keep)}…${token.slice(-6)}`;
}

export const SPEEDS = [1, 10, 60, 600] as const;
export type Speed = (typeof SPEEDS)[number];

/** One press of Step moves time as far as one second of play at this speed. */
export function stepSeconds(speed: Speed): number {
  return speed;
}

/** Small checked readers for `restore`: each names the offending place and shows the input. */
import { setOwn } from '../../engine';

export class RestoreError extends Error {}

export function fail(message: string): never {
  throw new RestoreError(message);
}

/** A short rendering of an input value for messages. */
export function show(value: unknown): string {
  let text: string;
  try {
    text = value === undefined ? 'undefined' : JSON.stringify(value);
  } catch {
    text = String(value);
  }
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function record(value: unknown, at: string): Record<string, unknown> {
  if (!isRecord(value)) fail(`\`${at}\` must be an object, got \`${show(value)}\``);
  return value;
}

export function string(value: unknown, at: string, fallback?: string): string {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'string') fail(`\`${at}\` must be a string, got \`${show(value)}\``);
  return value;
}

export function nonEmpty(value: unknown, at: string, fallback?: string): string {
  const text = string(value, at, fallback);
  if (text.trim() === '') fail(`\`${at}\` must not be empty`);
  return text;
}

export function boolean(value: unknown, at: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') fail(`\`${at}\` must be true or false, got \`${show(value)}\``);
  return value;
}

export function number(value: unknown, at: string, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value))
    fail(`\`${at}\` must be a number, got \`${show(value)}\``);
  return value;
}

export function list(value: unknown, at: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(`\`${at}\` must be a list, got \`${show(value)}\``);
  return value;
}

export function oneOf<T extends string>(
  value: unknown,
  at: string,
  allowed: readonly T[],
  fallback?: T,
): T {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(
      `\`${at}\` must be one of ${allowed.map((a) => `\`${a}\``).join(', ')}, got \`${show(value)}\``,
    );
  }
  return value as T;
}

export function stringList(value: unknown, at: string): string[] {
  return list(value, at).map((v, i) => string(v, `${at}[${i}]`));
}

export function stringRecord(value: unknown, at: string): Record<string, string> {
  if (value === undefined) return {};
  const input = record(value, at);
  const out: Record<string, string> = {};
  // A key such as `__proto__` (a valid AWS tag key) stays an own entry.
  for (const [k, v] of Object.entries(input)) setOwn(out, k, string(v, `${at}.${k}`));
  return out;
}

/** Policy text: kept as written; a policy given as a JSON object (hand-written files) becomes text. */
export function policyText(value: unknown, at: string, fallback?: string): string {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value === 'string') return value;
  if (isRecord(value)) return JSON.stringify(value, null, 2);
  return fail(`\`${at}\` must be policy text, got \`${show(value)}\``);
}

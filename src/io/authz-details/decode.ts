/** Undoing the wire forms of authorization details: policy documents and dates. */
import type { PolicyJson } from '../../model';

export type Decoded<T> = { ok: true; value: T } | { ok: false; reason: string };

function isObject(value: unknown): value is PolicyJson {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A policy document as the AWS CLI and boto3 give it (a JSON object), as a JSON string, or
 * URL-encoded as the raw API and the JavaScript and Go SDKs give it (`%7B%22Version%22...`).
 */
export function decodeDocument(value: unknown): Decoded<PolicyJson> {
  if (isObject(value)) return { ok: true, value };
  if (typeof value !== 'string')
    return { ok: false, reason: `a policy document must be an object or a string` };
  const text = value.trim();
  const attempts: string[] = [text];
  if (!text.startsWith('{')) {
    try {
      // URL encoding (RFC 3986); some encoders write spaces as `+`.
      attempts.push(decodeURIComponent(text.replace(/\+/g, '%20')));
    } catch {
      return { ok: false, reason: `the policy document is neither JSON nor URL-encoded JSON` };
    }
  }
  for (const attempt of attempts) {
    try {
      const parsed: unknown = JSON.parse(attempt);
      if (isObject(parsed)) return { ok: true, value: parsed };
      return { ok: false, reason: 'the policy document is not a JSON object' };
    } catch (error) {
      if (attempt === attempts[attempts.length - 1])
        return {
          ok: false,
          reason: `the policy document is not JSON (${(error as Error).message.toLowerCase()})`,
        };
    }
  }
  return { ok: false, reason: 'the policy document is empty' };
}

const isoPattern =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A Date-free UTC rendering: `2025-03-01T10:00:00Z`. */
function isoOf(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`;
}

/**
 * A date as ISO 8601 UTC. Accepts `2025-03-01T10:00:00Z`, `2025-03-01 10:00:00+00:00` (boto3),
 * no offset (UTC), and epoch numbers or digit strings (seconds; milliseconds above 10^11).
 */
export function decodeDate(value: unknown): Decoded<string> {
  if (typeof value === 'number' || (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value))) {
    const n = Number(value);
    if (!Number.isFinite(n)) return { ok: false, reason: `\`${String(value)}\` is not a date` };
    return { ok: true, value: isoOf(n > 1e11 ? n : n * 1000) };
  }
  if (typeof value !== 'string')
    return { ok: false, reason: 'a date must be a string or a number' };
  const m = isoPattern.exec(value.trim());
  if (!m) return { ok: false, reason: `\`${value}\` is not an ISO 8601 date` };
  const [, y, mo, d, h, mi, s, , zone] = m;
  let offsetMinutes = 0;
  if (zone && zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const hours = Number(digits.slice(0, 2));
    const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  }
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59)
    return { ok: false, reason: `\`${value}\` is not a valid date` };
  const utc =
    Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s)) - offsetMinutes * 60_000;
  return { ok: true, value: isoOf(utc) };
}

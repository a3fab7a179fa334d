/** Undoing the wire forms of authorization details: policy documents and dates. */
import {
  describeJsonSyntaxError,
  firstJsonSyntaxError,
  MAX_POLICY_DEPTH,
  readIsoDate,
  scanJsonDepth,
  scanValidJsonDepth,
} from '../../engine';
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
  // The common cases in one pass each: a JSON object text parsed first (JSON.parse does not
  // recurse), then its depth checked the fast way valid text allows; a URL-encoded text
  // (`%7B...`), which no JSON text starts with, decoded without a parse that must fail.
  // Anything else takes the careful path, whose order of checks decides the reason given.
  if (text.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return decodeCarefully(text);
    }
    const tooDeep = scanValidJsonDepth(text, MAX_POLICY_DEPTH);
    if (tooDeep) return nestedTooDeeply(tooDeep.message);
    return isObject(parsed)
      ? { ok: true, value: parsed }
      : { ok: false, reason: 'the policy document is not a JSON object' };
  }
  if (text.startsWith('%') && !/[[{"]/.test(text)) {
    // No bracket or quote to nest or to hide one: no depth to check before decoding.
    let decoded: string;
    try {
      decoded = decodeURIComponent(text.replace(/\+/g, '%20'));
    } catch {
      return neitherJson;
    }
    return parseLastAttempt(decoded);
  }
  return decodeCarefully(text);
}

const neitherJson: Decoded<PolicyJson> = {
  ok: false,
  reason: `the policy document is neither JSON nor URL-encoded JSON`,
};

const nestedTooDeeply = (message: string): Decoded<PolicyJson> => ({
  ok: false,
  reason: `the policy document is nested too deeply: ${message}`,
});

function parseLastAttempt(attempt: string): Decoded<PolicyJson> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(attempt);
  } catch {
    const syntax = firstJsonSyntaxError(attempt);
    const why = syntax ? describeJsonSyntaxError(syntax) : 'invalid JSON';
    return { ok: false, reason: `the policy document is ${why}` };
  }
  return isObject(parsed)
    ? { ok: true, value: parsed }
    : { ok: false, reason: 'the policy document is not a JSON object' };
}

/** Depth first, then the text as JSON, then (when it is not `{...}`) URL-decoded. */
function decodeCarefully(text: string): Decoded<PolicyJson> {
  const tooDeep = scanJsonDepth(text, MAX_POLICY_DEPTH);
  if (tooDeep) return nestedTooDeeply(tooDeep.message);
  if (text.startsWith('{')) return parseLastAttempt(text);
  let decoded: string;
  try {
    // URL encoding (RFC 3986); some encoders write spaces as `+`.
    decoded = decodeURIComponent(text.replace(/\+/g, '%20'));
  } catch {
    return neitherJson;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed)
      ? { ok: true, value: parsed }
      : { ok: false, reason: 'the policy document is not a JSON object' };
  } catch {
    return parseLastAttempt(decoded);
  }
}

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
  // The wire forms the engine's strict reader does not take: boto3's space for `T` and
  // offsets without a colon (`+0000`, `+00`). The rest is the engine's one date reader.
  const text = value
    .trim()
    .replace(/^(\d{4}-\d{2}-\d{2}) (?=\d)/, '$1T')
    .replace(
      /(T[\d:.]+)([+-]\d{2})(\d{2})?$/,
      (_, time: string, hours: string, minutes?: string) => `${time}${hours}:${minutes ?? '00'}`,
    )
    .replace(/z$/, 'Z');
  const reading = readIsoDate(text);
  if (!reading.ok) return { ok: false, reason: `\`${value}\` ${reading.reason}` };
  return { ok: true, value: isoOf(reading.ms) };
}

import { firstJsonSyntaxError, MAX_POLICY_DEPTH, scanJsonDepth } from '../engine';
import type { EntityId, PolicySlot } from './types';

/** A parsed policy document; a plain JSON object. */
export type PolicyJson = Record<string, unknown>;

export type ParsedPolicy =
  { ok: true; document: PolicyJson } | { ok: false; reason: string; offset: number };

const cache = new Map<string, ParsedPolicy>();
const CACHE_LIMIT = 5000;

/** Parses policy text as strict JSON (IAM accepts no comments or trailing commas). Cached by text. */
export function parsePolicyText(text: string): ParsedPolicy {
  const hit = cache.get(text);
  if (hit) return hit;
  const result = parseUncached(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, result);
  return result;
}

function parseUncached(text: string): ParsedPolicy {
  if (text.trim() === '') return { ok: false, reason: 'the policy is empty', offset: 0 };
  // Before parsing: every reader of the document (edges, labels, the simulator) recurses per level.
  const tooDeep = scanJsonDepth(text, MAX_POLICY_DEPTH);
  if (tooDeep)
    return {
      ok: false,
      reason: `the policy is nested too deeply: ${tooDeep.message}`,
      offset: tooDeep.offset,
    };
  let value: unknown;
  try {
    // Native JSON: fast, and a `__proto__` key stays an own property (jsonc-parser sets the prototype).
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const syntax = value === undefined ? firstJsonSyntaxError(text) : undefined;
  if (syntax) return { ok: false, reason: syntax.message, offset: syntax.offset };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'a policy must be a JSON object', offset: 0 };
  }
  return { ok: true, document: value as PolicyJson };
}

/** The parsed document, or undefined when the text is not a JSON object. */
export function policyDocument(text: string): PolicyJson | undefined {
  const parsed = parsePolicyText(text);
  return parsed.ok ? parsed.document : undefined;
}

/** Statements of a policy as a list (IAM allows one statement object or an array). */
export function statementsOf(document: PolicyJson): Record<string, unknown>[] {
  const raw = document.Statement;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.filter(
    (s): s is Record<string, unknown> => typeof s === 'object' && s !== null && !Array.isArray(s),
  );
}

/** A value that IAM allows as one string or a list of strings, as a list. */
export function stringList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** Key of a draft in `Design.drafts`. */
export function draftKey(entityId: EntityId, slot: PolicySlot): string {
  switch (slot.kind) {
    case 'trust':
    case 'resource':
    case 'boundary':
      return `${entityId}#${slot.kind}`;
    case 'permission':
      return `${entityId}#permission:${slot.policyId}`;
    case 'scp':
    case 'rcp':
      return `${entityId}#${slot.kind}:${slot.levelId}:${slot.policyId}`;
  }
}

/** An empty trust policy text in the canonical layout. */
export const EMPTY_POLICY_TEXT = '{\n  "Version": "2012-10-17",\n  "Statement": []\n}';

import type { Design } from '../model';

// The JSON text of a design, made in proportion to what changed since the last one: designs
// are immutable and commands keep untouched entities and positions by identity, so the text
// of each entity and layout entry is made once and reused by every later save, and so is the
// text of each top-level entry while it is the same object (a drop changes only the layout).

const texts = new WeakMap<object, string>();

function textOf(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  let text = texts.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    texts.set(value, text);
  }
  return text;
}

function listText(list: readonly unknown[]): string {
  const parts = new Array<string>(list.length);
  for (let i = 0; i < list.length; i++) parts[i] = textOf(list[i]);
  return `[${parts.join(',')}]`;
}

/** `"key":value` of a record's entries by their value object, with the key it was made for. */
const entryTexts = new WeakMap<object, { key: string; text: string }>();

function entryText(key: string, value: unknown): string {
  if (value === null || typeof value !== 'object') return `${JSON.stringify(key)}:${textOf(value)}`;
  const hit = entryTexts.get(value);
  if (hit?.key === key) return hit.text;
  const text = `${JSON.stringify(key)}:${textOf(value)}`;
  entryTexts.set(value, { key, text });
  return text;
}

function recordText(record: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const key in record) {
    const value = record[key];
    if (value !== undefined) parts.push(entryText(key, value));
  }
  return `{${parts.join(',')}}`;
}

/**
 * The design's top-level entries as JSON text, `"key":value` each, in the design's key order:
 * `{${parts.join(',')}}` is `designJson` (the part of `skip`, if any, left empty). Each part is the same string as long as its value is
 * the same object, so a save can send on only the parts that changed (a drop: the layout).
 */
export function designParts(design: Design, skip?: string): [key: string, text: string][] {
  const parts: [string, string][] = [];
  for (const [key, value] of Object.entries(design)) {
    if (value === undefined) continue;
    parts.push([key, key === skip ? '' : partText(key, value)]);
  }
  return parts;
}

/** `"key":value` of one top-level entry, by its value object when it is one. */
const partTexts = new WeakMap<object, { key: string; text: string }>();

function partText(key: string, value: unknown): string {
  const whole = value !== null && typeof value === 'object' ? value : undefined;
  const hit = whole && partTexts.get(whole);
  if (hit?.key === key) return hit.text;
  const text = `${JSON.stringify(key)}:${
    Array.isArray(value)
      ? listText(value)
      : (key === 'layout' || key === 'drafts') && whole
        ? recordText(whole as Record<string, unknown>)
        : (JSON.stringify(value) ?? 'null')
  }`;
  if (whole) partTexts.set(whole, { key, text });
  return text;
}

/**
 * `JSON.stringify(design)`, equal as JSON, reusing the text of every entity, layout entry and
 * draft already written for an earlier design.
 */
export function designJson(design: Design): string {
  return `{${designParts(design)
    .map(([, text]) => text)
    .join(',')}}`;
}

/** Objects whose text is made before each pause of `designJsonInSlices`. */
const SLICE = 200;

/**
 * `designParts` made in slices: the text of at most `SLICE` new entities or layout entries
 * between two `pause()`s, so the first save of a large design is many short tasks, not one
 * long one. Later saves find almost everything made already. The part of `skip` is left
 * empty (its text is not made: the save sends that part another way).
 */
export async function designPartsInSlices(
  design: Design,
  pause: () => Promise<void>,
  skip?: string,
): Promise<[key: string, text: string][]> {
  let made = 0;
  for (const [key, value] of Object.entries(design)) {
    if (key === skip || value === null || typeof value !== 'object' || partTexts.has(value))
      continue;
    for (const item of Array.isArray(value) ? value : Object.values(value)) {
      if (item === null || typeof item !== 'object' || texts.has(item)) continue;
      textOf(item);
      if (++made % SLICE === 0) await pause();
    }
  }
  return designParts(design, skip);
}

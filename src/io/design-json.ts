import type { Design } from '../model';

// The JSON text of a design, made in proportion to what changed since the last one: designs
// are immutable and commands keep untouched entities and positions by identity, so the text
// of each entity and layout entry is made once and reused by every later save (and the text of
// a whole collection, while it is the same array).

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

/** The text of a whole collection or record, by its object: a drop changes only the layout. */
const wholeTexts = new WeakMap<object, string>();

function listText(list: readonly unknown[]): string {
  let text = wholeTexts.get(list);
  if (text === undefined) {
    const parts = new Array<string>(list.length);
    for (let i = 0; i < list.length; i++) parts[i] = textOf(list[i]);
    text = `[${parts.join(',')}]`;
    wholeTexts.set(list, text);
  }
  return text;
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
  let text = wholeTexts.get(record);
  if (text === undefined) {
    const parts: string[] = [];
    for (const key in record) {
      const value = record[key];
      if (value !== undefined) parts.push(entryText(key, value));
    }
    text = `{${parts.join(',')}}`;
    wholeTexts.set(record, text);
  }
  return text;
}

/**
 * `JSON.stringify(design)`, equal as JSON, reusing the text of every entity, layout entry and
 * draft already written for an earlier design.
 */
export function designJson(design: Design): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(design)) {
    if (value === undefined) continue;
    const text = Array.isArray(value)
      ? listText(value)
      : (key === 'layout' || key === 'drafts') && value !== null && typeof value === 'object'
        ? recordText(value as Record<string, unknown>)
        : (JSON.stringify(value) ?? 'null');
    parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(',')}}`;
}

/** Objects whose text is made before each pause of `designJsonInSlices`. */
const SLICE = 200;

/**
 * `designJson` made in slices: the text of at most `SLICE` new entities or layout entries
 * between two `pause()`s, so the first save of a large design is many short tasks, not one
 * long one. Later saves find almost everything made already.
 */
export async function designJsonInSlices(
  design: Design,
  pause: () => Promise<void>,
): Promise<string> {
  let made = 0;
  for (const value of Object.values(design)) {
    if (value === null || typeof value !== 'object' || wholeTexts.has(value)) continue;
    for (const item of Array.isArray(value) ? value : Object.values(value)) {
      if (item === null || typeof item !== 'object' || texts.has(item)) continue;
      textOf(item);
      if (++made % SLICE === 0) await pause();
    }
  }
  return designJson(design);
}

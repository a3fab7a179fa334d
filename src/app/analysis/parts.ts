/**
 * A large record posted to or from the analysis worker as several messages: its long lists
 * (and records with many keys, such as a design's layout) go in slices, the rest as a head.
 * The structured clone of one message is then bounded at both ends, so neither the page's
 * main thread nor the worker spends one long task copying a 10,000-role design or a result
 * of a hundred thousand escalations.
 */

/** One slice of one field: items of a list, or entries of a record. */
export type Part =
  { field: string; items: unknown[] } | { field: string; entries: [string, unknown][] };

/** Items (or entries) per part: a few milliseconds of cloning each on a loaded machine. */
export const PART_SIZE = 500;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `value` as a head and its parts. Fields that fit in one part stay in the head; a value with
 * no large field is its own head, with no parts (small designs go in one message, as before).
 */
export function partsOf<T extends object>(value: T, size = PART_SIZE): { head: T; parts: Part[] } {
  const parts: Part[] = [];
  let head: Record<string, unknown> | undefined;
  for (const [field, v] of Object.entries(value)) {
    if (Array.isArray(v) && v.length > size) {
      head ??= { ...(value as Record<string, unknown>) };
      head[field] = [];
      for (let i = 0; i < v.length; i += size) parts.push({ field, items: v.slice(i, i + size) });
    } else if (isRecord(v)) {
      const entries = Object.entries(v);
      if (entries.length <= size) continue;
      head ??= { ...(value as Record<string, unknown>) };
      head[field] = {};
      for (let i = 0; i < entries.length; i += size)
        parts.push({ field, entries: entries.slice(i, i + size) });
    }
  }
  return { head: (head ?? value) as T, parts };
}

/** The value `partsOf` split: the head with its parts put back, in order. */
export function assemble<T extends object>(head: T, parts: Part[]): T {
  if (parts.length === 0) return head;
  const whole: Record<string, unknown> = { ...(head as Record<string, unknown>) };
  for (const part of parts) {
    if ('items' in part) {
      const into = whole[part.field] as unknown[];
      for (const item of part.items) into.push(item);
    } else {
      const into = whole[part.field] as Record<string, unknown>;
      for (const [k, v] of part.entries)
        Object.defineProperty(into, k, {
          value: v,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
  }
  return whole as T;
}

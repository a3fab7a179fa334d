// Completion and hover read the statement under the cursor, but parse the whole text to find
// it: in a 2,000-statement policy that is tens of milliseconds per keystroke. Above a size,
// they read a copy in which every other statement of the top-level `Statement` list is
// blanked to a `0` padded with spaces: same length, so every offset and list index holds,
// and the parse only has to skip white space.

/** Texts shorter than this are read as they are. */
export const WINDOW_FROM_CHARS = 50_000;

/** Offsets `[start, end)` of the object elements of the top-level `Statement` list, in one linear pass (strings and escapes skipped). */
export function statementSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let depth = 0;
  let inString = false;
  let stringStart = 0;
  let lastKey = ''; // the last string at depth 1 and whether only `:` followed it
  let keyOpen = false;
  let inList = false;
  let elementStart = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) {
        inString = false;
        if (depth === 1) {
          lastKey = text.slice(stringStart + 1, i);
          keyOpen = true;
        }
      } else if (c === 10) inString = false; // strings cannot span lines: resynchronise
      continue;
    }
    if (c === 34) {
      inString = true;
      stringStart = i;
    } else if (c === 123 || c === 91) {
      if (depth === 1 && c === 91 && keyOpen && lastKey === 'Statement') inList = true;
      else if (inList && depth === 2 && c === 123) elementStart = i;
      depth++;
      keyOpen = false;
    } else if (c === 125 || c === 93) {
      depth = Math.max(0, depth - 1);
      if (inList && depth === 2 && c === 125 && elementStart >= 0) {
        spans.push({ start: elementStart, end: i + 1 });
        elementStart = -1;
      } else if (inList && depth === 1) return spans;
    } else if (c !== 58 && c !== 32 && c !== 10 && c !== 13 && c !== 9) keyOpen = false;
  }
  return spans;
}

/** The text with every statement blanked but those around `offset` (when the text is large). */
export function windowAround(text: string, offset: number, from = WINDOW_FROM_CHARS): string {
  if (text.length < from) return text;
  const spans = statementSpans(text);
  if (spans.length < 2) return text;
  const parts: string[] = [];
  let at = 0;
  for (let i = 0; i < spans.length; i++) {
    const { start, end } = spans[i]!;
    // Kept: the statement around the offset, and both neighbours of a gap between two.
    const from = spans[i - 1]?.end ?? 0;
    const to = spans[i + 1]?.start ?? text.length;
    if (from <= offset && offset <= to) continue;
    parts.push(text.slice(at, start), '0', ' '.repeat(end - start - 1));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

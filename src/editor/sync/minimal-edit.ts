export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * The one replacement that turns `from` into `to`, keeping their common start and end, so an
 * editor applying it moves cursors only where the text really changed.
 */
export function minimalEdit(from: string, to: string): TextEdit | undefined {
  if (from === to) return undefined;
  const max = Math.min(from.length, to.length);
  let start = 0;
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  // Never split a surrogate pair.
  if (start > 0 && isHighSurrogate(from.charCodeAt(start - 1))) start--;
  let tail = 0;
  while (
    tail < max - start &&
    from.charCodeAt(from.length - 1 - tail) === to.charCodeAt(to.length - 1 - tail)
  )
    tail++;
  if (tail > 0 && isLowSurrogate(from.charCodeAt(from.length - tail))) tail--;
  return { start, end: from.length - tail, text: to.slice(start, to.length - tail) };
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

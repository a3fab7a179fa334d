// Where the cursor stands in a (possibly half-typed) policy document: the JSON path, whether
// a key or a value is being written, and the span of text a completion would replace.
import { getLocation, parseTree, type JSONPath, type Node } from 'jsonc-parser';
import { WINDOW_FROM_CHARS, windowAround } from './statement-window';

export interface Span {
  start: number;
  end: number;
}

export interface CursorContext {
  /** For a value: the path of that value. For a key: the parent object's path plus the key typed so far. */
  path: JSONPath;
  kind: 'key' | 'value';
  /** Whether the cursor is inside a string literal (completions then go without quotes). */
  inString: boolean;
  /** What has been typed of the current string before the cursor. */
  prefix: string;
  /** The token a completion replaces: the whole string with its quotes when inside one, else the bare word typed before the cursor. */
  replace: Span;
  /** Inside a string: its content, between the quotes (to the cursor when it has no closing quote). */
  content: Span;
  /** Inside a string: whether it has its closing quote. */
  closed: boolean;
  /** For a key inside a string: whether a `:` already follows it. */
  colonFollows: boolean;
  /** The cursor stands right after a finished value or key: nothing is being typed here. */
  afterToken: boolean;
  root: Node | undefined;
  offset: number;
}

/** `windowFrom`: from this many characters on, other statements are not parsed (statement-window.ts). */
export function cursorContext(
  text: string,
  offset: number,
  windowFrom = WINDOW_FROM_CHARS,
): CursorContext {
  const read = windowAround(text, offset, windowFrom);
  const location = getLocation(read, offset);
  const root = parseTree(read, [], { allowTrailingComma: true, disallowComments: false });
  const node = location.previousNode;
  const kind = location.isAtPropertyKey ? 'key' : 'value';
  const base = { path: location.path, kind, root, offset } as const;
  if (
    node &&
    !(
      (node.type === 'property' || node.type === 'string') &&
      insideString(text, node.offset, node.length, offset)
    )
  ) {
    return {
      ...base,
      inString: false,
      prefix: '',
      replace: { start: offset, end: offset },
      content: { start: offset, end: offset },
      closed: false,
      colonFollows: false,
      afterToken: true,
    };
  }
  if (node) {
    const isClosed = closed(text, node.offset, node.length);
    const end = isClosed ? node.offset + node.length : offset;
    return {
      ...base,
      inString: true,
      prefix: text.slice(node.offset + 1, offset),
      replace: { start: node.offset, end: Math.max(end, offset) },
      content: { start: node.offset + 1, end: isClosed ? end - 1 : offset },
      closed: isClosed,
      colonFollows: kind === 'key' && /^\s*:/.test(text.slice(node.offset + node.length)),
      afterToken: false,
    };
  }
  const word = bareWordBefore(text, offset);
  return {
    ...base,
    inString: false,
    prefix: word,
    replace: { start: offset - word.length, end: offset },
    content: { start: offset, end: offset },
    closed: false,
    colonFollows: false,
    afterToken: false,
  };
}

function closed(text: string, start: number, length: number): boolean {
  if (length < 2 || text[start + length - 1] !== '"') return false;
  let backslashes = 0;
  for (let i = start + length - 2; i > start && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 0;
}

function insideString(text: string, start: number, length: number, offset: number): boolean {
  if (offset <= start) return false;
  return closed(text, start, length) ? offset < start + length : offset <= start + length;
}

/** Letters typed outside quotes (a person starting a key without its quote). */
function bareWordBefore(text: string, offset: number): string {
  const match = /[A-Za-z]*$/.exec(text.slice(Math.max(0, offset - 64), offset));
  return match?.[0] ?? '';
}

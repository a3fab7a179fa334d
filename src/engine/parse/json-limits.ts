/**
 * Limits checked before any recursive code sees user input: one linear pass over JSON text
 * (or an iterative walk over an already-parsed value) that refuses nesting beyond a limit,
 * with the position where it is crossed. Parsers, `JSON.stringify`, renderers and the
 * evaluator recurse per level, so a 10,000-deep text would otherwise overflow the stack.
 */

/**
 * Deepest nesting accepted in a policy. IAM documents need at most 6 levels
 * (document, Statement list, statement, Condition, operator, key, value list); 32 leaves room
 * for mistakes that the validator then explains, and refuses only what no policy can be.
 */
export const MAX_POLICY_DEPTH = 32;

/** Deepest nesting accepted in a design file or stored design (a design nests about 8 levels, plus its policies). */
export const MAX_DESIGN_DEPTH = 64;

export interface DepthExceeded {
  /** Offset of the bracket that crosses the limit. */
  offset: number;
  line: number;
  column: number;
  limit: number;
  /** `nesting deeper than 32 levels at line 3, column 7`. */
  message: string;
}

/**
 * Scans JSON text in one pass (strings and escapes skipped) and returns where `{`/`[` nesting
 * first goes deeper than `limit`; undefined when it never does. Does not check the syntax.
 */
export function scanJsonDepth(text: string, limit: number): DepthExceeded | undefined {
  let depth = 0;
  let inString = false;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
      inString = false; // JSON strings cannot span lines; resynchronise on broken text
      continue;
    }
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > limit) {
        const column = i - lineStart + 1;
        return {
          offset: i,
          line,
          column,
          limit,
          message: `nesting deeper than ${limit} levels at line ${line}, column ${column}`,
        };
      }
    } else if ((c === 125 || c === 93) && depth > 0) depth--;
  }
  return undefined;
}

/**
 * `scanJsonDepth` for text that `JSON.parse` has accepted, several times faster: a valid text
 * has no line break or backslash outside its strings, so each string is skipped with one native
 * search for its closing quote. Same answer as `scanJsonDepth` on any valid JSON text; on
 * anything else use `scanJsonDepth`.
 */
export function scanValidJsonDepth(text: string, limit: number): DepthExceeded | undefined {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      let close = text.indexOf('"', i + 1);
      // A quote after an odd run of backslashes is part of the string.
      for (;;) {
        let slashes = 0;
        while (text.charCodeAt(close - 1 - slashes) === 92) slashes++;
        if (slashes % 2 === 0) break;
        close = text.indexOf('"', close + 1);
      }
      if (close < 0) return scanJsonDepth(text, limit); // not valid after all
      i = close;
    } else if (c === 123 || c === 91) {
      if (++depth > limit) return scanJsonDepth(text, limit); // the position, as it reports it
    } else if ((c === 125 || c === 93) && depth > 0) depth--;
  }
  return undefined;
}

export type ValueProblem = { kind: 'depth' | 'cycle'; path: string; message: string };

/**
 * Walks a parsed value without recursion and returns the first place where it nests deeper
 * than `limit` or refers back to one of its own containers (possible in stored, structured-
 * cloned records, never in JSON). `at` names the root in the path (`design`).
 */
export function scanValueDepth(
  value: unknown,
  limit: number,
  at = 'value',
): ValueProblem | undefined {
  const stack: { value: unknown; path: string; depth: number; exit?: true }[] = [
    { value, path: at, depth: 0 },
  ];
  const open = new Set<object>();
  const done = new Set<object>(); // shared (not cyclic) containers are walked once
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item.value !== 'object' || item.value === null) continue;
    const container = item.value;
    if (item.exit) {
      open.delete(container);
      done.add(container);
      continue;
    }
    if (done.has(container)) continue;
    if (open.has(container))
      return {
        kind: 'cycle',
        path: item.path,
        message: `\`${item.path}\` refers back to one of its own containers (a reference cycle)`,
      };
    if (item.depth + 1 > limit)
      return {
        kind: 'depth',
        path: item.path,
        message: `\`${item.path}\` nests deeper than ${limit} levels`,
      };
    open.add(container);
    stack.push({ value: container, path: item.path, depth: item.depth, exit: true });
    if (Array.isArray(container)) {
      for (let i = container.length - 1; i >= 0; i--)
        stack.push({ value: container[i], path: `${item.path}[${i}]`, depth: item.depth + 1 });
    } else {
      const keys = Object.keys(container);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        stack.push({
          value: (container as Record<string, unknown>)[key],
          path: `${item.path}.${key}`,
          depth: item.depth + 1,
        });
      }
    }
  }
  return undefined;
}

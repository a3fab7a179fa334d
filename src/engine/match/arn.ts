/** ARN splitting and component-wise ARN patterns (Resource, NotResource, ArnLike). */
import { splitArnUncached } from '../names/arn.ts';
import { compileCodes, globCodes, type StringTest } from './glob.ts';

const cache = new Map<string, string[] | null>();

/** {@link splitArnUncached} with a bounded cache. */
export function splitArn(text: string): readonly string[] | null {
  let parts = cache.get(text);
  if (parts === undefined) {
    if (cache.size >= 4096) cache.clear();
    parts = splitArnUncached(text);
    cache.set(text, parts);
  }
  return parts;
}

/**
 * Splits pattern text into six components at the first five colons that are not inside
 * `${...}`; null when it has fewer (then it is matched as one string).
 */
export function splitArnPattern(pattern: string): string[] | null {
  if (!pattern.startsWith('arn:')) return null;
  const parts: string[] = [];
  let from = 0;
  let depth = 0;
  for (let i = 0; i < pattern.length && parts.length < 5; i++) {
    const ch = pattern[i];
    if (ch === '$' && pattern[i + 1] === '{') depth++;
    else if (ch === '}' && depth > 0) depth--;
    else if (ch === ':' && depth === 0) {
      parts.push(pattern.slice(from, i));
      from = i + 1;
    }
  }
  if (parts.length < 5) return null;
  parts.push(pattern.slice(from));
  return parts;
}

/** A test of a value and its ARN components (null when it is no ARN). */
export type ArnTest = (value: string, arn: readonly string[] | null) => boolean;

/** A compiled ARN pattern without variables. */
export function compileArnPattern(pattern: string): ArnTest {
  if (pattern === '*') return () => true;
  const parts = splitArnPattern(pattern);
  // No components, or wildcards only in the resource part: one glob over the whole text is
  // the same test (the glob itself, called with the value).
  if (parts === null || parts.slice(0, 5).every((p) => !/[*?]/.test(p)))
    return compileCodes(globCodes(pattern));
  // Only the components that can fail are tested: a component that is `*` matches any.
  const at: number[] = [];
  const tests: StringTest[] = [];
  parts.forEach((p, i) => {
    if (p === '*') return;
    at.push(i);
    tests.push(compileCodes(globCodes(p)));
  });
  const n = tests.length;
  return (_value, arn) => {
    if (arn === null) return false;
    for (let i = 0; i < n; i++) if (!tests[i]!(arn[at[i]!]!)) return false;
    return true;
  };
}

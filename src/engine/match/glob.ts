/**
 * Wildcard matching for IAM patterns: `*` matches any run of characters (including none),
 * `?` exactly one. A pattern is compiled once into the cheapest test that fits it.
 */

/** A code in a compiled pattern: a UTF-16 unit, or one of the two wildcards. */
export const STAR = -1;
export const ANY_ONE = -2;

/** A compiled pattern: UTF-16 units with {@link STAR} and {@link ANY_ONE} standing for the wildcards. */
export type GlobCodes = readonly number[];

/** A compiled test of one string. */
export type StringTest = (value: string) => boolean;

/** Turns plain pattern text (every `*` and `?` a wildcard) into codes. */
export function globCodes(pattern: string): number[] {
  const codes: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (c === 42) {
      if (codes[codes.length - 1] !== STAR) codes.push(STAR);
    } else if (c === 63) codes.push(ANY_ONE);
    else codes.push(c);
  }
  return codes;
}

/** Whether `value` matches the compiled pattern (greedy star with one backtrack point: linear in practice). */
export function matchCodes(codes: GlobCodes, value: string): boolean {
  const plen = codes.length;
  const slen = value.length;
  let pi = 0;
  let si = 0;
  let starP = -1;
  let starS = 0;
  while (si < slen) {
    const p = pi < plen ? codes[pi]! : 0;
    if (pi < plen && (p === ANY_ONE || p === value.charCodeAt(si))) {
      pi++;
      si++;
    } else if (pi < plen && p === STAR) {
      starP = pi++;
      starS = si;
    } else if (starP >= 0) {
      pi = starP + 1;
      si = ++starS;
    } else return false;
  }
  while (pi < plen && codes[pi] === STAR) pi++;
  return pi === plen;
}

const always: StringTest = () => true;

/**
 * Compiles codes into the fastest equivalent test: always-true, equality, prefix, suffix,
 * or the general matcher.
 */
export function compileCodes(codes: GlobCodes): StringTest {
  let stars = 0;
  let ones = 0;
  for (const c of codes) {
    if (c === STAR) stars++;
    else if (c === ANY_ONE) ones++;
  }
  if (codes.length === 1 && stars === 1) return always;
  if (stars === 0 && ones === 0) {
    const text = String.fromCharCode(...codes);
    return (value) => value === text;
  }
  if (ones === 0 && stars === 1) {
    const at = codes.indexOf(STAR);
    if (at === codes.length - 1) {
      const prefix = String.fromCharCode(...codes.slice(0, at));
      return (value) => value.startsWith(prefix);
    }
    if (at === 0) {
      const suffix = String.fromCharCode(...codes.slice(1));
      return (value) => value.endsWith(suffix);
    }
    const prefix = String.fromCharCode(...codes.slice(0, at));
    const suffix = String.fromCharCode(...codes.slice(at + 1));
    const min = prefix.length + suffix.length;
    return (value) => value.length >= min && value.startsWith(prefix) && value.endsWith(suffix);
  }
  const frozen = codes.slice();
  return (value) => matchCodes(frozen, value);
}

/** Compiles plain pattern text (every `*` and `?` a wildcard). */
export function compileGlob(pattern: string): StringTest {
  return compileCodes(globCodes(pattern));
}

const compiled = new Map<string, StringTest>();

/**
 * Whether `value` matches the IAM wildcard pattern (`*`, `?`), compiled once and cached. With
 * `ignoreCase` both sides compare lower-cased, as IAM compares action names.
 */
export function wildcardMatches(pattern: string, value: string, ignoreCase = false): boolean {
  const key = ignoreCase ? `i${pattern.toLowerCase()}` : `s${pattern}`;
  let test = compiled.get(key);
  if (!test) {
    if (compiled.size >= 4096) compiled.clear();
    test = compileGlob(key.slice(1));
    compiled.set(key, test);
  }
  return test(ignoreCase ? value.toLowerCase() : value);
}

/** Plain reference matcher (regular expression), used to check the compiled one. */
export function referenceGlobMatch(pattern: string, value: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\*?]/g, (ch) =>
    ch === '*' ? '[\\s\\S]*' : ch === '?' ? '[\\s\\S]' : `\\${ch}`,
  );
  return new RegExp(`^${source}$`).test(value);
}

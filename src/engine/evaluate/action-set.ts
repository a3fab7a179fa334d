/** Action and NotAction entries: case-insensitive, with wildcards, compiled into a set plus globs. */
import { compileGlob, type StringTest } from '../match/glob.ts';

export interface ActionSet {
  any: boolean;
  exact: ReadonlySet<string>;
  patterns: StringTest[];
}

/** Compiles a list of action patterns. */
export function compileActionSet(patterns: string[]): ActionSet {
  const exact = new Set<string>();
  const globs: StringTest[] = [];
  let any = false;
  for (const raw of patterns) {
    const p = raw.toLowerCase();
    if (p === '*') any = true;
    else if (p.includes('*') || p.includes('?')) globs.push(compileGlob(p));
    else exact.add(p);
  }
  return { any, exact, patterns: globs };
}

/** Whether a lower-case action is in the set. */
export function actionInSet(set: ActionSet, actionLower: string): boolean {
  if (set.any || set.exact.has(actionLower)) return true;
  const patterns = set.patterns;
  for (let i = 0; i < patterns.length; i++) if (patterns[i]!(actionLower)) return true;
  return false;
}

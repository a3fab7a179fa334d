/** `rolecraft check`: expectations of who can and cannot make a call, held against the analysis. */
import type { Analysis } from './analyze';

interface Expectation {
  principal: string;
  action: string;
  resource: string;
}

export interface Expectations {
  can: Expectation[];
  cannot: Expectation[];
}

export interface CheckOutcome {
  expectation: Expectation;
  expected: 'can' | 'cannot';
  held: boolean;
  /** How the principal gets there (ARNs), when it can. */
  path?: string[];
  needs?: string[];
}

/** Reads EXPECT.json; a shape error gives its place. */
export function readExpectations(value: unknown): Expectations | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'expected a JSON object with `can` and `cannot` lists';
  const v = value as Record<string, unknown>;
  const out: Expectations = { can: [], cannot: [] };
  for (const key of ['can', 'cannot'] as const) {
    const list = v[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) return `\`${key}\` must be a list`;
    for (const [i, item] of list.entries()) {
      const e = item as Record<string, unknown>;
      for (const field of ['principal', 'action', 'resource'])
        if (typeof e?.[field] !== 'string' || e[field] === '')
          return `\`${key}[${i}].${field}\` must be a non-empty string`;
      out[key].push({
        principal: e.principal as string,
        action: e.action as string,
        resource: e.resource as string,
      });
    }
  }
  for (const key of Object.keys(v))
    if (key !== 'can' && key !== 'cannot')
      return `unknown field \`${key}\` (use \`can\` and \`cannot\`)`;
  return out;
}

/** Each expectation with whether it held; a `can` holds when any path reaches the access. */
export function check(analysis: Analysis, expectations: Expectations): CheckOutcome[] {
  const byCall = new Map<string, ReturnType<Analysis['whoCan']>>();
  const entriesFor = (e: Expectation) => {
    const key = `${e.action}\n${e.resource}`;
    let hit = byCall.get(key);
    if (!hit) {
      hit = analysis.whoCan(e.action, e.resource);
      byCall.set(key, hit);
    }
    return hit;
  };
  const outcome = (e: Expectation, expected: 'can' | 'cannot'): CheckOutcome => {
    if (!analysis.u.byArn.has(e.principal) && ![...analysis.u.arn.values()].includes(e.principal))
      throw new Error(`\`${e.principal}\` is not a principal of the input`);
    const entry = entriesFor(e).find((w) => w.principal === e.principal);
    const can = entry !== undefined;
    return {
      expectation: e,
      expected,
      held: expected === 'can' ? can : !can,
      ...(entry ? { path: entry.hops, needs: entry.needs } : {}),
    };
  };
  return [
    ...expectations.can.map((e) => outcome(e, 'can')),
    ...expectations.cannot.map((e) => outcome(e, 'cannot')),
  ];
}

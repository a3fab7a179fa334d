// When the engine says no with the default context, which conditions stand in the way and
// what context would meet them: read from the engine's own explanation (the statements that
// failed on a condition, the conditional Deny statements that applied), never guessed from
// the policy text. The proposal is always checked by asking the engine again.

import { parseDate } from '../../engine';
import type { ConditionExplanation, ContextValue, Explanation, PolicyKind } from '../../engine';
import { conditionLabel } from '../condition-labels';

/** One condition a grant needs, as the policy states it. */
export interface ConditionNeed {
  key: string;
  operator: string;
  values: string[];
  /** Short words for labels: `MFA`, `TLS only`, `ExternalId "x"`; `not …` for a Deny to avoid. */
  text: string;
}

/** Context keys that are facts of the principal, the resource or the session, never supplied to meet a condition. */
const FIXED_KEYS = new Set(
  [
    'aws:PrincipalArn',
    'aws:PrincipalAccount',
    'aws:PrincipalOrgID',
    'aws:PrincipalOrgPaths',
    'aws:PrincipalType',
    'aws:PrincipalServiceName',
    'aws:PrincipalServiceNamesList',
    'aws:PrincipalIsAWSService',
    'aws:userid',
    'aws:username',
    'aws:FederatedProvider',
    'aws:ResourceAccount',
    'aws:ResourceOrgID',
    'aws:ResourceOrgPaths',
    'aws:TokenIssueTime',
  ].map((k) => k.toLowerCase()),
);

const isFixedKey = (key: string): boolean => FIXED_KEYS.has(key.toLowerCase());

interface OperatorShape {
  base: string;
  multi: boolean;
}

function shapeOf(operator: string): OperatorShape {
  const multi = /^For(Any|All)Values:/i.test(operator);
  const base = operator.replace(/^For(Any|All)Values:/i, '').replace(/IfExists$/i, '');
  return { base, multi };
}

/** A value matching a `*`/`?` pattern (the wildcards filled in). */
const fill = (pattern: string) => pattern.replace(/\*/g, 'x').replace(/\?/g, 'x');
const OTHER = 'rolecraft-other';

function shiftNumber(text: string, by: number): string | undefined {
  const n = Number(text);
  return Number.isFinite(n) ? String(n + by) : undefined;
}

function shiftDate(text: string, bySeconds: number): string | undefined {
  const ms = parseDate(text);
  if (ms === undefined) return undefined;
  return new Date(ms + bySeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A request value that makes the condition hold (`want`) or fail; undefined when no value can
 * (a Null test on a key the request must lack, an operator this does not know).
 */
function valueFor(c: ConditionExplanation, want: boolean): string | undefined {
  const { base } = shapeOf(c.operator);
  const values = c.policyValues.filter((v): v is string => v !== null);
  const first = values[0];
  if (first === undefined) return undefined;
  const op = base.toLowerCase();
  if (op === 'null') {
    // `Null: true` holds when the key is absent, which no supplied value can make so.
    const wantsAbsent = first.toLowerCase() === 'true';
    return want === wantsAbsent ? undefined : 'true';
  }
  if (op === 'bool') {
    const v = first.toLowerCase() === 'true';
    return String(want ? v : !v);
  }
  const negated = /not/i.test(base);
  if (/^(string|arn)/.test(op)) return want !== negated ? fill(first) : OTHER;
  if (op.startsWith('numeric')) {
    const kind = op.replace(/^numeric/, '');
    const table: Record<string, [number, number]> = {
      equals: [0, 1],
      notequals: [1, 0],
      lessthan: [-1, 0],
      lessthanequals: [0, 1],
      greaterthan: [1, 0],
      greaterthanequals: [0, -1],
    };
    const shift = table[kind];
    return shift && shiftNumber(first, want ? shift[0] : shift[1]);
  }
  if (op.startsWith('date')) {
    const kind = op.replace(/^date/, '');
    const table: Record<string, [number, number]> = {
      equals: [0, 1],
      notequals: [1, 0],
      lessthan: [-1, 0],
      lessthanequals: [0, 1],
      greaterthan: [1, 0],
      greaterthanequals: [0, -1],
    };
    const shift = table[kind];
    return shift && shiftDate(first, want ? shift[0] : shift[1]);
  }
  if (op === 'ipaddress' || op === 'notipaddress') {
    const inside = first.split('/')[0]!;
    const outside = inside.includes(':') ? '2001:db8::7' : '192.0.2.7';
    return want !== (op === 'notipaddress') ? inside : outside;
  }
  if (op === 'binaryequals') return want ? first : 'AA==';
  return undefined;
}

function needOf(c: ConditionExplanation, avoid: boolean): ConditionNeed {
  const values = c.policyValues.filter((v): v is string => v !== null);
  const label = conditionLabel(c.operator, c.key, values);
  return {
    key: c.key,
    operator: c.operator,
    values,
    text: avoid ? `not ${label.text}` : label.text,
  };
}

export interface Proposal {
  context: Record<string, ContextValue>;
  needs: ConditionNeed[];
  /** For each need, the label of the policy whose statement states it (`role trust policy`). */
  from: string[];
}

function propose(c: ConditionExplanation, want: boolean): ContextValue | undefined {
  if (isFixedKey(c.key)) return undefined;
  const value = valueFor(c, want);
  if (value === undefined) return undefined;
  return shapeOf(c.operator).multi ? [value] : value;
}

/** The policy kinds whose Allow the decision lacked, most likely first. */
function missingGrants(e: Explanation): { kind: PolicyKind; level?: number }[] {
  switch (e.reason) {
    case 'scp-level-without-allow':
      return [{ kind: 'scp', ...(e.level !== undefined ? { level: e.level } : {}) }];
    case 'no-resource-grant':
    case 'cross-account-no-resource-grant':
    case 'resource-policy-required':
      return [{ kind: 'resource' }];
    case 'cross-account-no-identity-allow':
      return [{ kind: 'identity' }];
    case 'no-identity-allow':
      return [{ kind: 'identity' }, { kind: 'resource' }];
    case 'boundary-without-allow':
      return [{ kind: 'boundary' }];
    case 'session-without-allow':
      return [{ kind: 'session' }];
    default:
      return [];
  }
}

/**
 * Context that would turn this decision into an Allow, with the conditions it meets, or
 * undefined when nothing a request carries can: an unconditional Deny, no statement that
 * fails only on conditions, conditions on facts of the design.
 */
export function proposeContext(e: Explanation): Proposal | undefined {
  if (e.decision === 'Allow') return { context: {}, needs: [], from: [] };
  const proposal: Proposal = { context: {}, needs: [], from: [] };
  const considered = e.policies.filter((p) => p.considered);
  // Every Deny that applied must stop applying: one of its conditions made false.
  for (const p of considered) {
    for (const s of p.statements) {
      if (!s.applied || s.effect !== 'Deny') continue;
      const way = s.conditions.find((c) => propose(c, false) !== undefined);
      if (!way) return undefined;
      proposal.context[way.key] = propose(way, false)!;
      proposal.needs.push(needOf(way, true));
      proposal.from.push(p.label);
    }
  }
  if (e.decision === 'ImplicitDeny') {
    const granted = missingGrants(e).some(({ kind, level }) => {
      for (const p of considered) {
        if (p.kind !== kind || (level !== undefined && p.level !== level)) continue;
        for (const s of p.statements) {
          if (s.effect !== 'Allow' || s.applied || s.mismatch !== 'condition') continue;
          const failing = s.conditions.filter((c) => !c.matched);
          const values = failing.map((c) => propose(c, true));
          if (values.some((v) => v === undefined)) continue;
          failing.forEach((c, i) => {
            proposal.context[c.key] = values[i]!;
            proposal.needs.push(needOf(c, false));
            proposal.from.push(p.label);
          });
          return true;
        }
      }
      return false;
    });
    if (!granted) return undefined;
  }
  return proposal;
}

/**
 * The conditions under which a Deny that the request escaped would apply: one set per Deny
 * statement that matched everything but a condition (its failing conditions).
 */
export function deniedWhen(e: Explanation | undefined): ConditionNeed[][] {
  if (!e) return [];
  const sets: ConditionNeed[][] = [];
  for (const p of e.policies) {
    if (!p.considered) continue;
    for (const s of p.statements) {
      if (s.effect !== 'Deny' || s.applied || s.mismatch !== 'condition') continue;
      sets.push(s.conditions.filter((c) => !c.matched).map((c) => needOf(c, false)));
    }
  }
  return sets;
}

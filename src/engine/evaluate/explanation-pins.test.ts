/**
 * A few explanations of realistic requests (bench/realistic.ts), pinned in full in
 * `explanation-pins.json` as the engine gave them before the explaining path was made faster:
 * each must stay deep-equal (`toStrictEqual`: no property added, dropped or set to undefined)
 * and print the same JSON (key order included). The callers that read explanations (src/sts,
 * src/model/access, src/analysis, the CLI) see the same objects. The pins were chosen to cover
 * every reason code the set reaches and the rarer parts of an explanation: a condition whose
 * policy variable has no value, policies not considered, multi-valued request values, a grant
 * that names the session's role.
 * Written unformatted (listed in .prettierignore) so that rewriting it needs no formatter.
 *
 * Rewrite only for an intended change of behaviour, with the snapshot
 * (`ROLECRAFT_WRITE_SNAPSHOT=1 npx vitest run src/engine/evaluate`).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateRealistic } from '../../../bench/realistic.ts';
import { compilePolicies, evaluate, type Explanation } from '../index.ts';

const SEED = 20261201;
const SETS = 800;
const PER_SET = 25;
const pinsPath = fileURLToPath(new URL('./explanation-pins.json', import.meta.url));

interface Pin {
  /** Why this request was pinned. */
  why: string;
  /** Its position in `generateRealistic(SEED, SETS, PER_SET)`, sets in order. */
  set: number;
  request: number;
  explanation: Explanation;
}

const sets = generateRealistic(SEED, SETS, PER_SET);

function explainAt(set: number, request: number): Explanation {
  const s = sets[set]!;
  return evaluate(s.requests[request]!, compilePolicies(s.policies), { explain: true })
    .explanation!;
}

/** The first request of each trait, in set order (used only to write the pins). */
function choosePins(): Pin[] {
  const traits: [string, (e: Explanation) => boolean][] = [
    [
      'a condition with a policy variable without value',
      (e) =>
        e.policies.some((p) =>
          p.statements.some((s) => s.conditions.some((c) => c.rule?.includes('policy variable'))),
        ),
    ],
    ['a policy kind not considered', (e) => e.policies.some((p) => !p.considered)],
    [
      'a multi-valued request value',
      (e) =>
        e.policies.some((p) =>
          p.statements.some((s) => s.conditions.some((c) => c.requestValues.length > 1)),
        ),
    ],
    [
      'a grant naming the session role',
      (e) =>
        e.policies.some((p) => p.statements.some((s) => s.applied && s.principalMatch === 'role')),
    ],
  ];
  const pins: Pin[] = [];
  const reasons = new Set<string>();
  const found = new Set<string>();
  for (let set = 0; set < sets.length; set++) {
    const s = sets[set]!;
    const compiled = compilePolicies(s.policies);
    for (let request = 0; request < s.requests.length; request++) {
      const explanation = evaluate(s.requests[request]!, compiled, { explain: true }).explanation!;
      let why: string | undefined;
      if (!reasons.has(explanation.reason)) {
        reasons.add(explanation.reason);
        why = `reason ${explanation.reason}`;
      } else
        for (const [trait, has] of traits)
          if (!found.has(trait) && has(explanation)) {
            found.add(trait);
            why = trait;
            break;
          }
      if (why !== undefined) pins.push({ why, set, request, explanation });
    }
  }
  return pins;
}

describe('pinned explanations of realistic requests', () => {
  if (process.env.ROLECRAFT_WRITE_SNAPSHOT === '1')
    writeFileSync(pinsPath, `${JSON.stringify(choosePins(), null, 1)}\n`);
  const pins = existsSync(pinsPath) ? (JSON.parse(readFileSync(pinsPath, 'utf8')) as Pin[]) : [];

  it('are kept in explanation-pins.json', () => {
    expect(pins.length).toBeGreaterThanOrEqual(10);
  });

  it.each(pins.map((p) => [p.why, p] as const))('%s: deep-equal, same JSON', (_why, pin) => {
    const got = explainAt(pin.set, pin.request);
    expect(got).toStrictEqual(pin.explanation);
    expect(JSON.stringify(got)).toBe(JSON.stringify(pin.explanation));
  });
});

/**
 * The fast path (index by action, denies first, stops early) against the reference path the
 * explanation uses (every statement, facts, then `decide`), on the realistic generated
 * requests of the benchmark: the same decision on every one, one by one and in a batch.
 */
import { describe, expect, it } from 'vitest';
import { generateRealistic } from '../../../bench/realistic.ts';
import { compilePolicies, evaluate, evaluateBatch } from '../index.ts';

describe('fast path and explaining path agree', () => {
  it.each([1, 2, 3, 20261201])('on the realistic set of seed %i', (seed) => {
    const sets = generateRealistic(seed, 60, 15);
    let disagreements = 0;
    let denies = 0;
    for (const { policies, requests } of sets) {
      const set = compilePolicies(policies);
      const batch = evaluateBatch(requests, set);
      requests.forEach((request, i) => {
        const fast = evaluate(request, set).decision;
        const explained = evaluate(request, set, { explain: true }).explanation!.decision;
        if (fast !== explained || batch[i] !== fast) disagreements++;
        if (fast === 'ExplicitDeny') denies++;
      });
    }
    expect(disagreements).toBe(0);
    // The set exercises every outcome, not only the easy one.
    expect(denies).toBeGreaterThan(0);
  });

  it('a batch reuses the output array it is given', () => {
    const { policies, requests } = generateRealistic(7, 1, 10)[0]!;
    const out = ['Allow' as const, 'Allow' as const];
    const result = evaluateBatch(requests, compilePolicies(policies), out);
    expect(result).toBe(out);
    expect(result).toHaveLength(10);
  });
});

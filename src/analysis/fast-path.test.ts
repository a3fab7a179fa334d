// The analysis's fast path (prepared callers, compiled sides, the engine's fast decision,
// candidate pairs read from the trusts, prefilters) gives the result of the straightforward
// one (every pair asked, every question of the adapter's full verdicts): an optimization
// that changes one answer fails here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateOrg } from '../../bench/generate-org';
import { importAuthzFiles } from '../io/authz-details';
import { analyze, toAnalysisJson } from '.';
import { compareText, orderedByStart, sortByKeys, TextOrder, textRanks } from './order';

const NOW = '2026-06-01T00:00:00Z';

async function generated(accounts: number, rolesPerAccount: number, usersPerAccount: number) {
  const files = generateOrg({ accounts, rolesPerAccount, usersPerAccount, seed: 11 });
  const imported = await importAuthzFiles(files, { layout: false });
  if (!imported.ok) throw new Error(imported.reason);
  return imported.design;
}

describe('the fast path gives the straightforward result', () => {
  it('a generated organization: the whole analysis/1 result, who-can and every path', async () => {
    const design = await generated(3, 60, 20);
    const fast = analyze(design, { now: NOW });
    const reference = analyze(design, { now: NOW, reference: true });
    const result = toAnalysisJson(fast.result);
    expect(result.principals).toBe(240);
    // The org has every shape the fast path treats apart: allowed, conditional and denied
    // trusts, escalations of several techniques, findings.
    expect(result.reachability.some((r) => r.needs.length > 0)).toBe(true);
    expect(result.reachability.some((r) => r.needs.length === 0)).toBe(true);
    expect(
      new Set(result.escalations.flatMap((e) => e.steps.map((s) => s.technique))).size,
    ).toBeGreaterThan(3);
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result).toEqual(toAnalysisJson(reference.result));
    for (const [action, resource] of [
      ['iam:CreateUser', '*'],
      ['s3:GetObject', 'arn:aws:s3:::app-1-3/key'],
      ['sts:AssumeRole', fast.result.reachability[0]!.to],
    ] as const)
      expect(fast.whoCan(action, resource)).toEqual(reference.whoCan(action, resource));
    const first = result.escalations[0]!;
    expect(fast.paths(first.principal, first.gains)).toEqual(
      reference.paths(first.principal, first.gains),
    );
  }, 120_000);
});

describe('the order of the lists', () => {
  it('compareText orders as localeCompare does', () => {
    const arn = fc.stringMatching(/^[a-zA-Z0-9:/*_.+=,@-]{0,24}$/);
    fc.assert(
      fc.property(fc.oneof(arn, fc.string()), fc.oneof(arn, fc.string()), (a, b) => {
        expect(Math.sign(compareText(a, b))).toBe(Math.sign(a.localeCompare(b)));
      }),
      { numRuns: 2000 },
    );
  });

  it('ranks and numeric keys sort as comparing the texts does (stable)', () => {
    const text = fc.oneof(
      fc.constantFrom('a', 'A', 'b', '\u00e9', 'e\u0301', 'e', 'admin', ''),
      fc.string(),
    );
    const entry = fc.record({ from: text, hops: fc.nat(3), to: text });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), (list) => {
        const rank = textRanks(list.flatMap((e) => [e.from, e.to]));
        const fast = sortByKeys(list, [
          (e) => rank.get(e.from)!,
          (e) => e.hops,
          (e) => rank.get(e.to)!,
        ]);
        const slow = [...list].sort(
          (a, b) => compareText(a.from, b.from) || a.hops - b.hops || compareText(a.to, b.to),
        );
        // The same entries (objects), in the same order.
        expect(fast.length).toBe(slow.length);
        fast.forEach((e, i) => expect(e).toBe(slow[i]));
      }),
      { numRuns: 500 },
    );
  });

  it('rows ordered per start are the rows of every start sorted at once (stable)', () => {
    const start = fc.record({ rank: fc.nat(4), rows: fc.array(fc.nat(5), { maxLength: 6 }) });
    fc.assert(
      fc.property(fc.array(start, { maxLength: 12 }), (starts) => {
        const tagged = starts.map((s, i) => ({
          rank: s.rank,
          rows: s.rows.map((key, n) => ({ key, id: `${i}.${n}` })),
        }));
        const all = tagged.flatMap((s) => s.rows.map((row) => ({ ...row, rank: s.rank })));
        const slow = sortByKeys(all, [(r) => r.rank, (r) => r.key]).map((r) => r.id);
        const fast = orderedByStart(
          tagged,
          (s) => s.rank,
          (s) => s.rows,
          (r) => r.key,
        ).map((r) => r.id);
        expect(fast).toEqual(slow);
      }),
      { numRuns: 500 },
    );
  });

  it('shared ranks order a list as its own ranks do, a text outside them included', () => {
    const text = fc.oneof(
      fc.constantFrom('a', 'A', 'b', '\u00e9', 'e\u0301', 'admin'),
      fc.string(),
    );
    fc.assert(
      fc.property(fc.array(text), fc.array(text), (universe, list) => {
        const shared = new TextOrder(() => universe).covering(list);
        const own = textRanks(list);
        for (const a of list)
          for (const b of list)
            expect(Math.sign(shared.get(a)! - shared.get(b)!)).toBe(
              Math.sign(own.get(a)! - own.get(b)!),
            );
      }),
      { numRuns: 300 },
    );
  });
});

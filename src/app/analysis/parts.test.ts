import { describe, expect, it } from 'vitest';
import { analyze } from '../../analysis';
import { generateDesign } from '../../model';
import { assemble, partsOf, PART_SIZE } from './parts';
import { jobRunner, type AnalysisWorkerMessage } from './worker-jobs';

const now = '2026-06-01T00:00:00Z';
const big = generateDesign({ nodes: 1_300, seed: 5 });

describe('a large design or result in parts', () => {
  it('splits each long list and large record, each part at most PART_SIZE, and puts them back equal', () => {
    const { head, parts } = partsOf(big);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts)
      expect('items' in part ? part.items.length : part.entries.length).toBeLessThanOrEqual(
        PART_SIZE,
      );
    expect(head.roles).toEqual([]);
    expect(Object.keys(head.layout)).toEqual([]);
    // Across a structured clone, as postMessage takes them.
    const back = assemble(
      structuredClone(head),
      parts.map((p) => structuredClone(p)),
    );
    expect(back).toEqual(big);
    expect(JSON.stringify(back)).toBe(JSON.stringify(big));
  });

  it('leaves a small value whole: its own head, no parts', () => {
    const small = generateDesign({ nodes: 20, seed: 5 });
    expect(partsOf(small)).toEqual({ head: small, parts: [] });
    expect(partsOf(small).head).toBe(small);
  });

  it('the worker analyses a design sent in parts, and sends a large result back in parts', () => {
    const run = jobRunner();
    const got: AnalysisWorkerMessage[] = [];
    const { head, parts } = partsOf(big);
    for (const part of parts)
      run({ type: 'design-part', job: 1, key: 7, part }, (m) => got.push(m));
    expect(got).toEqual([]);
    run(
      {
        job: 1,
        now,
        designs: [{ key: 7, design: head }],
        ask: { type: 'analysis', key: 7 },
        keep: [7],
      },
      (m) => got.push(m),
    );
    const resultParts = got.flatMap((m) => (m.type === 'result-part' ? [m.part] : []));
    const done = got.at(-1)!;
    if (done.type !== 'done') throw new Error(done.type);
    const whole = analyze(big, { now }).result;
    expect(assemble(done.result, resultParts)).toEqual(whole);
    // One part per PART_SIZE rows of each list longer than that.
    const expected = [whole.reachability, whole.escalations, whole.findings, whole.warnings]
      .filter((rows) => rows.length > PART_SIZE)
      .reduce((n, rows) => n + Math.ceil(rows.length / PART_SIZE), 0);
    expect(resultParts).toHaveLength(expected);
  });
});

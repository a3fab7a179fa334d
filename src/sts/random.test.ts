import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCESS_KEY_ID, IdGenerator, SECRET_ACCESS_KEY } from './random.ts';

function draw(seed: string, n: number): string[] {
  const ids = new IdGenerator(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++)
    out.push(ids.accessKeyId(), ids.secretAccessKey(), ids.sessionToken(), ids.uuid());
  return out;
}

describe('IdGenerator', () => {
  it('gives the same sequence for the same seed', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 5 }), (seed, n) => {
        expect(draw(seed, n)).toEqual(draw(seed, n));
      }),
      { numRuns: 50 },
    );
  });

  it('gives different credentials for different seeds', () => {
    expect(draw('a', 1)).not.toEqual(draw('b', 1));
  });

  it('shapes credentials as STS does', () => {
    const ids = new IdGenerator(42);
    for (let i = 0; i < 200; i++) {
      expect(ids.accessKeyId()).toMatch(ACCESS_KEY_ID);
      expect(ids.secretAccessKey()).toMatch(SECRET_ACCESS_KEY);
      expect(ids.sessionToken()).toMatch(/^[A-Za-z0-9+/]+$/);
      expect(ids.uuid()).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    }
  });

  it('derives unique ids from seed and ARN only, independent of the sequence', () => {
    const a = new IdGenerator('s');
    const b = new IdGenerator('s');
    b.accessKeyId();
    const arn = 'arn:aws:iam::111111111111:role/Reader';
    expect(a.uniqueId('AROA', arn)).toBe(b.uniqueId('AROA', arn));
    expect(a.uniqueId('AROA', arn)).toMatch(/^AROA[A-Z0-9]{17}$/);
    expect(a.uniqueId('AROA', arn)).not.toBe(a.uniqueId('AROA', `${arn}2`));
  });
});

// The bad-input table for design files and stored records: each row is the input, where it
// enters (`importDesignText` for files, `restoreDesign` for IndexedDB records), and the exact
// reason the user is shown. Refusing never touches the open design (the callers only open a
// design that restored), so each row also checks that nothing global changed.
import { describe, expect, it } from 'vitest';
import {
  deriveTrustEdges,
  parsePolicyText,
  restoreDesign,
  sampleDesign,
  type Design,
} from '../model';
import { designFileSizeProblem, exportDesignText, importDesignText } from './design-file';

const file = (design: unknown, formatVersion = 1) =>
  JSON.stringify({ format: 'rolecraft', formatVersion, design });
const sample = (): Record<string, unknown> => JSON.parse(JSON.stringify(sampleDesign()));
const nested = (depth: number) => `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;
const withName = (name: string) => file({ ...sample(), name: '@@' }).replace('"@@"', name);
const deepPolicy = (depth: number) =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":${nested(depth)}},"Action":"sts:AssumeRole"}]}`;
const png = String.fromCharCode(0xfffd, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0, 0, 13) + 'IHDR';

describe('design files refused with a reason', () => {
  it.each([
    [
      'invalid JSON',
      '{"format": "rolecraft",',
      'not a Rolecraft design file: invalid JSON: property name expected at line 1, column 24',
    ],
    ['an empty file', '', 'the file is empty'],
    ['a PNG named .json', png, 'not a Rolecraft design file: it is binary, not text'],
    [
      'nesting 100 deep',
      withName(nested(100)),
      'not a Rolecraft design file: nesting deeper than 64 levels at line 1, column 159',
    ],
    [
      'nesting 1,000 deep',
      withName(nested(1_000)),
      'not a Rolecraft design file: nesting deeper than 64 levels at line 1, column 159',
    ],
    [
      'nesting 10,000 deep',
      withName(nested(10_000)),
      'not a Rolecraft design file: nesting deeper than 64 levels at line 1, column 159',
    ],
    [
      'nesting 100,000 deep',
      withName(nested(100_000)),
      'not a Rolecraft design file: nesting deeper than 64 levels at line 1, column 159',
    ],
    [
      'a design from a newer format version',
      file(sample(), 3),
      '`formatVersion` 3 is newer than this app reads (2): update Rolecraft',
    ],
    [
      'a dangling account reference',
      file({ ...sample(), roles: [{ id: 'r', account: 'nowhere', name: 'R' }] }),
      'role `R` is in account `nowhere`, which is not in the design',
    ],
    [
      'a dangling group membership',
      file({
        ...sample(),
        users: [{ id: 'u', account: 'acct-dev', name: 'U', groups: ['ghost'] }],
      }),
      'user `U` is a member of `ghost`, which is not a group of the design',
    ],
    [
      'an entity id `__proto__`',
      file({ ...sample(), users: [{ id: '__proto__', account: 'acct-dev', name: 'U' }] }),
      'the entity id `__proto__` is reserved',
    ],
    [
      'an entity id `constructor`',
      file({ ...sample(), users: [{ id: 'constructor', account: 'acct-dev', name: 'U' }] }),
      'the entity id `constructor` is reserved',
    ],
    [
      'a design file under a `__proto__` key',
      `{"__proto__": ${file(sample())}}`,
      'not a Rolecraft design file: `format` is missing',
    ],
    [
      'a design file under a `constructor` key',
      `{"constructor": ${file(sample())}}`,
      'not a Rolecraft design file: `format` is missing',
    ],
    [
      'a role whose session duration is out of range',
      file({
        ...sample(),
        roles: [{ id: 'r', account: 'acct-dev', name: 'R', maxSessionDuration: 100 }],
      }),
      '`design.roles[0].maxSessionDuration` must be whole seconds from 3600 to 43200, got `100`',
    ],
  ])('%s', (_name, text, reason) => {
    const before = JSON.stringify(Object.getOwnPropertyNames(Object.prototype));
    expect(importDesignText(text)).toEqual({ ok: false, reason });
    expect(JSON.stringify(Object.getOwnPropertyNames(Object.prototype))).toBe(before);
  });

  it('refuses a 20 MB file before reading it, and its text if read anyway', () => {
    const bytes = 20 * 1024 * 1024;
    expect(designFileSizeProblem(bytes)).toBe(
      'the file is 20.0 MB; design files over 10.0 MB are not opened',
    );
    const text = file({ ...sample(), name: 'x'.repeat(bytes) });
    expect(importDesignText(text)).toEqual({
      ok: false,
      reason: 'the file is 20.0 MB; design files over 10.0 MB are not opened',
    });
  });
});

describe('design files that open, kept as written', () => {
  it('keeps `__proto__` and `constructor` tag keys as own tags without touching prototypes', () => {
    const design = sample();
    (design.roles as Record<string, unknown>[])[0]!.tags = '@@';
    const text = file(design).replace('"@@"', '{"__proto__":{"polluted":"yes"},"constructor":"c"}');
    expect(importDesignText(text)).toMatchObject({ ok: false });
    const good = text.replace('{"polluted":"yes"}', '"p"');
    const result = importDesignText(good);
    expect(result.ok).toBe(true);
    const tags = result.ok ? result.design.roles[0]!.tags : {};
    expect(Object.entries(tags)).toEqual([
      ['__proto__', 'p'],
      ['constructor', 'c'],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(tags)).toBe(Object.prototype);
    const back = importDesignText(exportDesignText(result.ok ? result.design : sampleDesign()));
    expect(back.ok && Object.keys(back.design.roles[0]!.tags)).toEqual([
      '__proto__',
      'constructor',
    ]);
  });

  it('ignores `__proto__` and `constructor` keys in the file and the design, taking nothing from them', () => {
    const text = file(sample())
      .replace('{"format"', '{"__proto__":{"polluted":1},"constructor":{"format":"other"},"format"')
      .replace('"design":{', '"design":{"__proto__":{"roles":[]},"constructor":{"name":"c"},');
    const result = importDesignText(text);
    expect(result).toEqual({ ok: true, design: sampleDesign() });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps `__proto__` and `constructor` keys in a policy as written, and the edges as they were', () => {
    const design = sampleDesign();
    const developer = design.roles.find((r) => r.name === 'Developer')!;
    const trust = JSON.parse(developer.trustPolicy) as { Statement: Record<string, unknown>[] };
    const withKeys = JSON.stringify({
      ...trust,
      Statement: trust.Statement.map((st) => ({
        ...st,
        Condition: { ...(st.Condition as object) },
      })),
    }).replace(
      '"Condition":{',
      '"Condition":{"__proto__":{"Bool":{"aws:MultiFactorAuthPresent":"false"}},"constructor":{},',
    );
    developer.trustPolicy = withKeys;
    const before = JSON.stringify(Object.getOwnPropertyNames(Object.prototype));
    const result = importDesignText(exportDesignText(design));
    expect(result.ok && result.design.roles.find((r) => r.name === 'Developer')!.trustPolicy).toBe(
      withKeys,
    );
    const parsed = parsePolicyText(withKeys);
    expect(
      parsed.ok &&
        Object.keys((parsed.document.Statement as { Condition: object }[])[0]!.Condition),
    ).toEqual(expect.arrayContaining(['__proto__', 'constructor']));
    // The keys read as unknown condition operators: derivation answers, it does not throw.
    expect(() => deriveTrustEdges(result.ok ? result.design : design)).not.toThrow();
    expect(JSON.stringify(Object.getOwnPropertyNames(Object.prototype))).toBe(before);
  });

  it('keeps markup in names, descriptions and tags as text', () => {
    const markup = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const design = sampleDesign();
    design.name = markup;
    design.roles[0]!.name = markup;
    design.roles[0]!.description = markup;
    design.roles[0]!.tags = { [markup]: markup };
    const result = importDesignText(exportDesignText(design));
    expect(result).toEqual({ ok: true, design });
  });

  it('opens a design whose trust policy is nested 4,500 deep, refusing only that policy', () => {
    const design = sampleDesign();
    design.roles[0]!.trustPolicy = deepPolicy(4_500);
    const result = importDesignText(exportDesignText(design));
    expect(result.ok).toBe(true);
    expect(parsePolicyText(deepPolicy(4_500))).toEqual({
      ok: false,
      reason:
        'the policy is nested too deeply: nesting deeper than 32 levels at line 1, column 103',
      offset: 102,
    });
    expect(() => deriveTrustEdges(result.ok ? result.design : design)).not.toThrow();
  });
});

describe('stored records refused with a reason', () => {
  it('refuses a record that refers to itself (a reference cycle)', () => {
    const record = sample();
    (record.roles as Record<string, unknown>[])[0]!.tags = record;
    expect(restoreDesign(record)).toEqual({
      ok: false,
      reason: '`design.roles[0].tags` refers back to one of its own containers (a reference cycle)',
    });
  });

  it('refuses a record nested 100,000 deep without overflowing the stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(restoreDesign({ ...sample(), roles: [{ trustPolicy: deep }] })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(
        /^`design\.roles\[0\]\.trustPolicy(\.a)+` nests deeper than 64 levels$/,
      ),
    });
  });

  it('reads a record of a newer version only when asked, marking it', () => {
    const record = { ...sample(), formatVersion: 3, futureField: { x: 1 } };
    expect(restoreDesign(record)).toEqual({
      ok: false,
      reason: '`formatVersion` 3 is newer than this app reads (2): update Rolecraft',
    });
    expect(restoreDesign(record, { readNewer: true })).toEqual({
      ok: true,
      design: sampleDesign(),
      newerVersion: 3,
    });
  });

  it('turns an unexpected failure into a reason instead of throwing', () => {
    const record = sample();
    Object.defineProperty(record, 'name', {
      get() {
        throw new Error('boom');
      },
      enumerable: true,
    });
    expect(restoreDesign(record)).toEqual({
      ok: false,
      reason: 'the design could not be read: boom',
    });
  });
});

export type { Design };

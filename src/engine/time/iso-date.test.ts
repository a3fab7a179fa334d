import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicies, evaluate, validatePolicy } from '../index.ts';
import { parseDate, readIsoDate, readUtcSeconds } from './iso-date.ts';

const utc = (text: string) => new Date(text).getTime();

describe('readIsoDate', () => {
  it.each([
    ['2026', utc('2026-01-01T00:00:00.000Z')],
    ['2026-03', utc('2026-03-01T00:00:00.000Z')],
    ['2026-03-04', utc('2026-03-04T00:00:00.000Z')],
    ['2026-03-04T05:06', utc('2026-03-04T05:06:00.000Z')],
    ['2026-03-04T05:06:07', utc('2026-03-04T05:06:07.000Z')],
    ['2026-03-04T05:06:07Z', utc('2026-03-04T05:06:07.000Z')],
    ['2026-03-04T05:06:07.25Z', utc('2026-03-04T05:06:07.250Z')],
    ['2026-03-04T05:06:07+09:00', utc('2026-03-03T20:06:07.000Z')],
    ['2026-03-04T05:06:07-01:30', utc('2026-03-04T06:36:07.000Z')],
    ['2024-02-29', utc('2024-02-29T00:00:00.000Z')],
  ])('%s', (text, ms) => {
    expect(readIsoDate(text)).toEqual({ ok: true, ms });
  });

  it('keeps two-digit years as written', () => {
    const reading = readIsoDate('0050-01-01');
    expect(reading.ok && new Date(reading.ms).getUTCFullYear()).toBe(50);
  });

  it.each([
    ['2026-13-01', 'has no month 13'],
    ['2025-02-29', 'has no day 29 in 2025-02'],
    ['2026-04-31', 'has no day 31 in 2026-04'],
    ['2026-01-01T24:00:00Z', 'has no hour 24'],
    ['2026-01-01T00:60:00Z', 'has no minute 60'],
    ['2026-01-01T00:00:60Z', 'has no second 60'],
    ['2026-01-01T00:00:00+24:00', 'has no time zone offset +24:00'],
    ['2026-01-01 00:00:00', 'is not an ISO 8601 date'],
    ['Thu, 01 Jan 2026 00:00:00 GMT', 'is not an ISO 8601 date'],
    ['01/02/2026', 'is not an ISO 8601 date'],
    ['2026-01-01T00:00:00z', 'is not an ISO 8601 date'],
    ['2026-1-1', 'is not an ISO 8601 date'],
    ['', 'is not an ISO 8601 date'],
  ])('refuses %j: %s', (text, reason) => {
    const reading = readIsoDate(text);
    expect(reading.ok).toBe(false);
    expect(!reading.ok && reading.reason).toContain(reason);
  });

  it('reads epoch seconds as the Date operators do', () => {
    expect(parseDate('1767225600')).toBe(utc('2026-01-01T00:00:00Z'));
    expect(parseDate('1767225600.5')).toBe(utc('2026-01-01T00:00:00.500Z'));
    expect(parseDate(' 1767225600')).toBeUndefined();
  });
});

describe('the quick reader of YYYY-MM-DDTHH:MM:SSZ', () => {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const text = fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
      fc.integer({ min: 0, max: 25 }),
      fc.integer({ min: 0, max: 61 }),
      fc.integer({ min: 0, max: 61 }),
    )
    .map(
      ([y, mo, d, h, mi, s]) =>
        `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}Z`,
    );

  it('gives what the full reader gives, or leaves the text to it', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ minLength: 20, maxLength: 20 })), (t) => {
        const quick = readUtcSeconds(t);
        const full = readIsoDate(t);
        if (quick !== undefined) expect(full).toEqual({ ok: true, ms: quick });
        else if (full.ok) expect(new Date(full.ms).getUTCFullYear()).toBeLessThan(100);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['2026-02-29T00:00:00Z', undefined],
    ['2024-02-29T23:59:59Z', utc('2024-02-29T23:59:59Z')],
    ['0050-01-01T00:00:00Z', undefined],
    ['2026-01-01T00:00:00z', undefined],
  ])('%s', (t, ms) => {
    expect(readUtcSeconds(t)).toBe(ms);
  });
});

describe('date validation', () => {
  const policy = (value: string) =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { DateLessThan: { 'aws:CurrentTime': value } },
        },
      ],
    });

  it('is an error at the value, with the reason', () => {
    const text = policy('2026-02-30T00:00:00Z');
    const found = validatePolicy(text, 'identity').find((d) => d.code === 'invalid-date');
    expect(found?.severity).toBe('error');
    expect(found?.message).toContain('has no day 30 in 2026-02');
    expect(text.slice(found!.range.start, found!.range.end)).toBe('"2026-02-30T00:00:00Z"');
  });

  it.each([
    '2026-02-28T00:00:00',
    '2026-02-28T00:00:00+01:00',
    '1767225600',
    '${aws:TokenIssueTime}',
  ])('accepts %s', (value) => {
    expect(validatePolicy(policy(value), 'identity').filter((d) => d.severity === 'error')).toEqual(
      [],
    );
  });
});

// Date cases whose decisions Date.parse would change with the machine's time zone: times
// without an offset are UTC, whatever TZ says.
const cases = [
  ['DateLessThan', '2026-01-01T05:00:00', '2026-01-01T00:00:00Z'],
  ['DateGreaterThan', '2026-01-01T05:00:00', '2026-01-01T06:00:00Z'],
  ['DateEquals', '2026-01-01T00:00', '2026-01-01T00:00:00Z'],
  ['DateLessThanEquals', '2026-06-30T23:59:59', '2026-06-30T23:59:59'],
  ['DateGreaterThanEquals', '2026-01-01', '2025-12-31T20:00:00-05:00'],
  ['DateNotEquals', '2026-01-01T09:00:00+09:00', '2026-01-01T00:00:00'],
] as const;

function decisions(): string[] {
  return cases.map(([operator, value, now]) => {
    const set = compilePolicies({
      identity: [
        {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 's3:GetObject',
              Resource: '*',
              Condition: { [operator]: { 'aws:CurrentTime': value } },
            },
          ],
        },
      ],
    });
    const request = { principal: 'arn:aws:iam::111122223333:user/a', action: 's3:GetObject' };
    return evaluate({ ...request, resource: '*', now }, set).decision;
  });
}

describe('date decisions do not depend on the time zone', () => {
  it('are the ones UTC gives', () => {
    expect(decisions()).toEqual(['Allow', 'Allow', 'Allow', 'Allow', 'Allow', 'ImplicitDeny']);
  });

  it('are the same under TZ=UTC and TZ=Asia/Tokyo', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolecraft-tz-'));
    const script = join(dir, 'decide.ts');
    const engine = pathToFileURL(resolve(__dirname, '..', 'index.ts')).href;
    writeFileSync(
      script,
      `import { compilePolicies, evaluate } from ${JSON.stringify(engine)};
const cases = ${JSON.stringify(cases)};
const out = cases.map(([operator, value, now]) => {
  const set = compilePolicies({ identity: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { [operator]: { 'aws:CurrentTime': value } } }] }] });
  return evaluate({ principal: 'arn:aws:iam::111122223333:user/a', action: 's3:GetObject', resource: '*', now }, set).decision;
});
console.log(JSON.stringify({ offset: new Date(2026, 0, 1).getTimezoneOffset(), out }));`,
    );
    const tsx = resolve(__dirname, '..', '..', '..', 'node_modules', '.bin', 'tsx');
    const run = (tz: string) => {
      const child = spawnSync(tsx, [script], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
      expect(child.stderr).toBe('');
      return JSON.parse(child.stdout) as { offset: number; out: string[] };
    };
    const inUtc = run('UTC');
    const inTokyo = run('Asia/Tokyo');
    // The children really ran in different zones…
    expect([inUtc.offset, inTokyo.offset]).toEqual([0, -540]);
    // …and decided alike, as UTC does here.
    expect(inTokyo.out).toEqual(inUtc.out);
    expect(inUtc.out).toEqual(decisions());
  }, 90_000);
});

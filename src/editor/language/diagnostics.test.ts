import { describe, expect, it } from 'vitest';
import { iamCatalogue } from '../catalogue/catalogue';
import { closest, editDistance } from './closest';
import { createDiagnoser } from './diagnose';
import { markerSpan, sortProblems } from './markers';
import { servicesNamedIn } from './policy-services';
import { rangeOf } from './source-range';

const diagnoser = createDiagnoser(iamCatalogue);

describe('diagnostics from the engine with the catalogue the text needs', () => {
  it('warns on an unknown action, exactly on its string', async () => {
    const text =
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:root"}, "Action": "sts:AssumeRol"}]}';
    const found = await diagnoser.diagnose(text, 'trust');
    const unknown = found.find((d) => d.code === 'unknown-action');
    expect(unknown?.severity).toBe('warning');
    expect(text.slice(unknown!.range.start, unknown!.range.end)).toBe('"sts:AssumeRol"');
  });

  it('reports broken JSON as an error', async () => {
    const found = await diagnoser.diagnose('{"Version": "2012-10-17", "Statement": [', 'trust');
    expect(found.some((d) => d.severity === 'error' && d.code === 'json-syntax')).toBe(true);
  });

  it('reports the validator’s trust checks, as `rolecraft validate` does', async () => {
    const text =
      '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Federated": "accounts.google.com"}, "Action": "sts:AssumeRoleWithWebIdentity"}}';
    const found = await diagnoser.diagnose(text, 'trust');
    const lint = found.find((d) => d.code === 'missing-audience-condition');
    expect(lint?.data).toEqual({
      conditionKey: 'accounts.google.com:aud',
      issuer: 'accounts.google.com',
    });
    expect(text.slice(lint!.range.start, lint!.range.end)).toMatch(/^\{"Effect".*\}$/);
  });
});

describe('services named in a policy', () => {
  it('reads action prefixes and condition key prefixes, even from broken text', () => {
    expect(
      servicesNamedIn(
        '{"Statement": [{"Action": ["s3:GetObject", "KMS:Decrypt", "*"], "Condition": {"StringEquals": {"aws:x": "1", "sts:ExternalId": "e"}}}, {"NotAction": "iam:*", ',
      ),
    ).toEqual(['iam', 'kms', 's3', 'sts']);
  });
});

describe('closest', () => {
  it.each([
    ['AssumeRol', ['AssumeRole', 'AssumeRoleWithSAML'], 'AssumeRole'],
    ['GetObejct', ['GetObject', 'PutObject'], 'GetObject'],
    ['assumerole', ['AssumeRole'], 'AssumeRole'],
    ['Frobnicate', ['GetObject', 'PutObject'], undefined],
  ])('%s → %s', (word, candidates, expected) => {
    expect(closest(word, candidates)).toBe(expected);
  });
  it('counts an adjacent swap as one edit', () => {
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('markers', () => {
  const d = (start: number, end: number) => ({
    severity: 'error' as const,
    code: 'x',
    message: 'm',
    range: rangeOf('abcdef', start, end),
  });
  it.each([
    [2, 4, 6, { start: 2, end: 4 }],
    [3, 3, 6, { start: 3, end: 4 }],
    [6, 6, 6, { start: 5, end: 6 }],
    [4, 99, 6, { start: 4, end: 6 }],
  ])('range %i..%i in %i chars', (start, end, length, expected) => {
    expect(markerSpan(d(start, end), length)).toEqual(expected);
  });
  it('sorts problems by position, errors first', () => {
    const warning = { ...d(1, 2), severity: 'warning' as const };
    expect(
      sortProblems([d(3, 4), warning, d(1, 2)]).map((p) => [p.range.start, p.severity]),
    ).toEqual([
      [1, 'error'],
      [1, 'warning'],
      [3, 'error'],
    ]);
  });
  it('computes 1-based lines and columns', () => {
    expect(rangeOf('ab\ncd', 3, 5)).toMatchObject({
      startLine: 2,
      startColumn: 1,
      endLine: 2,
      endColumn: 3,
    });
  });
});

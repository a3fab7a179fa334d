import { describe, expect, it } from 'vitest';
import { parsePolicy } from './parse-policy.ts';

const text = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Read",
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:ListBucket"],
      "Resource": "*",
      "Condition": { "StringEquals": { "aws:PrincipalTag/team": ["blue", "red"] } }
    }
  ]
}`;

describe('parsePolicy', () => {
  it('keeps source ranges for elements, entries and condition parts', () => {
    const { policy, diagnostics } = parsePolicy(text);
    expect(diagnostics).toEqual([]);
    const s = policy!.statements[0]!;
    expect(policy!.version!.value).toBe('2012-10-17');
    expect(s.action!.entries.map((e) => e.value)).toEqual(['s3:GetObject', 's3:ListBucket']);
    const second = s.action!.entries[1]!;
    expect(text.slice(second.range.start, second.range.end)).toBe('"s3:ListBucket"');
    expect(second.range.startLine).toBe(7);
    expect(second.range.startColumn).toBe(34);
    const condition = s.conditions[0]!;
    expect(condition).toMatchObject({ operator: 'StringEquals', key: 'aws:PrincipalTag/team' });
    expect(condition.values.map((v) => v.value)).toEqual(['blue', 'red']);
    expect(text.slice(condition.operatorRange.start, condition.operatorRange.end)).toBe(
      '"StringEquals"',
    );
  });

  it('accepts a single statement object and single values', () => {
    const { policy } = parsePolicy(
      '{"Statement": {"Effect": "Deny", "Action": "*", "Resource": "*"}}',
    );
    expect(policy!.statements).toHaveLength(1);
    expect(policy!.statements[0]!.action!.isArray).toBe(false);
    expect(policy!.version).toBeUndefined();
  });

  it('reports JSON syntax errors with their position', () => {
    const { diagnostics } = parsePolicy('{"Version": "2012-10-17",\n "Statement": [}');
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', code: 'json-syntax' });
    expect(diagnostics[0]!.range.startLine).toBe(2);
  });

  it('rejects comments and trailing commas as IAM does', () => {
    expect(
      parsePolicy('{"Version": "2012-10-17", // note\n "Statement": []}').diagnostics,
    ).not.toEqual([]);
    expect(parsePolicy('{"Version": "2012-10-17", "Statement": [],}').diagnostics).not.toEqual([]);
  });

  it('keeps principal entries per type', () => {
    const { policy } = parsePolicy(
      '{"Statement": [{"Effect": "Allow", "Principal": {"AWS": ["111111111111", "arn:aws:iam::111111111111:root"], "Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}',
    );
    expect(policy!.statements[0]!.principalEntries.map((p) => [p.type, p.value])).toEqual([
      ['AWS', '111111111111'],
      ['AWS', 'arn:aws:iam::111111111111:root'],
      ['Service', 'lambda.amazonaws.com'],
    ]);
  });

  it.each([
    [
      'the document',
      '{"Version":"2012-10-17","__proto__":{"Statement":[]},"constructor":1,"Statement":[]}',
    ],
    [
      'a statement',
      '{"Statement":[{"__proto__":{"Effect":"Allow"},"constructor":"c","Action":"*","Resource":"*"}]}',
    ],
    [
      'a Principal and a Condition',
      '{"Statement":[{"Effect":"Allow","Principal":{"__proto__":{"AWS":"*"}},"Action":"*","Condition":{"StringEquals":{"__proto__":"a","constructor":"b"}}}]}',
    ],
  ])(
    'keeps `__proto__` and `constructor` keys in %s as own properties, as JSON.parse does',
    (_where, text) => {
      const { policy, diagnostics } = parsePolicy(text);
      expect(diagnostics).toEqual([]);
      const document = policy!.document;
      expect(document).toEqual(JSON.parse(text));
      expect(JSON.stringify(document)).toBe(JSON.stringify(JSON.parse(text)));
      expect(Object.getPrototypeOf(document)).toBe(Object.prototype);
      expect(`${String(document)}`).toBe('[object Object]');
      expect(({} as Record<string, unknown>).Statement).toBeUndefined();
      const statement = policy!.statements[0];
      if (statement)
        expect(statement.elements.map((e) => e.name)).toEqual(
          Object.keys(JSON.parse(text).Statement[0]),
        );
    },
  );

  it('does not take a `Statement` from a `__proto__` key', () => {
    const { policy } = parsePolicy(
      '{"__proto__":{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}}',
    );
    expect(policy!.statements).toEqual([]);
    expect(policy!.statement).toBeUndefined();
    expect((policy!.document as { Statement?: unknown }).Statement).toBeUndefined();
  });
});

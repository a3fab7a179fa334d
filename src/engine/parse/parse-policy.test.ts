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
});

import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { hclValue, type HclValue } from './hcl';

// hcl2json prints Terraform JSON syntax, where a literal `${` is written `$${`.
const asTerraformJson = (text: string) => text.replace(/\$\{/g, () => '$${').replace(/%\{/g, '%%{');

describe('HCL writer', () => {
  it('writes strings and keys that HCL reads back unchanged', async () => {
    const value: HclValue = {
      plain: 'Allow',
      quote: 'say "hi" \\ back\\slash',
      lines: 'one\ntwo\r\tthree',
      variable: 'arn:aws:s3:::b/${aws:username}/*',
      directive: '100%{x}',
      control: '\u0001\u001f',
      unicode: 'café ☕ 𝄞',
      'aws:SourceAccount': 'key with a colon',
      true: 'keyword key',
      '1st': 'key starting with a digit',
      nested: [{ a: [] }, {}, [1, 2.5, -3, true, false, null]],
    };
    const parsed = (await parse('t.tf', `value = ${hclValue(value)}\n`)) as { value: unknown };
    const expected = JSON.parse(
      JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' ? asTerraformJson(v) : v)),
    ) as unknown;
    expect(parsed.value).toEqual(expected);
  });

  it('keeps short lists of scalars on one line and breaks long ones', () => {
    expect(hclValue(['a', 'b'])).toBe('["a", "b"]');
    expect(hclValue(Array.from({ length: 12 }, (_, i) => `s3:Action${i}`))).toMatch(
      /^\[\n {2}"s3:Action0",\n/,
    );
  });
});

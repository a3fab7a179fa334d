import { describe, expect, it } from 'vitest';
import { iamCatalogue } from '../catalogue/catalogue';
import { completionsAt } from './completion';
import { createDiagnoser } from './diagnose';
import { hoverAt } from './hover';
import { quickFixes } from './quick-fixes';
import { env } from './test-support';

// A trust policy pasted 4,500 levels deep (the brick) and deeper: every language
// feature answers, none overflows the stack.
const deep = (depth: number) =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":${'['.repeat(depth)}"x"${']'.repeat(depth)}},"Action":"sts:AssumeRole"}]}`;

describe.each([4_500, 100_000])('editor features on a policy nested %i deep', (depth) => {
  const text = deep(depth);
  it('diagnoses one error at the bracket that crosses the limit', async () => {
    const found = await createDiagnoser(iamCatalogue).diagnose(text, 'trust');
    expect(found.map((d) => [d.severity, d.code, d.message, d.range.startColumn])).toEqual([
      [
        'error',
        'json-depth',
        'the policy is nested too deeply: nesting deeper than 32 levels at line 1, column 103 (IAM policies need at most 6)',
        103,
      ],
    ]);
  });

  it('offers no completion, hover or quick fix, without throwing', async () => {
    expect((await completionsAt(text, 90, env('trust'))).items).toEqual([]);
    expect(await hoverAt(text, 90, env('trust'))).toBeUndefined();
    expect(
      await quickFixes(
        text,
        [],
        { start: 0, end: 10 },
        { ...env('trust'), catalogue: iamCatalogue },
      ),
    ).toEqual([]);
  });
});

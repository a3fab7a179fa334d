import { describe, expect, it } from 'vitest';
import { hoverAt } from './hover';
import { cursor, env } from './test-support';

async function hover(marked: string) {
  const { text, offset } = cursor(marked);
  return hoverAt(text, offset, env('trust'));
}

const stmt = (body: string) => `{"Version": "2012-10-17", "Statement": [{${body}}]}`;

describe('hover', () => {
  it.each([
    [
      'an action: access level and description',
      stmt('"Action": "sts:Assu|meRole"'),
      ['**sts:AssumeRole** · Write', 'temporary security credentials', '`role` (required)'],
    ],
    [
      'a wildcard: how many actions it matches',
      stmt('"Action": "s3:Get*|"'),
      ['`s3:Get*` matches', 'GetAccelerateConfiguration'],
    ],
    ['an unknown action', stmt('"Action": "sts:Nope|"'), ['Unknown action `sts:Nope`']],
    [
      'an operator key',
      stmt('"Condition": {"StringLi|ke": {}}'),
      ['**StringLike** · String operator', 'wildcards'],
    ],
    [
      'a qualified operator',
      stmt('"Condition": {"ForAllValues:String|Equals": {}}'),
      ['`ForAllValues`'],
    ],
    [
      'a condition key: type and operators',
      stmt('"Condition": {"Bool": {"aws:MultiFactor|AuthPresent": "true"}}'),
      ['**aws:MultiFactorAuthPresent** · Bool', '`Bool`'],
    ],
    [
      'a service condition key',
      stmt('"Condition": {"StringEquals": {"sts:Exter|nalId": "x"}}'),
      ['**sts:ExternalId** · String'],
    ],
    [
      'a principal from the design',
      stmt('"Principal": {"AWS": "arn:aws:iam::111111111111:user/al|ice"}'),
      ['**alice** · user in the design'],
    ],
    [
      'a policy variable',
      stmt('"Resource": "arn:aws:s3:::b/${aws:user|name}/*"'),
      ['policy variable', 'friendly name'],
    ],
    ['an element key', stmt('"Eff|ect": "Allow"'), ['explicit Deny wins']],
  ])('%s', async (_name, marked, fragments) => {
    const result = await hover(marked);
    for (const fragment of fragments) expect(result?.markdown).toContain(fragment);
  });

  it('covers the string under the cursor', async () => {
    const marked = stmt('"Action": "sts:Assu|meRole"');
    const { text } = cursor(marked);
    const result = await hover(marked);
    expect(text.slice(result!.range.start, result!.range.end)).toBe('"sts:AssumeRole"');
  });

  it('has nothing to say about punctuation', async () => {
    expect(await hover(stmt('"Effect": "Allow",| "Action": "*"'))).toBeUndefined();
  });
});

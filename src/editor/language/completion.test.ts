import { describe, expect, it } from 'vitest';
import { completionsAt } from './completion';
import { cursor, env } from './test-support';
import type { PolicyType } from './types';

async function labelsAt(marked: string, type: PolicyType = 'trust') {
  const { text, offset } = cursor(marked);
  const list = await completionsAt(text, offset, env(type));
  return list.items.map((i) => i.label);
}

const stmt = (body: string) => `{"Version": "2012-10-17", "Statement": [{${body}}]}`;

describe('completion offers what fits the JSON path', () => {
  it.each([
    [
      'an empty editor: whole documents',
      '|',
      'trust',
      ['Empty policy', 'Service trust (policy)'],
      [],
    ],
    [
      'top-level keys not yet written',
      '{"Version": "2012-10-17", "|"}',
      'identity',
      ['Statement', 'Id'],
      ['Version'],
    ],
    ['Version values', '{"Version": "|"}', 'identity', ['2012-10-17', '2008-10-17'], []],
    ['Effect values', stmt('"Effect": "|"'), 'identity', ['Allow', 'Deny'], []],
    ['only Deny in an RCP', stmt('"Effect": "|"'), 'rcp', ['Deny'], ['Allow']],
    [
      'statement keys of a trust policy',
      stmt('"Effect": "Allow", "|"'),
      'trust',
      ['Principal', 'Action', 'Condition'],
      ['Resource', 'Effect'],
    ],
    [
      'statement keys of an identity policy',
      stmt('"|"'),
      'identity',
      ['Resource', 'Action'],
      ['Principal', 'NotPrincipal'],
    ],
    [
      'statement snippets in the Statement list',
      '{"Statement": [|]}',
      'trust',
      [
        'Service trust',
        'Cross-account trust with ExternalId',
        'GitHub Actions OIDC trust restricted by sub',
        'MFA required to assume',
      ],
      [],
    ],
    [
      'MFA snippet in identity policies',
      '{"Statement": [|]}',
      'identity',
      ['MFA required (deny without MFA)'],
      ['Service trust'],
    ],
    [
      'trust actions first, then services',
      stmt('"Action": "|"'),
      'trust',
      ['sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity', 'sts', 's3', '*'],
      [],
    ],
    [
      'a service’s actions after its prefix',
      stmt('"Action": "sts:As|"'),
      'trust',
      ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:*'],
      ['s3'],
    ],
    [
      'actions in a list',
      stmt('"Action": ["s3:GetObject", "s3:|"]'),
      'identity',
      ['s3:PutObject', 's3:Get*'],
      [],
    ],
    ['principal keys', stmt('"Principal": {"|"}'), 'trust', ['AWS', 'Service', 'Federated'], []],
    [
      'AWS principals from the design',
      stmt('"Principal": {"AWS": "|"}'),
      'trust',
      [
        'arn:aws:iam::111111111111:user/alice',
        'arn:aws:iam::222222222222:role/Deploy',
        'arn:aws:iam::111111111111:root',
        '111111111111',
        '*',
      ],
      ['lambda.amazonaws.com'],
    ],
    [
      'service principals',
      stmt('"Principal": {"Service": "|"}'),
      'trust',
      ['lambda.amazonaws.com', 'ecs-tasks.amazonaws.com'],
      [],
    ],
    [
      'federated principals',
      stmt('"Principal": {"Federated": "|"}'),
      'trust',
      [
        'arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com',
        'accounts.google.com',
      ],
      [],
    ],
    [
      'principal objects from the design',
      stmt('"Principal": |'),
      'trust',
      [
        '{ "AWS": "arn:aws:iam::111111111111:user/alice" }',
        '{ "Service": "lambda.amazonaws.com" }',
        '*',
      ],
      [],
    ],
    [
      'operators',
      stmt('"Action": "sts:AssumeRole", "Condition": {"|"}'),
      'trust',
      ['StringEquals', 'StringLikeIfExists', 'Bool', 'Null', 'ForAnyValue:'],
      [],
    ],
    [
      'qualified operators',
      stmt('"Condition": {"ForAllValues:|"}'),
      'trust',
      ['ForAllValues:StringEquals'],
      ['ForAllValues:Null', 'StringEquals'],
    ],
    [
      'keys that fit Bool',
      stmt('"Action": "sts:AssumeRole", "Condition": {"Bool": {"|"}}'),
      'trust',
      ['aws:MultiFactorAuthPresent', 'aws:SecureTransport'],
      ['aws:SourceIp', 'sts:ExternalId'],
    ],
    [
      'keys that fit StringEquals, action keys included',
      stmt('"Action": "sts:AssumeRole", "Condition": {"StringEquals": {"|"}}'),
      'trust',
      ['sts:ExternalId', 'sts:RoleSessionName', 'aws:PrincipalOrgID'],
      ['aws:MultiFactorAuthPresent', 'aws:TagKeys'],
    ],
    [
      'multivalued keys under a set operator',
      stmt('"Action": "sts:TagSession", "Condition": {"ForAllValues:StringEquals": {"|"}}'),
      'trust',
      ['aws:TagKeys'],
      ['sts:ExternalId'],
    ],
    [
      'identity provider keys for a federated principal',
      stmt(
        '"Principal": {"Federated": "arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringLike": {"|"}}',
      ),
      'trust',
      ['token.actions.githubusercontent.com:sub', 'token.actions.githubusercontent.com:aud'],
      [],
    ],
    [
      'Bool values',
      stmt('"Condition": {"Bool": {"aws:MultiFactorAuthPresent": "|"}}'),
      'trust',
      ['true', 'false'],
      [],
    ],
    [
      'the GitHub audience',
      stmt('"Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "|"}}'),
      'trust',
      ['sts.amazonaws.com'],
      [],
    ],
    [
      'account ids for aws:SourceAccount',
      stmt('"Condition": {"StringEquals": {"aws:SourceAccount": "|"}}'),
      'trust',
      ['111111111111', '222222222222'],
      [],
    ],
    [
      'ARN templates for the statement’s actions, and design resources that fit',
      stmt('"Action": "iam:GetRole", "Resource": "|"'),
      'identity',
      [
        'arn:aws:iam::${Account}:role/${RoleNameWithPath}',
        'arn:aws:iam::222222222222:role/Deploy',
        '*',
      ],
      ['arn:aws:s3:::logs'],
    ],
    [
      'policy variables after ${',
      stmt('"Resource": "arn:aws:s3:::logs/${|}"'),
      'identity',
      ['${aws:username}', '${aws:PrincipalTag/${TagKey}}'],
      ['*'],
    ],
    ['nothing right after a finished value', stmt('"Effect": "Allow"|'), 'identity', [], ['Allow']],
  ] as const)('%s', async (_name, marked, type, expected, absent) => {
    const labels = await labelsAt(marked, type);
    for (const label of expected) expect(labels).toContain(label);
    for (const label of absent) expect(labels).not.toContain(label);
  });
});

describe('completion items', () => {
  it('inside a string, replaces its content (a snippet around it goes on)', async () => {
    const { text, offset } = cursor(stmt('"Action": "sts:As|"'));
    const list = await completionsAt(text, offset, env('trust'));
    const item = list.items.find((i) => i.label === 'sts:AssumeRole');
    expect(item).toBeDefined();
    expect(text.slice(item!.range.start, item!.range.end)).toBe('sts:As');
    expect(item!.insertText).toBe('sts:AssumeRole');
    expect(item!.filterText).toBe('sts:AssumeRole');
    expect(item!.detail).toBe('Write');
    expect(item!.documentation).toContain('temporary security credentials');
  });

  it('closes a string that has no closing quote yet', async () => {
    const { text, offset } = cursor('{"Statement": {"Action": "sts:As|\n}}');
    const item = (await completionsAt(text, offset, env('trust'))).items.find(
      (i) => i.label === 'sts:AssumeRole',
    );
    expect(text.slice(item!.range.start, item!.range.end)).toBe('sts:As');
    expect(item!.insertText).toBe('sts:AssumeRole"');
  });

  it('outside a string, inserts the value with its quotes', async () => {
    const { text, offset } = cursor(stmt('"Effect": |'));
    const item = (await completionsAt(text, offset, env('trust'))).items.find(
      (i) => i.label === 'Allow',
    );
    expect(item).toMatchObject({ insertText: '"Allow"', range: { start: offset, end: offset } });
  });

  it('asks again as the user types a service prefix, and reopens after picking a service', async () => {
    const { text, offset } = cursor(stmt('"Action": "st|"'));
    const list = await completionsAt(text, offset, env('identity'));
    expect(list.incomplete).toBe(true);
    const sts = list.items.find((i) => i.label === 'sts');
    expect(sts).toMatchObject({
      insertText: 'sts:$0',
      snippet: true,
      retrigger: true,
      detail: 'AWS Security Token Service',
    });
  });

  it('inserts a key with its value when no colon follows, and the key alone when one does', async () => {
    const open = cursor(stmt('"Eff|"'));
    const withValue = (await completionsAt(open.text, open.offset, env('identity'))).items.find(
      (i) => i.label === 'Effect',
    );
    expect(withValue?.insertText).toBe('"Effect": "${1|Allow,Deny|}"');
    const keyed = cursor(stmt('"Eff|": "Allow"'));
    const keyOnly = (await completionsAt(keyed.text, keyed.offset, env('identity'))).items.find(
      (i) => i.label === 'Effect',
    );
    expect(keyOnly?.insertText).toBe('Effect');
  });

  it('turns ${…} parts of ARN templates into tab stops, the design account filled in', async () => {
    const { text, offset } = cursor(stmt('"Action": "iam:GetRole", "Resource": "|"'));
    const item = (await completionsAt(text, offset, env('identity'))).items.find(
      (i) => i.detail === 'iam role',
    );
    expect(item?.insertText).toBe('arn:aws:iam::${1:111111111111}:role/${2:RoleNameWithPath}');
  });

  it('ranks operators that fit the keys already in the block first', async () => {
    const { text, offset } = cursor(
      stmt('"Condition": {"Str|": {"aws:MultiFactorAuthPresent": "true"}}'),
    );
    const items = (await completionsAt(text, offset, env('trust'))).items;
    const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    expect(sorted[0]?.label).toBe('Bool');
  });

  it('offers ready-made conditions: a key with an operator that fits its type', async () => {
    const labels = await labelsAt(stmt('"Action": "sts:AssumeRole", "Condition": {|}'), 'trust');
    expect(labels).toContain('sts:ExternalId → StringEquals');
    expect(labels).toContain('aws:MultiFactorAuthPresent → Bool');
    expect(labels).toContain('aws:SourceIp → IpAddress');
  });
});

import { describe, expect, it } from 'vitest';
import { conditionLabels } from './condition-labels';

describe('conditionLabels', () => {
  it.each([
    [{ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }, ['MFA']],
    [{ BoolIfExists: { 'aws:MultiFactorAuthPresent': true } }, ['MFA']],
    [{ Bool: { 'aws:MultiFactorAuthPresent': 'false' } }, ['no MFA']],
    [{ NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } }, ['MFA within 3600s']],
    [{ StringEquals: { 'sts:ExternalId': ['a', 'b', 'c'] } }, ['ExternalId "a" or "b" (+1)']],
    [{ StringNotEquals: { 'aws:SourceAccount': '1' } }, ['source account not "1"']],
    [{ ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*' } }, ['source ARN "arn:aws:sns:*"']],
    [{ StringEquals: { 'aws:PrincipalTag/team': 'ops' } }, ['tag team="ops"']],
    [{ StringEquals: { 'aws:RequestTag/project': 'x' } }, ['session tag project="x"']],
    [
      { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:o/r:*' } },
      ['sub "repo:o/r:*"'],
    ],
    [{ StringEquals: { 'accounts.google.com:aud': 'client' } }, ['aud "client"']],
    [
      { 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } },
      ['amr "authenticated"'],
    ],
    [{ IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, ['from IP "10.0.0.0/8"']],
    [
      { DateLessThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } },
      ['before 2027-01-01T00:00:00Z'],
    ],
    [{ StringEquals: { 'ec2:Region': 'eu-west-1' } }, ['ec2:Region StringEquals "eu-west-1"']],
    [
      { StringEquals: { 'aws:PrincipalOrgID': 'o-1', 'sts:RoleSessionName': '${aws:username}' } },
      ['org "o-1"', 'session name "${aws:username}"'],
    ],
    [undefined, []],
    ['nonsense', []],
  ])('%j reads %j', (condition, texts) => {
    expect(conditionLabels(condition).map((c) => c.text)).toEqual(texts);
  });
});

describe('conditionLabels on values that are not strings', () => {
  it('shows an object value as JSON, never calling a `toString` key of the policy (found by the fuzzer)', () => {
    const labels = conditionLabels({ StringEquals: { 'aws:x': [{ toString: '*' }, 5, null] } });
    expect(labels.map((l) => l.values)).toEqual([['{"toString":"*"}', '5', 'null']]);
  });
});

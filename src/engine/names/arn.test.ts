import { describe, expect, it } from 'vitest';
import { actionName, actionService } from './action.ts';
import { formatArn, isAwsAccountId, parseArn, rootArnAccount } from './arn.ts';

describe('parseArn', () => {
  it.each([
    [
      'arn:aws:iam::123456789012:role/ci/Deploy',
      {
        partition: 'aws',
        service: 'iam',
        region: '',
        account: '123456789012',
        resource: 'role/ci/Deploy',
      },
    ],
    [
      'arn:aws:s3:::bucket/key:with:colons',
      {
        partition: 'aws',
        service: 's3',
        region: '',
        account: '',
        resource: 'bucket/key:with:colons',
      },
    ],
    [
      'arn:aws-cn:lambda:cn-north-1:123456789012:function:fn:live',
      {
        partition: 'aws-cn',
        service: 'lambda',
        region: 'cn-north-1',
        account: '123456789012',
        resource: 'function:fn:live',
      },
    ],
    [
      'arn:aws:sqs:eu-west-1:123456789012:',
      {
        partition: 'aws',
        service: 'sqs',
        region: 'eu-west-1',
        account: '123456789012',
        resource: '',
      },
    ],
  ])('reads %s', (text, expected) => {
    expect(parseArn(text)).toEqual(expected);
    expect(formatArn(parseArn(text)!)).toBe(text);
  });

  it.each(['', 'arn', 'arn:aws:iam::123456789012', 'aws:iam::1:root', 'lambda.amazonaws.com', '*'])(
    'refuses %j',
    (text) => expect(parseArn(text)).toBeUndefined(),
  );
});

describe('rootArnAccount', () => {
  it.each([
    ['arn:aws:iam::123456789012:root', '123456789012'],
    ['arn:aws-us-gov:iam::123456789012:root', '123456789012'],
    ['arn:aws:iam::12345678901:root', undefined],
    ['arn:aws:iam::123456789012:user/root', undefined],
    ['arn:aws:sts::123456789012:root', undefined],
    ['123456789012', undefined],
  ])('%s -> %s', (text, account) => expect(rootArnAccount(text)).toBe(account));

  it('knows account ids', () => {
    expect(isAwsAccountId('123456789012')).toBe(true);
    expect(isAwsAccountId('12345678901a')).toBe(false);
  });
});

describe('action names', () => {
  it.each([
    ['s3:GetObject', 's3', 'GetObject'],
    ['iam:*', 'iam', '*'],
    ['*', '*', ''],
  ])('%s', (action, service, name) => {
    expect(actionService(action)).toBe(service);
    expect(actionName(action)).toBe(name);
  });
});

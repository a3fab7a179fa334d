import { describe, expect, it } from 'vitest';
import { accountOfIamArn } from './merge';

describe('accountOfIamArn', () => {
  it.each([
    ['arn:aws:iam::111122223333:role/a', '111122223333'],
    ['arn:aws-cn:iam::111122223333:user/p/q', '111122223333'],
    ['arn:aws:sts::111122223333:assumed-role/r/s', '111122223333'],
    ['arn:aws:iam::111122223333:root', '111122223333'],
    ['arn::iam::111122223333:x', '111122223333'],
    ['arn:aws:iam::aws:policy/ReadOnlyAccess', undefined],
    ['arn:aws:iam::11112222333:role/short', undefined],
    ['arn:aws:iam::1111222233334:role/long', undefined],
    ['arn:aws:iam::11112222333x:role/letter', undefined],
    ['arn:aws:iam::111122223333', undefined],
    ['xarn:aws:iam::111122223333:role/a', undefined],
    ['111122223333', undefined],
    ['', undefined],
  ])('%s is of account %s', (arn, account) => {
    expect(accountOfIamArn(arn)).toBe(account);
  });
});

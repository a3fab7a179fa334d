import { describe, expect, it } from 'vitest';
import { actionChoices, checkAction } from './action-choices';

describe('one action picked outside a policy', () => {
  it('suggests the services until one is typed, then that service’s actions', async () => {
    const services = await actionChoices('');
    expect(services.length).toBeGreaterThan(400);
    expect(services).toContainEqual({ value: 's3:', label: 's3: · Amazon S3' });
    expect(await actionChoices('nope:Get')).toEqual(services);
    const s3 = await actionChoices('S3:getob');
    expect(s3).toContainEqual({ value: 's3:GetObject', label: 's3:GetObject · Read' });
    expect(s3.every((c) => c.value.startsWith('s3:'))).toBe(true);
  });

  it.each([
    ['s3:GetObject', { action: 's3:GetObject' }],
    ['  IAM:createaccesskey ', { action: 'iam:CreateAccessKey' }],
    [
      'iam:CreateAccesKey',
      {
        reason:
          'unknown action `iam:CreateAccesKey`: AWS Identity and Access Management (IAM) has no action `CreateAccesKey`; did you mean `iam:CreateAccessKey`?',
      },
    ],
    [
      's3:FlyToTheMoon',
      { reason: 'unknown action `s3:FlyToTheMoon`: Amazon S3 has no action `FlyToTheMoon`' },
    ],
    ['s4:GetObject', { reason: 'unknown service `s4` in `s4:GetObject`: did you mean `s3`?' }],
    [
      'GetObject',
      { reason: '`GetObject` is not an action: write it as `service:Action`, s3:GetObject' },
    ],
    ['s3:', { reason: '`s3:` is not an action: write it as `service:Action`, s3:GetObject' }],
    [
      's3:Get*',
      {
        reason:
          '`s3:Get*` is a pattern: a call names one action, pick one (s3:GetObject, not s3:Get*)',
      },
    ],
  ])('%s', async (typed, expected) => {
    expect(await checkAction(typed)).toEqual(expected);
  });
});

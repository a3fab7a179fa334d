import { describe, expect, it } from 'vitest';
import {
  assumeInput,
  buildParams,
  callerRef,
  EMPTY_ASSUME_FORM,
  type AssumeFormValues,
} from './requests';

const form = (patch: Partial<AssumeFormValues>): AssumeFormValues => ({
  ...EMPTY_ASSUME_FORM,
  ...patch,
});

describe('buildParams', () => {
  it.each<[string, Partial<AssumeFormValues>, object]>([
    ['an empty form sends nothing', {}, {}],
    [
      'trims text and reads the duration as a number',
      { sessionName: ' alice ', duration: '7200', externalId: 'x-1' },
      { RoleSessionName: 'alice', DurationSeconds: 7200, ExternalId: 'x-1' },
    ],
    [
      'MFA fields only when MFA is on',
      { serialNumber: 'arn:aws:iam::1:mfa/a', tokenCode: '123456' },
      {},
    ],
    [
      'MFA on sends serial and code',
      { mfa: true, serialNumber: 'arn:aws:iam::1:mfa/a', tokenCode: '123456' },
      { SerialNumber: 'arn:aws:iam::1:mfa/a', TokenCode: '123456' },
    ],
    [
      'tags with keys, transitive ones listed',
      {
        tags: [
          { key: 'team', value: 'web', transitive: true },
          { key: '', value: 'ignored', transitive: true },
          { key: 'cost', value: '', transitive: false },
        ],
      },
      {
        Tags: [
          { Key: 'team', Value: 'web' },
          { Key: 'cost', Value: '' },
        ],
        TransitiveTagKeys: ['team'],
      },
    ],
    [
      'source identity and session policy text as typed',
      { sourceIdentity: 'alice', sessionPolicy: '{ "Version": "2012-10-17" }' },
      { SourceIdentity: 'alice', Policy: '{ "Version": "2012-10-17" }' },
    ],
    [
      'a duration that is not a number goes to STS to reject',
      { duration: 'soon' },
      { DurationSeconds: NaN },
    ],
  ])('%s', (_name, patch, expected) => {
    expect(buildParams(form(patch))).toEqual(expected);
  });
});

describe('callerRef', () => {
  it('names a user by ARN and a session by its access key', () => {
    expect(callerRef({ kind: 'user', entityId: 'u', arn: 'arn:aws:iam::1:user/a' })).toEqual({
      principal: 'arn:aws:iam::1:user/a',
    });
    expect(callerRef({ kind: 'session', accessKeyId: 'ASIA1' })).toEqual({ accessKeyId: 'ASIA1' });
  });

  it('gives a service its source account and ARN when set', () => {
    expect(
      callerRef({
        kind: 'service',
        entityId: 's',
        service: 'lambda.amazonaws.com',
        sourceAccount: '',
        sourceArn: '',
      }),
    ).toEqual({ principal: 'lambda.amazonaws.com' });
    expect(
      callerRef({
        kind: 'service',
        entityId: 's',
        service: 'lambda.amazonaws.com',
        sourceAccount: '222222222222',
        sourceArn: ' arn:aws:lambda:us-east-1:222222222222:function:f ',
      }),
    ).toEqual({
      principal: 'lambda.amazonaws.com',
      context: {
        'aws:SourceAccount': '222222222222',
        'aws:SourceArn': 'arn:aws:lambda:us-east-1:222222222222:function:f',
      },
    });
  });

  it('carries a federated identity’s claims as context', () => {
    const input = assumeInput(
      {
        kind: 'federated',
        entityId: 'g',
        federated: 'accounts.google.com',
        claims: [{ key: 'accounts.google.com:aud', value: 'app' }],
      },
      'arn:aws:iam::1:role/R',
      form({ sessionName: 's' }),
    );
    expect(input).toEqual({
      by: { federated: 'accounts.google.com', context: { 'accounts.google.com:aud': 'app' } },
      roleArn: 'arn:aws:iam::1:role/R',
      params: { RoleSessionName: 's' },
    });
  });
});

import { describe, expect, it } from 'vitest';
import { arnOf, normalisePath } from './arn';
import { findEntity } from './lookup';
import { principalRefOf } from './principal-ref';
import { fixtureDesign } from './test-fixtures';
import { makeResource } from './factories';
import type { Design, ResourceType } from './types';

const design = fixtureDesign('{}');

describe('ARNs', () => {
  it.each([
    ['dev', 'arn:aws:iam::111111111111:root'],
    ['alice', 'arn:aws:iam::111111111111:user/alice'],
    ['target', 'arn:aws:iam::222222222222:role/Target'],
    ['okta', 'arn:aws:iam::222222222222:saml-provider/Okta'],
    ['github', 'arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com'],
    ['vendor', 'arn:aws:iam::333333333333:root'],
    ['lambda', undefined],
    ['anyone', undefined],
  ])('%s has ARN %s', (id, arn) => {
    expect(arnOf(design, findEntity(design, id)!)).toBe(arn);
  });

  it('puts the path between kind and name', () => {
    const withPath: Design = {
      ...design,
      users: design.users.map((u) => ({ ...u, path: '/eng/ops/' })),
    };
    expect(arnOf(withPath, findEntity(withPath, 'alice')!)).toBe(
      'arn:aws:iam::111111111111:user/eng/ops/alice',
    );
  });

  it.each<[ResourceType, string]>([
    ['s3-bucket', 'arn:aws:s3:::thing'],
    ['kms-key', 'arn:aws:kms:eu-west-1:222222222222:key/thing'],
    ['sqs-queue', 'arn:aws:sqs:eu-west-1:222222222222:thing'],
    ['sns-topic', 'arn:aws:sns:eu-west-1:222222222222:thing'],
    ['secret', 'arn:aws:secretsmanager:eu-west-1:222222222222:secret:thing'],
    ['lambda-function', 'arn:aws:lambda:eu-west-1:222222222222:function:thing'],
  ])('a %s resource has ARN %s', (resourceType, arn) => {
    const resource = makeResource({
      account: 'prod',
      name: 'thing',
      resourceType,
      region: 'eu-west-1',
    });
    expect(arnOf({ ...design, resources: [resource] }, resource)).toBe(arn);
  });

  it.each([
    ['', '/'],
    ['/', '/'],
    ['a', '/a/'],
    ['/a//b', '/a/b/'],
  ])('path %j normalises to %j', (path, expected) => {
    expect(normalisePath(path)).toBe(expected);
  });

  it('names Google by host and GitHub by provider ARN in trust policies', () => {
    expect(principalRefOf(design, findEntity(design, 'google')!)).toEqual({
      type: 'Federated',
      value: 'accounts.google.com',
    });
    expect(principalRefOf(design, findEntity(design, 'github')!)?.value).toBe(
      'arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com',
    );
    expect(principalRefOf(design, findEntity(design, 'anyone')!)).toEqual({
      type: 'AWS',
      value: '*',
    });
  });

  it('has no ARN when the account is missing', () => {
    const orphan: Design = { ...design, accounts: [] };
    expect(arnOf(orphan, findEntity(orphan, 'alice')!)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { sampleDesign } from '../model';
import { designEntities } from './design-entities';

describe('design entities for completion', () => {
  const entities = designEntities(sampleDesign());
  const byName = (name: string) => entities.find((e) => e.name === name);

  it.each([
    [
      'alice',
      { kind: 'user', arn: 'arn:aws:iam::111111111111:user/alice', accountId: '111111111111' },
    ],
    [
      'Deploy',
      { kind: 'role', arn: 'arn:aws:iam::222222222222:role/Deploy', accountId: '222222222222' },
    ],
    [
      'Development',
      { kind: 'account', arn: 'arn:aws:iam::111111111111:root', accountId: '111111111111' },
    ],
  ])('%s', (name, expected) => {
    expect(byName(name)).toMatchObject(expected);
  });

  it('names a service by its principal name, and an OIDC provider by its ARN with its audiences', () => {
    expect(entities).toContainEqual(
      expect.objectContaining({ kind: 'service', arn: 'lambda.amazonaws.com' }),
    );
    const provider = entities.find((e) => e.kind === 'identity-provider');
    expect(provider?.arn).toMatch(
      /^arn:aws:iam::\d{12}:oidc-provider\/token\.actions\.githubusercontent\.com$/,
    );
    expect(provider?.audiences).toContain('sts.amazonaws.com');
  });
});

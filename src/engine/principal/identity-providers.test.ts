import { describe, expect, it } from 'vitest';
import {
  claimKeysOf,
  consoleTrustConditions,
  identityProviderPreset,
  isCognitoIdentityPoolId,
  isPlaceholderValue,
  webIdentityHostsNamedByHost,
  wellKnownIdentityProviders,
  wellKnownProviderOfIssuer,
} from './identity-providers.ts';

describe('well-known identity providers', () => {
  it('lists each preset once, SAML first and custom OIDC last', () => {
    const presets = wellKnownIdentityProviders.map((p) => p.preset);
    expect(presets).toEqual([
      'saml',
      'github-actions',
      'gitlab',
      'terraform-cloud',
      'google',
      'cognito',
      'amazon',
      'facebook',
      'custom',
    ]);
  });

  it('names by host exactly the four providers AWS federates without an IAM provider', () => {
    expect([...webIdentityHostsNamedByHost].sort()).toEqual([
      'accounts.google.com',
      'cognito-identity.amazonaws.com',
      'graph.facebook.com',
      'www.amazon.com',
    ]);
  });

  it.each([
    ['https://token.actions.githubusercontent.com', 'github-actions'],
    ['GITLAB.com/', 'gitlab'],
    ['accounts.google.com', 'google'],
    ['oidc.example.com', undefined],
  ])('finds the provider of issuer %s', (issuer, preset) => {
    expect(wellKnownProviderOfIssuer(issuer)?.preset).toBe(preset);
  });

  it.each([
    ['saml', 'SAML:aud', 'SAML:sub'],
    [
      'github-actions',
      'token.actions.githubusercontent.com:aud',
      'token.actions.githubusercontent.com:sub',
    ],
    ['amazon', 'www.amazon.com:app_id', 'www.amazon.com:user_id'],
    ['facebook', 'graph.facebook.com:app_id', 'graph.facebook.com:id'],
  ] as const)('spells the claim keys of %s as AWS does', (preset, audience, subject) => {
    const keys = claimKeysOf(identityProviderPreset(preset));
    expect([keys.audience, keys.subject]).toEqual([audience, subject]);
  });

  it.each([
    ['saml', [], { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } }],
    [
      'github-actions',
      ['sts.amazonaws.com'],
      {
        StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
        StringLike: {
          'token.actions.githubusercontent.com:sub': 'repo:REPLACE-ME-OWNER/REPLACE-ME-REPO:*',
        },
      },
    ],
    [
      'cognito',
      ['us-east-1:12345678-1234-1234-1234-123456789012'],
      {
        StringEquals: {
          'cognito-identity.amazonaws.com:aud': 'us-east-1:12345678-1234-1234-1234-123456789012',
        },
        'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
      },
    ],
    ['facebook', ['42'], { StringEquals: { 'graph.facebook.com:app_id': '42' } }],
    ['custom', [], {}],
  ] as const)('writes the console trust conditions of %s', (preset, audiences, expected) => {
    const provider = identityProviderPreset(preset);
    expect(consoleTrustConditions(provider, provider.issuer, audiences)).toEqual(expected);
  });

  it('shared issuers, and only they, get a subject placeholder', () => {
    for (const p of wellKnownIdentityProviders) {
      expect(p.subjectPlaceholder !== undefined).toBe(p.sharedIssuer);
      if (p.subjectPlaceholder) expect(isPlaceholderValue(p.subjectPlaceholder)).toBe(true);
    }
  });

  it.each([
    ['us-east-1:12345678-1234-1234-1234-123456789012', true],
    ['us-gov-west-1:12345678-1234-1234-1234-123456789012', true],
    ['12345678-1234-1234-1234-123456789012', false],
    ['us-east-1:not-a-guid', false],
  ])('identity pool id %s is valid: %s', (id, valid) => {
    expect(isCognitoIdentityPoolId(id)).toBe(valid);
  });
});

import { describe, expect, it } from 'vitest';
import { makeOidcProvider, makeSamlProvider } from '../factories';
import type { OidcPreset } from '../types';
import { federatedAssumeParams } from './defaults';

describe('federatedAssumeParams', () => {
  it.each<[OidcPreset, string]>([
    ['github-actions', 'GitHubActions'],
    ['gitlab', 'GitLabRunner'],
    ['terraform-cloud', 'terraform-run'],
    ['cognito', 'CognitoIdentityCredentials'],
    ['google', 'web-identity'],
    ['custom', 'web-identity'],
  ])('names a %s session %s, as its callers do', (preset, name) => {
    expect(federatedAssumeParams(makeOidcProvider({ account: 'a', preset })).RoleSessionName).toBe(
      name,
    );
  });

  it("names a SAML session after the assertion's subject", () => {
    const saml = makeSamlProvider({ account: 'a', name: 'Okta' });
    expect(federatedAssumeParams(saml).RoleSessionName).toBe('alice@example.com');
  });
});

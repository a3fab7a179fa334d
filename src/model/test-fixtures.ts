import {
  emptyDesign,
  makeAccount,
  makeAnyone,
  makeOidcProvider,
  makeOutsideAccount,
  makeRole,
  makeSamlProvider,
  makeService,
  makeUser,
} from './factories';
import { sequentialIds } from './ids';
import type { Design, InlinePolicy } from './types';

/**
 * A small design for tests: accounts Dev (111111111111) and Prod (222222222222), an outside
 * account 333333333333, Anyone, user alice and role Ops in Dev (each with an identity policy
 * allowing sts:AssumeRole on any role, so the trust policy decides), role Target in Prod (its
 * trust policy is the argument), Lambda, a SAML provider `Okta` and Google and GitHub OIDC
 * providers in Prod.
 */
export function fixtureDesign(targetTrustPolicy: string): Design {
  const ids = sequentialIds();
  const design = emptyDesign('fixture', ids);
  return {
    ...design,
    accounts: [
      makeAccount({ id: 'dev', awsAccountId: '111111111111', name: 'Dev' }),
      makeAccount({ id: 'prod', awsAccountId: '222222222222', name: 'Prod' }),
    ],
    users: [
      makeUser({ id: 'alice', account: 'dev', name: 'alice', policies: [assumeAny('alice')] }),
    ],
    roles: [
      makeRole({ id: 'ops', account: 'dev', name: 'Ops', policies: [assumeAny('ops')] }),
      makeRole({ id: 'target', account: 'prod', name: 'Target', trustPolicy: targetTrustPolicy }),
    ],
    services: [makeService('lambda.amazonaws.com', () => 'lambda')],
    identityProviders: [
      makeSamlProvider({ id: 'okta', account: 'prod', name: 'Okta' }),
      makeOidcProvider({ id: 'google', account: 'prod', preset: 'google' }),
      makeOidcProvider({ id: 'github', account: 'prod', preset: 'github-actions' }),
    ],
    outsidePrincipals: [
      makeOutsideAccount('333333333333', 'Vendor', () => 'vendor'),
      makeAnyone(() => 'anyone'),
    ],
  };
}

function assumeAny(owner: string): InlinePolicy {
  return {
    id: `${owner}-assume`,
    name: 'AssumeAnyRole',
    attachment: 'inline',
    text: trustText({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }),
  };
}

/** A trust policy text of these statements. */
export function trustText(...statements: object[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}

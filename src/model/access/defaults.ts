// What the adapter assumes when the person has said nothing: the request context, the
// time, the STS parameters and the token claims. The simulator's forms start from the same
// values, so "can X assume Y" on the canvas and a default Assume role in the simulator ask
// one question. `DEFAULT_CONTEXT` is the table shown in the README; defaults.test.ts holds
// every row to the behaviour.

import { DEFAULT_START, parseInstant, type AssumeRoleParams, type ContextMap } from '../../sts';
import { SAML_AWS_AUDIENCE, claimKeysOf, identityProviderPreset } from '../../engine';
import type { IdentityProvider, User } from '../types';

export interface DefaultContextRow {
  /** The context key (or keys) the row is about. */
  key: string;
  /** What a request carries when the person said nothing. */
  assumed: string;
  /** What follows for edges: a grant that needs something else is drawn as conditional. */
  effect: string;
}

/** The request context the adapter (and the simulator's untouched forms) assume. */
export const DEFAULT_CONTEXT: readonly DefaultContextRow[] = [
  {
    key: 'aws:CurrentTime, aws:EpochTime',
    assumed: `the simulation clock's start, ${DEFAULT_START}`,
    effect: 'date conditions are decided at that instant',
  },
  {
    key: 'aws:SecureTransport',
    assumed: 'absent',
    effect:
      'an Allow that needs `true` is conditional ("TLS only"); a Deny on `false` does not apply',
  },
  {
    key: 'aws:MultiFactorAuthPresent, aws:MultiFactorAuthAge',
    assumed:
      'AssumeRole by a user with MFA: `true`, age 0 (SerialNumber and TokenCode are sent); a role session: `false` unless it was obtained with MFA; a user calling with access keys, a service, a federated identity: absent',
    effect: 'an Allow that needs MFA from anyone else is conditional ("MFA")',
  },
  {
    key: 'aws:SourceIp, aws:SourceVpc, aws:SourceVpce, aws:RequestedRegion',
    assumed: 'absent',
    effect: 'an Allow that needs them is conditional ("from IP …")',
  },
  {
    key: 'sts:ExternalId, sts:SourceIdentity, aws:RequestTag/*, aws:TagKeys',
    assumed: 'absent (no ExternalId, source identity or session tags are passed)',
    effect: 'a trust that needs them is conditional ("ExternalId …")',
  },
  {
    key: 'sts:RoleSessionName',
    assumed:
      "a user's name for its AssumeRole; the service's first label; for federated callers what their kind sends (`GitHubActions`, `GitLabRunner`, `CognitoIdentityCredentials`, `web-identity` for other OIDC; SAML: the assertion's subject); `chained` when a role session assumes a role",
    effect: 'a trust on another session name is conditional',
  },
  {
    key: 'aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalTag/*, aws:userid, aws:TokenIssueTime',
    assumed:
      "the caller's own: its ARN, account and tags; a role's fresh session is named `rolecraft` and issued at the clock's start",
    effect:
      'facts of the design: a grant on another ARN or account is denied, never made conditional; a principal tag the caller lacks is named ("tag team=…"), as session tags can carry it',
  },
  {
    key: 'aws:SourceAccount, aws:SourceArn (service callers)',
    assumed: 'absent',
    effect: 'a service trust that needs them is conditional ("source account …")',
  },
  {
    key: 'federated claims',
    assumed:
      "the audience (OIDC: the provider's first client id; SAML: `https://signin.aws.amazon.com/saml`) and the sample claims of the provider's kind in the table of well-known providers (GitHub Actions: a `sub` of `example-org/example-repo`'s main branch); nothing else",
    effect: 'a trust on `sub` or any other claim is conditional ("sub …")',
  },
];

/** The instant every question is asked at unless told otherwise (the simulation clock's start). */
export const DEFAULT_NOW_MS = parseInstant(DEFAULT_START);

/** The session name of a role's fresh session: what a permission edge from a role calls with. */
export const DEFAULT_SESSION_NAME = 'rolecraft';

/** The session name a chained AssumeRole passes (a role session assuming a role). */
export const CHAINED_SESSION_NAME = 'chained';

/** A valid `RoleSessionName` from a name: allowed characters only, 2 to 64 of them. */
function sessionNameOf(name: string): string {
  return name
    .replace(/[^\w+=,.@-]/g, '-')
    .slice(0, 64)
    .padEnd(2, '-');
}

/** The STS parameters of a user's AssumeRole: its name as session name, and its MFA device when it has one. */
export function userAssumeParams(user: User, awsAccountId: string): AssumeRoleParams {
  const params: AssumeRoleParams = { RoleSessionName: sessionNameOf(user.name) };
  if (user.hasMfa) {
    params.SerialNumber = `arn:aws:iam::${awsAccountId}:mfa/${user.name}`;
    params.TokenCode = '123456';
  }
  return params;
}

/** The parameters of a service's AssumeRole (the session is named after the service). */
export function serviceAssumeParams(service: string): AssumeRoleParams {
  return { RoleSessionName: sessionNameOf(service.split('.')[0] ?? 'service') };
}

/**
 * The parameters of a federated caller's AssumeRoleWithWebIdentity or AssumeRoleWithSAML: the
 * session name its kind of caller sends (GitHub's `GitHubActions`, Cognito's
 * `CognitoIdentityCredentials`, ...); for SAML, where the assertion's `RoleSessionName`
 * attribute names the session, its subject (else the provider's name).
 */
export function federatedAssumeParams(provider: IdentityProvider): AssumeRoleParams {
  const { known, keys } = claimKeys(provider);
  const subject = defaultClaims(provider)[keys.subject];
  const named = known.sessionName || (typeof subject === 'string' ? subject : provider.name);
  return { RoleSessionName: sessionNameOf(named) };
}

/** The table entry of a provider (SAML, or its OIDC preset) and its claim keys. */
function claimKeys(provider: IdentityProvider) {
  const known = identityProviderPreset(provider.protocol === 'saml' ? 'saml' : provider.preset);
  return {
    known,
    keys: claimKeysOf(known, provider.protocol === 'oidc' ? provider.issuer : ''),
  };
}

/**
 * The claims a token from this provider carries when the person said nothing: the audience
 * (SAML: the AWS sign-in endpoint; OIDC: the provider's first client id) and the sample claims
 * of its kind in the table of well-known providers.
 */
export function defaultClaims(provider: IdentityProvider): ContextMap {
  const { known, keys } = claimKeys(provider);
  const claims: ContextMap = {
    [keys.audience]:
      provider.protocol === 'saml' ? SAML_AWS_AUDIENCE : (provider.audiences[0] ?? ''),
  };
  for (const [claim, value] of Object.entries(known.sampleClaims))
    claims[`${keys.prefix}:${claim}`] = typeof value === 'string' ? value : [...value];
  return claims;
}

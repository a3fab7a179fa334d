/**
 * The one table of well-known identity providers: how AWS names each in a trust policy, the
 * condition keys its tokens bring, and what a first trust for it should test. The model,
 * the editor, the validator and the simulation all read it from here.
 *
 * Sources: IAM User Guide, "Available keys for AWS web identity federation" and "Available
 * keys for SAML-based federation"; "Configuring a role for GitHub OIDC identity provider";
 * GitLab's "Configure OpenID Connect in AWS"; Amazon Cognito, "IAM roles" (identity pools).
 */

import { parseArn } from '../names/arn.ts';

type IdentityProviderProtocol = 'saml' | 'oidc';

/** A well-known provider, or `custom` (any OIDC issuer the user names). */
export type IdentityProviderPreset =
  | 'saml'
  | 'github-actions'
  | 'gitlab'
  | 'terraform-cloud'
  | 'google'
  | 'cognito'
  | 'amazon'
  | 'facebook'
  | 'custom';

export interface WellKnownIdentityProvider {
  preset: IdentityProviderPreset;
  /** What the user picks from: `GitHub Actions`, `Cognito identity pool`. */
  label: string;
  protocol: IdentityProviderProtocol;
  /** Issuer host without `https://` (`''` for SAML; a stand-in for `custom`). */
  issuer: string;
  /**
   * Trust policies name it by its host (`"Federated": "accounts.google.com"`) rather than by the
   * ARN of an IAM identity provider.
   */
  namedByHost: boolean;
  /** The claim that says whom the token is for, after the prefix: `aud`, `app_id`. */
  audienceClaim: string;
  /** The claim that says who signed in, after the prefix: `sub`, `user_id`, `id`. */
  subjectClaim: string;
  /** Audiences a new provider of this kind starts with. */
  defaultAudiences: readonly string[];
  /**
   * Many unrelated tenants get tokens from this issuer with the same audience (every
   * repository on GitHub): a trust that does not pin the subject lets all of them in.
   */
  sharedIssuer: boolean;
  /** The subject a new trust writes for a shared issuer, for the user to pin. */
  subjectPlaceholder?: string;
  /**
   * For a shared issuer: what one tenant is (`repository`), a subject pattern that names
   * exactly one before any wildcard, an example, and other claims AWS accepts in place of
   * the subject to pin it (GitHub's `job_workflow_ref`).
   */
  subjectScope?: { unit: string; pattern: RegExp; example: string; alsoPinnedBy?: string[] };
  /** Claims that carry several values at once (Cognito's `amr`). */
  multiValuedClaims: readonly string[];
  /**
   * The RoleSessionName a caller of this kind usually sends: what the GitHub and GitLab
   * examples and the Cognito SDK pass; for SAML, empty: the assertion's `RoleSessionName`
   * attribute carries it, usually the subject.
   */
  sessionName: string;
  /** The other claims a sample token carries, after the prefix, with a value that works. */
  sampleClaims: Readonly<Record<string, string | readonly string[]>>;
}

/** The audience AWS sign-in puts in every SAML assertion for AWS. */
export const SAML_AWS_AUDIENCE = 'https://signin.aws.amazon.com/saml';

/** Marks a value the user still has to replace; the validator asks for it. */
const PLACEHOLDER_MARK = 'REPLACE-ME';

/** In the order a menu lists them. */
export const wellKnownIdentityProviders: readonly WellKnownIdentityProvider[] = [
  {
    preset: 'saml',
    sessionName: '',
    label: 'SAML',
    protocol: 'saml',
    issuer: '',
    namedByHost: false,
    audienceClaim: 'aud',
    subjectClaim: 'sub',
    defaultAudiences: [SAML_AWS_AUDIENCE],
    sharedIssuer: false,
    multiValuedClaims: [],
    sampleClaims: { sub: 'alice@example.com', sub_type: 'persistent' },
  },
  {
    preset: 'github-actions',
    sessionName: 'GitHubActions',
    label: 'GitHub Actions',
    protocol: 'oidc',
    issuer: 'token.actions.githubusercontent.com',
    namedByHost: false,
    audienceClaim: 'aud',
    subjectClaim: 'sub',
    defaultAudiences: ['sts.amazonaws.com'],
    sharedIssuer: true,
    subjectPlaceholder: `repo:${PLACEHOLDER_MARK}-OWNER/${PLACEHOLDER_MARK}-REPO:*`,
    subjectScope: {
      unit: 'repository',
      // `repo:OWNER/REPO:…`: owner and repository written out before any wildcard.
      pattern: /^repo:[^:*?/]+\/[^:*?/]+:/,
      example: 'repo:OWNER/REPO:ref:refs/heads/main',
      alsoPinnedBy: ['job_workflow_ref'],
    },
    multiValuedClaims: [],
    sampleClaims: { sub: 'repo:example-org/example-repo:ref:refs/heads/main' },
  },
  {
    preset: 'gitlab',
    sessionName: 'GitLabRunner',
    label: 'GitLab',
    protocol: 'oidc',
    issuer: 'gitlab.com',
    namedByHost: false,
    audienceClaim: 'aud',
    subjectClaim: 'sub',
    defaultAudiences: ['https://gitlab.com'],
    sharedIssuer: true,
    subjectPlaceholder: `project_path:${PLACEHOLDER_MARK}-GROUP/${PLACEHOLDER_MARK}-PROJECT:*`,
    subjectScope: {
      unit: 'project',
      pattern: /^project_path:[^:*?]+\/[^:*?]+:/,
      example: 'project_path:GROUP/PROJECT:ref_type:branch:ref:main',
    },
    multiValuedClaims: [],
    sampleClaims: { sub: 'project_path:example-group/example-project:ref_type:branch:ref:main' },
  },
  {
    preset: 'terraform-cloud',
    sessionName: 'terraform-run',
    label: 'HCP Terraform',
    protocol: 'oidc',
    issuer: 'app.terraform.io',
    namedByHost: false,
    audienceClaim: 'aud',
    subjectClaim: 'sub',
    defaultAudiences: ['aws.workload.identity'],
    sharedIssuer: true,
    subjectPlaceholder: `organization:${PLACEHOLDER_MARK}-ORG:project:${PLACEHOLDER_MARK}-PROJECT:workspace:${PLACEHOLDER_MARK}-WORKSPACE:run_phase:*`,
    subjectScope: {
      unit: 'workspace',
      pattern: /^organization:[^:*?]+:project:[^:*?]+:workspace:[^:*?]+:/,
      example: 'organization:ORG:project:PROJECT:workspace:WORKSPACE:run_phase:apply',
    },
    multiValuedClaims: [],
    sampleClaims: {
      sub: 'organization:example-org:project:Default Project:workspace:example:run_phase:apply',
    },
  },
  {
    preset: 'google',
    sessionName: 'web-identity',
    label: 'Google',
    protocol: 'oidc',
    issuer: 'accounts.google.com',
    namedByHost: true,
    audienceClaim: 'aud',
    subjectClaim: 'sub',
    defaultAudiences: ['123456789012-example.apps.googleusercontent.com'],
    sharedIssuer: false,
    multiValuedClaims: [],
    sampleClaims: { sub: '110000000000000000001' },
  },
  {
    preset: 'cognito',
    sessionName: 'CognitoIdentityCredentials',
    label: 'Cognito identity pool',
    protocol: 'oidc',
    issuer: 'cognito-identity.amazonaws.com',
    namedByHost: true,
    audienceClaim: 'aud',
    subjectClaim: 'sub',
    defaultAudiences: ['us-east-1:00000000-0000-0000-0000-000000000000'],
    sharedIssuer: false,
    multiValuedClaims: ['amr'],
    sampleClaims: {
      sub: 'us-east-1:11111111-1111-1111-1111-111111111111',
      amr: ['authenticated', 'cognito-idp.us-east-1.amazonaws.com/us-east-1_Example'],
    },
  },
  {
    preset: 'amazon',
    sessionName: 'web-identity',
    label: 'Login with Amazon',
    protocol: 'oidc',
    issuer: 'www.amazon.com',
    namedByHost: true,
    audienceClaim: 'app_id',
    subjectClaim: 'user_id',
    defaultAudiences: ['amzn1.application-oa2-client.example'],
    sharedIssuer: false,
    multiValuedClaims: [],
    sampleClaims: { user_id: 'amzn1.account.EXAMPLE' },
  },
  {
    preset: 'facebook',
    sessionName: 'web-identity',
    label: 'Facebook',
    protocol: 'oidc',
    issuer: 'graph.facebook.com',
    namedByHost: true,
    audienceClaim: 'app_id',
    subjectClaim: 'id',
    defaultAudiences: ['123456789012345'],
    sharedIssuer: false,
    multiValuedClaims: [],
    sampleClaims: { id: '100000000000001' },
  },
  {
    preset: 'custom',
    sessionName: 'web-identity',
    label: 'Custom OIDC',
    protocol: 'oidc',
    issuer: 'oidc.example.com',
    namedByHost: false,
    audienceClaim: 'aud',
    subjectClaim: 'sub',
    defaultAudiences: [],
    sharedIssuer: false,
    multiValuedClaims: [],
    sampleClaims: { sub: 'user-1' },
  },
];

const byPreset = new Map(wellKnownIdentityProviders.map((p) => [p.preset, p]));

export function identityProviderPreset(preset: IdentityProviderPreset): WellKnownIdentityProvider {
  return byPreset.get(preset)!;
}

/** Hosts that trust policies use as `Federated` principals without an IAM identity provider. */
export const webIdentityHostsNamedByHost: ReadonlySet<string> = new Set(
  wellKnownIdentityProviders.filter((p) => p.namedByHost).map((p) => p.issuer),
);

/** The well-known OIDC provider of an issuer host (any case, with or without `https://`). */
export function wellKnownProviderOfIssuer(issuer: string): WellKnownIdentityProvider | undefined {
  const host = issuer
    .replace(/^https:\/\//i, '')
    .replace(/\/$/, '')
    .toLowerCase();
  return wellKnownIdentityProviders.find(
    (p) => p.protocol === 'oidc' && p.preset !== 'custom' && p.issuer === host,
  );
}

/**
 * The provider's claim keys as trust conditions spell them: `SAML:aud`,
 * `token.actions.githubusercontent.com:sub`, `www.amazon.com:app_id`.
 */
export function claimKeysOf(
  provider: WellKnownIdentityProvider,
  issuer: string = provider.issuer,
): { prefix: string; audience: string; subject: string } {
  const prefix = provider.protocol === 'saml' ? 'SAML' : issuer.replace(/^https:\/\//i, '');
  return {
    prefix,
    audience: `${prefix}:${provider.audienceClaim}`,
    subject: `${prefix}:${provider.subjectClaim}`,
  };
}

/** A condition value that still holds a placeholder written for the user to pin. */
export function isPlaceholderValue(value: string): boolean {
  return value.includes(PLACEHOLDER_MARK);
}

/** Cognito identity pool ids are `REGION:GUID`. */
export function isCognitoIdentityPoolId(value: string): boolean {
  return /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(
    value,
  );
}

/** A trust policy `Condition` element: operator to key to value(s). */
export type TrustConditionBlock = Record<string, Record<string, string | string[]>>;

/**
 * The conditions the IAM console writes into a new role's trust for this provider: the
 * audience (`SAML:aud` for SAML; the client id, app id or identity pool id for web
 * identity), `amr` for a Cognito identity pool's authenticated role, and for a shared
 * issuer a subject placeholder the user must pin. Empty when there is nothing to test.
 */
export function consoleTrustConditions(
  provider: WellKnownIdentityProvider,
  issuer: string,
  audiences: readonly string[],
): TrustConditionBlock {
  const keys = claimKeysOf(provider, issuer);
  const conditions: TrustConditionBlock = {};
  const audience = provider.protocol === 'saml' ? SAML_AWS_AUDIENCE : audiences[0];
  if (audience !== undefined && audience !== '')
    conditions.StringEquals = { [keys.audience]: audience };
  if (provider.preset === 'cognito')
    conditions['ForAnyValue:StringLike'] = { [`${keys.prefix}:amr`]: 'authenticated' };
  if (provider.sharedIssuer && provider.subjectPlaceholder)
    conditions.StringLike = { [keys.subject]: provider.subjectPlaceholder };
  return conditions;
}

/**
 * The issuer a `Federated` principal names: the host (and path) of an IAM OIDC provider ARN
 * (`oidc-provider/token.actions.githubusercontent.com`), or the host itself for providers
 * named directly; undefined for SAML providers and anything else.
 */
export function oidcIssuerOf(federated: string): string | undefined {
  const arn = parseArn(federated);
  if (arn) {
    if (arn.service !== 'iam' || !arn.resource.startsWith('oidc-provider/')) return undefined;
    return arn.resource.slice('oidc-provider/'.length) || undefined;
  }
  return /^[\w-]+(\.[\w-]+)+(\/[\w./-]*)?$/.test(federated) ? federated : undefined;
}

/** Whether a `Federated` principal is an IAM SAML provider's ARN. */
export function isSamlProviderArn(federated: string): boolean {
  const arn = parseArn(federated);
  return arn?.service === 'iam' && arn.resource.startsWith('saml-provider/');
}

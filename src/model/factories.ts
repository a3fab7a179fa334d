import { wellKnownIdentityProviders } from '../engine';
import { newId, type IdSource } from './ids';
import { EMPTY_POLICY_TEXT } from './policy-text';
import { FULL_AWS_ACCESS_NAME, FULL_AWS_ACCESS_TEXT } from './policy-templates';
import {
  DEFAULT_MAX_SESSION_DURATION,
  DEFAULT_REGION,
  FORMAT_VERSION,
  type Account,
  type Design,
  type EntityId,
  type Group,
  type OidcPreset,
  type OidcProvider,
  type OrganizationLevel,
  type OutsidePrincipal,
  type InlinePolicy,
  type ManagedPolicy,
  type Resource,
  type ResourceType,
  type Role,
  type SamlProvider,
  type ServicePrincipal,
  type StoredPolicy,
  type User,
} from './types';

/** An empty design. */
export function emptyDesign(name = 'Untitled design', ids: IdSource = newId): Design {
  return {
    formatVersion: FORMAT_VERSION,
    id: ids('design'),
    name,
    accounts: [],
    users: [],
    groups: [],
    roles: [],
    services: [],
    identityProviders: [],
    outsidePrincipals: [],
    resources: [],
    managedPolicies: [],
    layout: {},
    drafts: {},
  };
}

export function makeAccount(
  fields: Partial<Account> & { awsAccountId: string },
  ids: IdSource = newId,
): Account {
  return { kind: 'account', id: ids('account'), name: `Account ${fields.awsAccountId}`, ...fields };
}

export function makeUser(
  fields: Partial<User> & { account: EntityId; name: string },
  ids: IdSource = newId,
): User {
  return {
    kind: 'user',
    id: ids('user'),
    path: '/',
    groups: [],
    policies: [],
    permissionsBoundary: null,
    tags: {},
    hasLongTermKeys: false,
    hasMfa: false,
    ...fields,
  };
}

export function makeGroup(
  fields: Partial<Group> & { account: EntityId; name: string },
  ids: IdSource = newId,
): Group {
  return { kind: 'group', id: ids('group'), path: '/', policies: [], ...fields };
}

export function makeRole(
  fields: Partial<Role> & { account: EntityId; name: string },
  ids: IdSource = newId,
): Role {
  return {
    kind: 'role',
    id: ids('role'),
    path: '/',
    description: '',
    trustPolicy: EMPTY_POLICY_TEXT,
    policies: [],
    permissionsBoundary: null,
    maxSessionDuration: DEFAULT_MAX_SESSION_DURATION,
    tags: {},
    ...fields,
  };
}

export function makeService(name: string, ids: IdSource = newId): ServicePrincipal {
  return { kind: 'service', id: ids('service'), name };
}

export function makeSamlProvider(
  fields: { account: EntityId; name: string; id?: EntityId },
  ids: IdSource = newId,
): SamlProvider {
  return { kind: 'identity-provider', protocol: 'saml', id: ids('idp'), ...fields };
}

/** Name, issuer and audiences a new OIDC provider of each preset starts with. */
export const oidcPresets = Object.fromEntries(
  wellKnownIdentityProviders
    .filter((p) => p.protocol === 'oidc')
    .map((p) => [
      p.preset,
      {
        name: p.preset === 'custom' ? 'OIDC provider' : p.label,
        issuer: p.issuer,
        audiences: [...p.defaultAudiences],
      },
    ]),
) as Record<OidcPreset, { name: string; issuer: string; audiences: string[] }>;

export function makeOidcProvider(
  fields: Partial<OidcProvider> & { account: EntityId; preset: OidcPreset },
  ids: IdSource = newId,
): OidcProvider {
  const preset = oidcPresets[fields.preset];
  return {
    kind: 'identity-provider',
    protocol: 'oidc',
    id: ids('idp'),
    ...preset,
    audiences: [...preset.audiences],
    ...fields,
  };
}

export function makeOutsideAccount(
  awsAccountId: string,
  name = `Account ${awsAccountId}`,
  ids: IdSource = newId,
): OutsidePrincipal {
  return { kind: 'outside', scope: 'account', id: ids('outside'), name, awsAccountId };
}

export function makeAnyone(ids: IdSource = newId): OutsidePrincipal {
  return { kind: 'outside', scope: 'anyone', id: ids('anyone'), name: 'Anyone' };
}

export function makeResource(
  fields: Partial<Resource> & { account: EntityId; name: string; resourceType: ResourceType },
  ids: IdSource = newId,
): Resource {
  return {
    kind: 'resource',
    id: ids('resource'),
    region: DEFAULT_REGION,
    policy: '',
    tags: {},
    ...fields,
  };
}

/** An inline identity policy. */
export function makePolicy(
  fields: Partial<InlinePolicy> & { name: string; text: string },
  ids: IdSource = newId,
): InlinePolicy {
  return { id: ids('policy'), attachment: 'inline', ...fields };
}

/** A new managed policy record: customer managed in `account`, or AWS managed. */
export function makeManagedPolicy(
  fields: Partial<ManagedPolicy> & {
    type: ManagedPolicy['type'];
    account?: EntityId;
    name: string;
    text: string;
  },
  ids: IdSource = newId,
): ManagedPolicy {
  const { account, ...rest } = fields;
  return {
    id: ids('managed'),
    path: '/',
    description: '',
    ...rest,
    ...(fields.type === 'customer-managed' && account !== undefined ? { account } : {}),
  };
}

/** A policy without an attachment kind: an SCP or an RCP. */
export function makeStoredPolicy(
  fields: Partial<StoredPolicy> & { name: string; text: string },
  ids: IdSource = newId,
): StoredPolicy {
  return { id: ids('policy'), ...fields };
}

/** The `FullAWSAccess` SCP, as AWS attaches it to every new root, OU and account. */
function makeFullAwsAccessScp(ids: IdSource = newId): StoredPolicy {
  return makeStoredPolicy({ name: FULL_AWS_ACCESS_NAME, text: FULL_AWS_ACCESS_TEXT }, ids);
}

/**
 * A level of an organization path. Like AWS, it starts with `FullAWSAccess` attached as its
 * SCP (pass `scps` to choose otherwise); RCPFullAWSAccess is implied and never stored.
 */
export function makeOrganizationLevel(
  fields: Partial<OrganizationLevel> & Pick<OrganizationLevel, 'name' | 'kind'>,
  ids: IdSource = newId,
): OrganizationLevel {
  const { scps, ...rest } = fields;
  return {
    id: ids('level'),
    scps: scps ?? [makeFullAwsAccessScp(ids)],
    rcps: [],
    ...rest,
  };
}

/** The path of an account that joins a new organization: the root, then the account itself. */
export function makeOrganizationPath(
  accountName: string,
  ids: IdSource = newId,
): OrganizationLevel[] {
  return [
    makeOrganizationLevel({ name: 'Root', kind: 'root' }, ids),
    makeOrganizationLevel({ name: accountName, kind: 'account' }, ids),
  ];
}

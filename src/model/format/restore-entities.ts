import { normalisePath } from '../arn';
import { oidcPresets } from '../factories';
import { resourceTypeIds } from '../resource-types';
import {
  DEFAULT_MAX_SESSION_DURATION,
  DEFAULT_REGION,
  type Account,
  type Group,
  type IdentityProvider,
  type ManagedPolicy,
  type Observed,
  type OidcPreset,
  type OrganizationLevel,
  type OutsidePrincipal,
  type PermissionPolicy,
  type PolicyAttachment,
  type PolicyVersion,
  type Resource,
  type Role,
  type ServicePrincipal,
  type StoredPolicy,
  type User,
} from '../types';
import {
  boolean,
  fail,
  list,
  nonEmpty,
  number,
  oneOf,
  policyText,
  record,
  string,
  stringList,
  stringRecord,
  show,
} from './read';

/** Readers for each entity kind; each checks one raw value at `at` and returns it normalised. */

function kindOf(raw: Record<string, unknown>, at: string, kind: string): void {
  if (raw.kind !== undefined && raw.kind !== kind)
    fail(`\`${at}.kind\` must be \`${kind}\`, got \`${show(raw.kind)}\``);
}

function storedPolicy(value: unknown, at: string): StoredPolicy {
  const raw = record(value, at);
  return {
    id: nonEmpty(raw.id, `${at}.id`),
    name: string(raw.name, `${at}.name`, ''),
    text: policyText(raw.text, `${at}.text`),
  };
}

function versions(value: unknown, at: string): PolicyVersion[] {
  return list(value, at).map((v, i) => {
    const version = record(v, `${at}[${i}]`);
    return {
      versionId: nonEmpty(version.versionId, `${at}[${i}].versionId`),
      text: policyText(version.text, `${at}[${i}].text`),
    };
  });
}

/** A format-1 identity policy (each principal its own copy, managed ones included); for the migration. */
export function readVersion1Policy(value: unknown, at: string): PermissionPolicy {
  const raw = record(value, at);
  const policy: PermissionPolicy = {
    ...storedPolicy(raw, at),
    attachment: oneOf(
      raw.attachment,
      `${at}.attachment`,
      ['inline', 'customer-managed', 'aws-managed'] as const,
      'inline',
    ),
  };
  if (raw.otherVersions !== undefined)
    policy.otherVersions = versions(raw.otherVersions, `${at}.otherVersions`);
  return policy;
}

function permissionPolicy(value: unknown, at: string): PolicyAttachment {
  const raw = record(value, at);
  const attachment = oneOf(
    raw.attachment,
    `${at}.attachment`,
    ['inline', 'managed'] as const,
    'inline',
  );
  if (attachment === 'managed') return { attachment, id: nonEmpty(raw.id, `${at}.id`) };
  return { ...storedPolicy(raw, at), attachment };
}

export function readManagedPolicy(value: unknown, at: string): ManagedPolicy {
  const raw = record(value, at);
  const type = oneOf(raw.type, `${at}.type`, ['customer-managed', 'aws-managed'] as const);
  const policy: ManagedPolicy = {
    id: nonEmpty(raw.id, `${at}.id`),
    type,
    name: nonEmpty(raw.name, `${at}.name`),
    path: path(raw.path, `${at}.path`),
    description: string(raw.description, `${at}.description`, ''),
    text: policyText(raw.text, `${at}.text`),
  };
  if (type === 'customer-managed') policy.account = nonEmpty(raw.account, `${at}.account`);
  if (raw.defaultVersionId !== undefined)
    policy.defaultVersionId = nonEmpty(raw.defaultVersionId, `${at}.defaultVersionId`);
  if (raw.otherVersions !== undefined)
    policy.otherVersions = versions(raw.otherVersions, `${at}.otherVersions`);
  return policy;
}

/** The `observed` facts an import recorded; absent stays absent. */
function observed(value: unknown, at: string): { observed?: Observed } {
  if (value === undefined) return {};
  const raw = record(value, at);
  const facts: Observed = {};
  if (raw.uniqueId !== undefined) facts.uniqueId = string(raw.uniqueId, `${at}.uniqueId`);
  if (raw.lastUsed !== undefined)
    facts.lastUsed = raw.lastUsed === null ? null : string(raw.lastUsed, `${at}.lastUsed`);
  if (raw.instanceProfiles !== undefined)
    facts.instanceProfiles = stringList(raw.instanceProfiles, `${at}.instanceProfiles`);
  if (raw.incomplete !== undefined)
    facts.incomplete = stringList(raw.incomplete, `${at}.incomplete`);
  return { observed: facts };
}

function permissionPolicies(value: unknown, at: string): PolicyAttachment[] {
  return list(value, at).map((p, i) => permissionPolicy(p, `${at}[${i}]`));
}

/** A boundary: the id of a managed policy, or null. */
function boundary(value: unknown, at: string): string | null {
  return value === undefined || value === null ? null : nonEmpty(value, at);
}

function path(value: unknown, at: string): string {
  return normalisePath(string(value, at, '/'));
}

function awsAccountId(value: unknown, at: string): string {
  const id = string(value, at);
  if (!/^\d{12}$/.test(id)) fail(`\`${at}\` must be 12 digits, got \`${show(value)}\``);
  return id;
}

function level(value: unknown, at: string): OrganizationLevel {
  const raw = record(value, at);
  return {
    id: nonEmpty(raw.id, `${at}.id`),
    name: string(raw.name, `${at}.name`, ''),
    kind: oneOf(raw.kind, `${at}.kind`, ['root', 'ou', 'account'] as const),
    scps: list(raw.scps, `${at}.scps`).map((p, i) => storedPolicy(p, `${at}.scps[${i}]`)),
    rcps: list(raw.rcps, `${at}.rcps`).map((p, i) => storedPolicy(p, `${at}.rcps[${i}]`)),
  };
}

export function readAccount(value: unknown, at: string): Account {
  const raw = record(value, at);
  kindOf(raw, at, 'account');
  const id = awsAccountId(raw.awsAccountId, `${at}.awsAccountId`);
  const account: Account = {
    kind: 'account',
    id: nonEmpty(raw.id, `${at}.id`),
    awsAccountId: id,
    name: string(raw.name, `${at}.name`, `Account ${id}`),
  };
  if (raw.organization !== undefined)
    account.organization = list(raw.organization, `${at}.organization`).map((l, i) =>
      level(l, `${at}.organization[${i}]`),
    );
  return account;
}

function scoped(raw: Record<string, unknown>, at: string) {
  return {
    id: nonEmpty(raw.id, `${at}.id`),
    account: nonEmpty(raw.account, `${at}.account`),
    name: nonEmpty(raw.name, `${at}.name`),
  };
}

export function readUser(value: unknown, at: string): User {
  const raw = record(value, at);
  kindOf(raw, at, 'user');
  return {
    kind: 'user',
    ...scoped(raw, at),
    path: path(raw.path, `${at}.path`),
    groups: stringList(raw.groups, `${at}.groups`),
    policies: permissionPolicies(raw.policies, `${at}.policies`),
    permissionsBoundary: boundary(raw.permissionsBoundary, `${at}.permissionsBoundary`),
    tags: stringRecord(raw.tags, `${at}.tags`),
    hasLongTermKeys: boolean(raw.hasLongTermKeys, `${at}.hasLongTermKeys`, false),
    hasMfa: boolean(raw.hasMfa, `${at}.hasMfa`, false),
    ...observed(raw.observed, `${at}.observed`),
  };
}

export function readGroup(value: unknown, at: string): Group {
  const raw = record(value, at);
  kindOf(raw, at, 'group');
  return {
    kind: 'group',
    ...scoped(raw, at),
    path: path(raw.path, `${at}.path`),
    policies: permissionPolicies(raw.policies, `${at}.policies`),
    ...observed(raw.observed, `${at}.observed`),
  };
}

export function readRole(value: unknown, at: string, emptyTrust: string): Role {
  const raw = record(value, at);
  kindOf(raw, at, 'role');
  const duration = number(
    raw.maxSessionDuration,
    `${at}.maxSessionDuration`,
    DEFAULT_MAX_SESSION_DURATION,
  );
  if (!Number.isInteger(duration) || duration < 3600 || duration > 43200) {
    fail(
      `\`${at}.maxSessionDuration\` must be whole seconds from 3600 to 43200, got \`${show(duration)}\``,
    );
  }
  return {
    kind: 'role',
    ...scoped(raw, at),
    path: path(raw.path, `${at}.path`),
    description: string(raw.description, `${at}.description`, ''),
    trustPolicy: policyText(raw.trustPolicy, `${at}.trustPolicy`, emptyTrust),
    policies: permissionPolicies(raw.policies, `${at}.policies`),
    permissionsBoundary: boundary(raw.permissionsBoundary, `${at}.permissionsBoundary`),
    maxSessionDuration: duration,
    tags: stringRecord(raw.tags, `${at}.tags`),
    ...observed(raw.observed, `${at}.observed`),
  };
}

export function readService(value: unknown, at: string): ServicePrincipal {
  const raw = record(value, at);
  kindOf(raw, at, 'service');
  return {
    kind: 'service',
    id: nonEmpty(raw.id, `${at}.id`),
    name: nonEmpty(raw.name, `${at}.name`),
  };
}

export function readIdentityProvider(value: unknown, at: string): IdentityProvider {
  const raw = record(value, at);
  kindOf(raw, at, 'identity-provider');
  const protocol = oneOf(raw.protocol, `${at}.protocol`, ['saml', 'oidc'] as const);
  if (protocol === 'saml') return { kind: 'identity-provider', protocol, ...scoped(raw, at) };
  const preset = oneOf(
    raw.preset,
    `${at}.preset`,
    Object.keys(oidcPresets) as OidcPreset[],
    'custom',
  );
  const defaults = preset === 'custom' ? undefined : oidcPresets[preset];
  return {
    kind: 'identity-provider',
    protocol,
    ...scoped(raw, at),
    preset,
    issuer: nonEmpty(raw.issuer, `${at}.issuer`, defaults?.issuer),
    audiences:
      raw.audiences === undefined
        ? [...(defaults?.audiences ?? [])]
        : stringList(raw.audiences, `${at}.audiences`),
  };
}

export function readOutside(value: unknown, at: string): OutsidePrincipal {
  const raw = record(value, at);
  kindOf(raw, at, 'outside');
  const scope = oneOf(raw.scope, `${at}.scope`, ['account', 'anyone'] as const);
  const id = nonEmpty(raw.id, `${at}.id`);
  if (scope === 'anyone')
    return { kind: 'outside', scope, id, name: string(raw.name, `${at}.name`, 'Anyone') };
  const account = awsAccountId(raw.awsAccountId, `${at}.awsAccountId`);
  return {
    kind: 'outside',
    scope,
    id,
    awsAccountId: account,
    name: string(raw.name, `${at}.name`, `Account ${account}`),
  };
}

export function readResource(value: unknown, at: string): Resource {
  const raw = record(value, at);
  kindOf(raw, at, 'resource');
  return {
    kind: 'resource',
    ...scoped(raw, at),
    resourceType: oneOf(raw.resourceType, `${at}.resourceType`, resourceTypeIds),
    region: nonEmpty(raw.region, `${at}.region`, DEFAULT_REGION),
    policy: policyText(raw.policy, `${at}.policy`, ''),
    tags: stringRecord(raw.tags, `${at}.tags`),
  };
}

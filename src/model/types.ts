/**
 * The design document: everything a user draws, as it is saved.
 *
 * Rules the whole app relies on:
 * - Every entity has a stable `id` (never its name or ARN); references between entities use ids.
 * - Policies are kept as the JSON TEXT the user wrote (`PolicyText`), never as parsed objects,
 *   so formatting and comments survive. Parse with `parsePolicyText` when you need the document.
 * - Trust edges are NOT stored: they are derived from role trust policies (`deriveTrustEdges`).
 * - ARNs are NOT stored: they derive from account, path and name (`arnOf`).
 */

import type { IdentityProviderPreset } from '../engine';
import type { ResourceType } from './resource-types';

/** Stable identifier of an entity (or of a policy inside one); opaque, unique within a design. */
export type EntityId = string;

/** A policy document as the JSON text the user typed. */
type PolicyText = string;

/** AWS tags: key to value, insertion order kept. */
export type Tags = Record<string, string>;

/**
 * The current file/document format version; see `src/model/format/migrations.ts`.
 * 2: managed policies are design-level records (`Design.managedPolicies`) attached by id.
 */
export const FORMAT_VERSION = 2;

/** A policy stored on an entity. */
export interface StoredPolicy {
  id: EntityId;
  /** Policy name (inline) or managed policy name. */
  name: string;
  text: PolicyText;
}

/** An inline identity policy: embedded in one user, group or role. */
export interface InlinePolicy extends StoredPolicy {
  attachment: 'inline';
}

/** A managed policy attached to a user, group or role: `id` is the `ManagedPolicy`'s id. */
export interface ManagedAttachment {
  attachment: 'managed';
  id: EntityId;
}

/** What a user, group or role stores per identity policy, in display order. */
export type PolicyAttachment = InlinePolicy | ManagedAttachment;

/**
 * A managed policy: one record in the design, attached by id from any number of users, groups
 * and roles (and used as permissions boundary); editing it edits it for all of them.
 * Customer managed: `arn:aws:iam::ACCOUNT:policy/PATH/NAME`, lives in `account`;
 * AWS managed: `arn:aws:iam::aws:policy/PATH/NAME`, one record per design.
 */
export interface ManagedPolicy {
  id: EntityId;
  type: 'customer-managed' | 'aws-managed';
  /** Customer managed: the entity id of the account it lives in; absent for AWS managed. */
  account?: EntityId;
  name: string;
  /** IAM path, `/` or `/a/b/`. */
  path: string;
  description: string;
  /** The default version's document. */
  text: PolicyText;
  /** The default version's id (`v1`…), when known (imports). */
  defaultVersionId?: string;
  /** The versions other than the default (what `iam:SetDefaultPolicyVersion` can switch to). */
  otherVersions?: PolicyVersion[];
}

/**
 * An identity policy as it applies to its holder (`attachedPolicies`): an inline policy, or a
 * managed policy read from its record. `id` is the slot's policy id either way.
 */
export interface PermissionPolicy extends StoredPolicy {
  attachment: 'inline' | 'customer-managed' | 'aws-managed';
  /** Managed policies read from an account: the versions other than the default (`text`). */
  otherVersions?: PolicyVersion[];
  /** The record of a managed policy; absent for inline ones. */
  managed?: ManagedPolicy;
}

/** A non-default version of a managed policy (what `iam:SetDefaultPolicyVersion` can switch to). */
export interface PolicyVersion {
  versionId: string;
  text: PolicyText;
}

/** What an import of real account data recorded that a drawing has no field for. */
export interface Observed {
  /** IAM unique id (`AIDA...`, `AROA...`, `AGPA...`). */
  uniqueId?: string;
  /** Roles: when the role was last used (ISO 8601, UTC); null when AWS reported none (`RoleLastUsed: {}`). */
  lastUsed?: string | null;
  /** Roles: names of the instance profiles that hold the role. */
  instanceProfiles?: string[];
  /** Why the policies shown are not all the principal has (an attached policy missing from the input). */
  incomplete?: string[];
}

/** One level of an AWS Organizations path: the root, an OU, or the account itself. */
export interface OrganizationLevel {
  id: EntityId;
  name: string;
  kind: 'root' | 'ou' | 'account';
  /** Service control policies attached at this level. */
  scps: StoredPolicy[];
  /** Resource control policies attached at this level. */
  rcps: StoredPolicy[];
}

export interface Account {
  kind: 'account';
  id: EntityId;
  /** The 12-digit AWS account id. */
  awsAccountId: string;
  name: string;
  /** Organization path from the root down to the account level; absent when not in an organization. */
  organization?: OrganizationLevel[];
}

interface AccountScoped {
  id: EntityId;
  /** Entity id of the `Account` this entity lives in. */
  account: EntityId;
  name: string;
}

interface IamPrincipalFields extends AccountScoped {
  /** IAM path, `/` or `/a/b/` (starts and ends with `/`). */
  path: string;
  policies: PolicyAttachment[];
  /** Id of the `ManagedPolicy` used as permissions boundary, or null. */
  permissionsBoundary: EntityId | null;
  tags: Tags;
  /** Set by an import of account data; absent on drawn entities. */
  observed?: Observed;
}

export interface User extends IamPrincipalFields {
  kind: 'user';
  /** Entity ids of the groups this user belongs to (same account). */
  groups: EntityId[];
  /** Whether the user has access keys or a password (long-term credentials). */
  hasLongTermKeys: boolean;
  /** Whether the user signs in with MFA (feeds `aws:MultiFactorAuthPresent` in simulations). */
  hasMfa: boolean;
}

export interface Group extends AccountScoped {
  kind: 'group';
  path: string;
  policies: PolicyAttachment[];
  /** Set by an import of account data; absent on drawn entities. */
  observed?: Observed;
}

export interface Role extends IamPrincipalFields {
  kind: 'role';
  description: string;
  trustPolicy: PolicyText;
  /** Seconds, 3600 to 43200. */
  maxSessionDuration: number;
}

/** An AWS service principal such as `lambda.amazonaws.com`. */
export interface ServicePrincipal {
  kind: 'service';
  id: EntityId;
  /** The service principal name, e.g. `lambda.amazonaws.com`. */
  name: string;
}

/** Which well-known OIDC provider this is (see the engine's `wellKnownIdentityProviders`), or `custom`. */
export type OidcPreset = Exclude<IdentityProviderPreset, 'saml'>;

interface IdentityProviderBase extends AccountScoped {
  kind: 'identity-provider';
}

export interface SamlProvider extends IdentityProviderBase {
  protocol: 'saml';
}

export interface OidcProvider extends IdentityProviderBase {
  protocol: 'oidc';
  preset: OidcPreset;
  /** Issuer without `https://`, e.g. `token.actions.githubusercontent.com`. */
  issuer: string;
  /** Client ids / audiences, e.g. `sts.amazonaws.com`. */
  audiences: string[];
}

/** SAML or OIDC identity provider. `name` is the display name; for SAML also the provider name in its ARN. */
export type IdentityProvider = SamlProvider | OidcProvider;

/** A principal outside the modelled accounts. */
export type OutsidePrincipal =
  | { kind: 'outside'; scope: 'account'; id: EntityId; name: string; awsAccountId: string }
  | { kind: 'outside'; scope: 'anyone'; id: EntityId; name: string };

/** One of the types in `resource-types.ts`, the registry that describes each. */
export type { ResourceType } from './resource-types';

export interface Resource extends AccountScoped {
  kind: 'resource';
  resourceType: ResourceType;
  /** Region for regional resources (ignored for S3 bucket ARNs). */
  region: string;
  /** Resource-based policy text (bucket policy, key policy, queue policy, …); `''` when none. */
  policy: PolicyText;
  tags: Tags;
}

export type Entity =
  Account | User | Group | Role | ServicePrincipal | IdentityProvider | OutsidePrincipal | Resource;

export type EntityKind = Entity['kind'];

/** Canvas position of a node (as the canvas stores it), optional size for containers. */
export interface Position {
  x: number;
  y: number;
  width?: number;
  height?: number;
}

/** Which policy on an entity a draft or an edit concerns. */
export type PolicySlot =
  | { kind: 'trust' }
  | { kind: 'resource' }
  | { kind: 'boundary' }
  | { kind: 'permission'; policyId: EntityId }
  | { kind: 'scp'; levelId: EntityId; policyId: EntityId }
  | { kind: 'rcp'; levelId: EntityId; policyId: EntityId };

/** Text being edited that is not a valid policy yet; the stored policy keeps its last valid text. */
export interface PolicyDraft {
  entityId: EntityId;
  slot: PolicySlot;
  text: string;
}

export interface Design {
  formatVersion: number;
  id: string;
  name: string;
  accounts: Account[];
  users: User[];
  groups: Group[];
  roles: Role[];
  services: ServicePrincipal[];
  identityProviders: IdentityProvider[];
  outsidePrincipals: OutsidePrincipal[];
  resources: Resource[];
  /** Managed policies (customer and AWS managed), attached by id from principals. */
  managedPolicies: ManagedPolicy[];
  /** Node positions by entity id. */
  layout: Record<EntityId, Position>;
  /** Drafts keyed by `draftKey(entityId, slot)`. */
  drafts: Record<string, PolicyDraft>;
}

/** The `Design` array that holds each entity kind. */
export const collectionOf = {
  account: 'accounts',
  user: 'users',
  group: 'groups',
  role: 'roles',
  service: 'services',
  'identity-provider': 'identityProviders',
  outside: 'outsidePrincipals',
  resource: 'resources',
} as const satisfies Record<EntityKind, keyof Design>;

export type EntityCollection = (typeof collectionOf)[EntityKind];

export const entityCollections: readonly EntityCollection[] = Object.values(collectionOf);

export const DEFAULT_MAX_SESSION_DURATION = 3600;
export const DEFAULT_REGION = 'us-east-1';

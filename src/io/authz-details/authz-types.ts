/**
 * `aws iam get-account-authorization-details` as Rolecraft reads it: one account's users, groups,
 * roles and managed policies, with every wire quirk already undone (documents decoded, dates as
 * ISO 8601 UTC, single objects as lists). The import maps this to a design (`to-design.ts`);
 * the export writes it back (`fields.ts` names each AWS field once for both).
 */
import type { PolicyJson } from '../../model';

export interface AuthzInlinePolicy {
  name: string;
  document: PolicyJson;
}

export interface AuthzAttachedPolicy {
  arn: string;
  name: string;
}

export interface AuthzPolicyVersion {
  versionId: string;
  isDefault: boolean;
  document: PolicyJson;
  created?: string;
}

export interface AuthzManagedPolicy {
  arn: string;
  name: string;
  path: string;
  id?: string;
  description?: string;
  defaultVersionId?: string;
  versions: AuthzPolicyVersion[];
}

interface AuthzPrincipalBase {
  arn: string;
  name: string;
  path: string;
  /** Unique id: `AIDA...` for users, `AGPA...` for groups, `AROA...` for roles. */
  id?: string;
  created?: string;
  inline: AuthzInlinePolicy[];
  attached: AuthzAttachedPolicy[];
}

export interface AuthzUser extends AuthzPrincipalBase {
  groups: string[];
  /** ARN of the managed policy used as permissions boundary. */
  boundary?: string;
  tags: Record<string, string>;
}

export type AuthzGroup = AuthzPrincipalBase;

interface AuthzInstanceProfile {
  name: string;
  arn: string;
}

export interface AuthzRole extends AuthzPrincipalBase {
  trust: PolicyJson;
  description?: string;
  maxSessionDuration?: number;
  boundary?: string;
  tags: Record<string, string>;
  /** ISO 8601 of `RoleLastUsed.LastUsedDate`; null for `RoleLastUsed: {}`; undefined when the field is absent. */
  lastUsed?: string | null;
  instanceProfiles: AuthzInstanceProfile[];
}

/** One file (or one page) as read. */
export interface AuthzPage {
  file: string;
  users: AuthzUser[];
  groups: AuthzGroup[];
  roles: AuthzRole[];
  policies: AuthzManagedPolicy[];
  /** `IsTruncated: true` on this page: more pages follow. */
  truncated: boolean;
  marker?: string;
}

/** Every page of one account, merged. AWS-managed policies are shared by all accounts (`AuthzInput.awsManaged`). */
export interface AuthzAccount {
  accountId: string;
  files: string[];
  users: AuthzUser[];
  groups: AuthzGroup[];
  roles: AuthzRole[];
  /** Customer-managed policies of this account by ARN. */
  policies: Map<string, AuthzManagedPolicy>;
}

export interface AuthzInput {
  accounts: AuthzAccount[];
  /** AWS-managed policies (`arn:aws:iam::aws:policy/...`) by ARN, from any file. */
  awsManaged: Map<string, AuthzManagedPolicy>;
  warnings: string[];
}

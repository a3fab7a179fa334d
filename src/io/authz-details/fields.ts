/**
 * The field mapping of `get-account-authorization-details`: each AWS field name once, for the
 * reader here and for the export that writes the same shape back.
 */
export const topFields = {
  users: 'UserDetailList',
  groups: 'GroupDetailList',
  roles: 'RoleDetailList',
  policies: 'Policies',
  truncated: 'IsTruncated',
  marker: 'Marker',
} as const;

const principal = { arn: 'Arn', path: 'Path', created: 'CreateDate' } as const;

export const userFields = {
  ...principal,
  name: 'UserName',
  id: 'UserId',
  groups: 'GroupList',
  inline: 'UserPolicyList',
  attached: 'AttachedManagedPolicies',
  boundary: 'PermissionsBoundary',
  tags: 'Tags',
} as const;

export const groupFields = {
  ...principal,
  name: 'GroupName',
  id: 'GroupId',
  inline: 'GroupPolicyList',
  attached: 'AttachedManagedPolicies',
} as const;

export const roleFields = {
  ...principal,
  name: 'RoleName',
  id: 'RoleId',
  trust: 'AssumeRolePolicyDocument',
  description: 'Description',
  maxSessionDuration: 'MaxSessionDuration',
  inline: 'RolePolicyList',
  attached: 'AttachedManagedPolicies',
  boundary: 'PermissionsBoundary',
  tags: 'Tags',
  lastUsed: 'RoleLastUsed',
  lastUsedDate: 'LastUsedDate',
  instanceProfiles: 'InstanceProfileList',
  instanceProfileName: 'InstanceProfileName',
} as const;

export const inlinePolicyFields = { name: 'PolicyName', document: 'PolicyDocument' } as const;
export const attachedPolicyFields = { arn: 'PolicyArn', name: 'PolicyName' } as const;

/** `PermissionsBoundaryType` is `Policy` in the API reference and `PermissionsBoundaryPolicy` in practice. */
export const boundaryFields = {
  type: 'PermissionsBoundaryType',
  arn: 'PermissionsBoundaryArn',
  types: ['Policy', 'PermissionsBoundaryPolicy'],
} as const;

export const tagFields = { key: 'Key', value: 'Value' } as const;

export const managedPolicyFields = {
  name: 'PolicyName',
  id: 'PolicyId',
  arn: 'Arn',
  path: 'Path',
  description: 'Description',
  defaultVersionId: 'DefaultVersionId',
  attachmentCount: 'AttachmentCount',
  isAttachable: 'IsAttachable',
  versions: 'PolicyVersionList',
} as const;

export const policyVersionFields = {
  document: 'Document',
  versionId: 'VersionId',
  isDefault: 'IsDefaultVersion',
  created: 'CreateDate',
} as const;

/** ARN prefix of AWS-managed policies (shared by every account). */
export const AWS_MANAGED_PREFIX = 'arn:aws:iam::aws:policy/';

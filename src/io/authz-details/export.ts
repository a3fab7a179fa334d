/**
 * A design out as `aws iam get-account-authorization-details` prints it, one file per
 * account, through the same types (`authz-types.ts`) and field names (`fields.ts`) the import
 * reads, so an exported design imports back unchanged and other tools read it as AWS's own.
 */
import {
  arnInAccount,
  attachedPolicies,
  boundaryPolicy,
  managedPolicyView,
  type Design,
  type PermissionPolicy,
  type PolicyJson,
  type Role,
  type User,
} from '../../model';
import { designSlug } from '../design-file';
import {
  attachedPolicyArn,
  awsManagedPolicyArn,
  documentOf,
  planExport,
  type AccountPlan,
  type PolicyHolder,
} from '../export/plan';
import type { ExportResult } from '../export/types';
import type {
  AuthzAccount,
  AuthzAttachedPolicy,
  AuthzManagedPolicy,
  AuthzPolicyVersion,
} from './authz-types';
import {
  attachedPolicyFields as A,
  boundaryFields as B,
  groupFields as G,
  inlinePolicyFields as I,
  managedPolicyFields as M,
  policyVersionFields as V,
  roleFields as R,
  tagFields as T,
  topFields,
  userFields as U,
} from './fields';

type Json = Record<string, unknown>;

/** One `*-authorization-details.json` per account of the design. */
export function authzDetailsExport(design: Design): ExportResult {
  const plan = planExport(design);
  const warnings = [...plan.warnings];
  const files = plan.accounts.map((account) => ({
    name: `${designSlug(design)}-${account.account.awsAccountId}-authorization-details.json`,
    text: `${JSON.stringify(authzDetailsJson(authzAccountOf(design, account, warnings)), null, 2)}\n`,
  }));
  return { files, warnings };
}

const doc = (text: string, where: string, warnings: string[]): PolicyJson => {
  const document = documentOf(text);
  if (!document) warnings.push(`${where}: the policy is not valid JSON; exported as empty`);
  return document ?? {};
};

/** The account in the import's own shape: principals, and every managed policy they use. */
function authzAccountOf(design: Design, plan: AccountPlan, warnings: string[] = []): AuthzAccount {
  const id = plan.account.awsAccountId;
  const policies = new Map<string, AuthzManagedPolicy>();
  const use = (policy: PermissionPolicy): AuthzAttachedPolicy => {
    const arn = attachedPolicyArn(plan.account, policy)!;
    if (!policies.has(arn)) policies.set(arn, managedPolicy(arn, policy, warnings));
    return { arn, name: policy.name };
  };
  // The account's customer-managed policies are listed even when nothing attaches them.
  for (const p of plan.managedPolicies) use(p.policy);
  const inline = (holder: PolicyHolder) =>
    attachedPolicies(design, holder)
      .filter((p) => p.attachment === 'inline')
      .map((p) => ({
        name: p.name,
        document: doc(p.text, `\`${p.name}\` of \`${holder.name}\``, warnings),
      }));
  const attached = (holder: PolicyHolder) =>
    attachedPolicies(design, holder)
      .filter((p) => p.attachment !== 'inline')
      .map(use);
  const boundaryArn = (holder: User | Role) => {
    const record = boundaryPolicy(design, holder);
    return record ? use(managedPolicyView(record)).arn : undefined;
  };
  const groupName = new Map(plan.groups.map((g) => [g.id, g.name]));
  return {
    accountId: id,
    files: [],
    users: plan.users.map((u) => ({
      arn: arnInAccount(u, id),
      name: u.name,
      path: u.path,
      id: u.observed?.uniqueId,
      groups: u.groups.flatMap((g) => groupName.get(g) ?? []),
      inline: inline(u),
      attached: attached(u),
      boundary: boundaryArn(u),
      tags: u.tags,
    })),
    groups: plan.groups.map((g) => ({
      arn: arnInAccount(g, id),
      name: g.name,
      path: g.path,
      id: g.observed?.uniqueId,
      inline: inline(g),
      attached: attached(g),
    })),
    roles: plan.roles.map((r) => ({
      arn: arnInAccount(r, id),
      name: r.name,
      path: r.path,
      id: r.observed?.uniqueId,
      trust: doc(r.trustPolicy, `trust policy of \`${r.name}\``, warnings),
      description: r.description || undefined,
      maxSessionDuration: r.maxSessionDuration,
      inline: inline(r),
      attached: attached(r),
      boundary: boundaryArn(r),
      tags: r.tags,
      lastUsed: r.observed?.lastUsed,
      instanceProfiles: (r.observed?.instanceProfiles ?? []).map((name) => ({
        name,
        arn: `arn:aws:iam::${id}:instance-profile/${name}`,
      })),
    })),
    policies,
  };
}

/** A managed policy with its versions: the design's text is the default, then any others it keeps. */
function managedPolicy(
  arn: string,
  policy: PermissionPolicy,
  warnings: string[],
): AuthzManagedPolicy {
  const others = policy.otherVersions ?? [];
  // The default version is the design's text: its own id when known (imports), else the
  // number after the others'.
  const numbers = others.map((v) => Number(/^v(\d+)$/.exec(v.versionId)?.[1] ?? 0));
  const known = policy.managed?.defaultVersionId;
  const defaultId =
    known && !others.some((v) => v.versionId === known) ? known : `v${Math.max(0, ...numbers) + 1}`;
  const versions: AuthzPolicyVersion[] = [
    {
      versionId: defaultId,
      isDefault: true,
      document: doc(policy.text, `policy \`${policy.name}\``, warnings),
    },
    ...others.map((v) => ({
      versionId: v.versionId,
      isDefault: false,
      document: doc(v.text, `policy \`${policy.name}\` ${v.versionId}`, warnings),
    })),
  ];
  // An AWS-managed name may carry its path (`service-role/AWSLambdaBasicExecutionRole`).
  const segments = policy.name.split('/');
  const name = segments.pop()!;
  const path =
    policy.managed && policy.managed.path !== '/'
      ? policy.managed.path
      : arn === awsManagedPolicyArn(policy.name) && segments.length > 0
        ? `/${segments.join('/')}/`
        : '/';
  const description = policy.managed?.description;
  return {
    arn,
    name,
    path,
    ...(description ? { description } : {}),
    defaultVersionId: defaultId,
    versions,
  };
}

const tagList = (tags: Record<string, string>) =>
  Object.entries(tags).map(([key, value]) => ({ [T.key]: key, [T.value]: value }));

const inlineList = (list: { name: string; document: PolicyJson }[]) =>
  list.map((p) => ({ [I.name]: p.name, [I.document]: p.document }));

const attachedList = (list: AuthzAttachedPolicy[]) =>
  list.map((p) => ({ [A.name]: p.name, [A.arn]: p.arn }));

const boundary = (arn: string | undefined): Json =>
  arn ? { [U.boundary]: { [B.type]: B.types[0], [B.arn]: arn } } : {};

const defined = (entries: [string, unknown][]): Json =>
  Object.fromEntries(entries.filter(([, v]) => v !== undefined));

/** The account as the AWS CLI prints it (policy documents as JSON objects). */
function authzDetailsJson(account: AuthzAccount): Json {
  const counts = new Map<string, number>();
  for (const p of [...account.users, ...account.groups, ...account.roles])
    for (const a of p.attached) counts.set(a.arn, (counts.get(a.arn) ?? 0) + 1);
  return {
    [topFields.users]: account.users.map((u) => ({
      ...defined([
        [U.path, u.path],
        [U.name, u.name],
        [U.id, u.id],
        [U.arn, u.arn],
      ]),
      [U.inline]: inlineList(u.inline),
      [U.groups]: u.groups,
      [U.attached]: attachedList(u.attached),
      ...boundary(u.boundary),
      [U.tags]: tagList(u.tags),
    })),
    [topFields.groups]: account.groups.map((g) => ({
      ...defined([
        [G.path, g.path],
        [G.name, g.name],
        [G.id, g.id],
        [G.arn, g.arn],
      ]),
      [G.inline]: inlineList(g.inline),
      [G.attached]: attachedList(g.attached),
    })),
    [topFields.roles]: account.roles.map((r) => ({
      ...defined([
        [R.path, r.path],
        [R.name, r.name],
        [R.id, r.id],
        [R.arn, r.arn],
        [R.trust, r.trust],
        [R.description, r.description],
        [R.maxSessionDuration, r.maxSessionDuration],
      ]),
      [R.instanceProfiles]: r.instanceProfiles.map((p) => ({
        [R.path]: '/',
        [R.instanceProfileName]: p.name,
        [R.arn]: p.arn,
      })),
      [R.inline]: inlineList(r.inline),
      [R.attached]: attachedList(r.attached),
      ...boundary(r.boundary),
      [R.tags]: tagList(r.tags),
      ...(r.lastUsed === undefined
        ? {}
        : { [R.lastUsed]: r.lastUsed === null ? {} : { [R.lastUsedDate]: r.lastUsed } }),
    })),
    [topFields.policies]: [...account.policies.values()].map((p) => ({
      ...defined([
        [M.name, p.name],
        [M.id, p.id],
        [M.arn, p.arn],
        [M.path, p.path],
        [M.description, p.description],
        [M.defaultVersionId, p.defaultVersionId],
        [M.attachmentCount, counts.get(p.arn) ?? 0],
        [M.isAttachable, true],
      ]),
      [M.versions]: p.versions.map((v) =>
        defined([
          [V.document, v.document],
          [V.versionId, v.versionId],
          [V.isDefault, v.isDefault],
          [V.created, v.created],
        ]),
      ),
    })),
    [topFields.truncated]: false,
  };
}

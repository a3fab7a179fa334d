// Test support: what an IAM export must carry, in a form two designs can be compared by.
import { arnInAccount, type Design, type PermissionPolicy } from '../../../model';
import { attachedPolicyArn, canonicalJson, documentOf } from '../plan';

const byKey = <T>(list: T[], key: (t: T) => string) =>
  [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

const doc = (text: string) => canonicalJson(documentOf(text));

/**
 * The design as IAM sees it: principals with their paths, tags and policies (documents in
 * canonical JSON), attachments by ARN, memberships by name, providers and resource policies.
 * Ids, layout, account display names and canvas-only fields are left out: no IAM export
 * carries them.
 */
export function comparable(design: Design) {
  const accountId = (id: string) => design.accounts.find((a) => a.id === id)!.awsAccountId;
  const account = (id: string) => design.accounts.find((a) => a.id === id)!;
  const policies = (accountEntity: string, list: PermissionPolicy[]) => ({
    inline: byKey(
      list
        .filter((p) => p.attachment === 'inline')
        .map((p) => ({ name: p.name, document: doc(p.text) })),
      (p) => p.name,
    ),
    attached: list
      .filter((p) => p.attachment !== 'inline')
      .map((p) => attachedPolicyArn(account(accountEntity), p)!)
      .sort(),
  });
  const boundary = (accountEntity: string, policy: PermissionPolicy | null) =>
    policy ? attachedPolicyArn(account(accountEntity), policy)! : null;
  const managed = new Map<string, { arn: string; document: string }>();
  for (const holder of [...design.users, ...design.groups, ...design.roles]) {
    const list = [
      ...holder.policies,
      ...(holder.kind !== 'group' && holder.permissionsBoundary
        ? [holder.permissionsBoundary]
        : []),
    ];
    for (const p of list) {
      if (p.attachment !== 'customer-managed') continue;
      const arn = attachedPolicyArn(account(holder.account), p)!;
      if (!managed.has(arn)) managed.set(arn, { arn, document: doc(p.text) });
    }
  }
  const groupName = (id: string) => design.groups.find((g) => g.id === id)!.name;
  return {
    accounts: design.accounts.map((a) => a.awsAccountId).sort(),
    users: byKey(
      design.users.map((u) => ({
        arn: arnInAccount(u, accountId(u.account)),
        tags: u.tags,
        groups: u.groups.map(groupName).sort(),
        boundary: boundary(u.account, u.permissionsBoundary),
        ...policies(u.account, u.policies),
      })),
      (u) => u.arn,
    ),
    groups: byKey(
      design.groups.map((g) => ({
        arn: arnInAccount(g, accountId(g.account)),
        ...policies(g.account, g.policies),
      })),
      (g) => g.arn,
    ),
    roles: byKey(
      design.roles.map((r) => ({
        arn: arnInAccount(r, accountId(r.account)),
        description: r.description,
        maxSessionDuration: r.maxSessionDuration,
        trust: doc(r.trustPolicy),
        tags: r.tags,
        boundary: boundary(r.account, r.permissionsBoundary),
        ...policies(r.account, r.policies),
      })),
      (r) => r.arn,
    ),
    managedPolicies: byKey([...managed.values()], (p) => p.arn),
    identityProviders: byKey(
      design.identityProviders.map((p) => ({
        arn: arnInAccount(p, accountId(p.account)),
        audiences: p.protocol === 'oidc' ? [...p.audiences].sort() : null,
      })),
      (p) => p.arn,
    ),
    resourcePolicies: byKey(
      design.resources
        .filter((r) => r.policy.trim() !== '' && r.resourceType !== 'lambda-function')
        .map((r) => ({
          arn: arnInAccount(
            { ...r, region: r.resourceType === 's3-bucket' ? '' : r.region },
            accountId(r.account),
          ),
          document: doc(r.policy),
        })),
      (r) => r.arn,
    ),
  };
}

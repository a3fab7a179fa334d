// Test support: what an IAM export must carry, in a form two designs can be compared by.
import {
  arnInAccount,
  attachedPolicies,
  boundaryPolicy,
  managedPolicyArn,
  type Design,
  type Group,
  type Role,
  type User,
} from '../../../model';
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
  const policies = (accountEntity: string, holder: User | Group | Role) => {
    const list = attachedPolicies(design, holder);
    return {
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
    };
  };
  const boundary = (holder: User | Role) => {
    const record = boundaryPolicy(design, holder);
    return record ? managedPolicyArn(design, record)! : null;
  };
  // Every customer-managed policy, attached or not: one each, with its path and description.
  const managed = design.managedPolicies
    .filter((p) => p.type === 'customer-managed')
    .map((p) => ({
      arn: managedPolicyArn(design, p)!,
      description: p.description,
      document: doc(p.text),
    }));
  const groupName = (id: string) => design.groups.find((g) => g.id === id)!.name;
  return {
    accounts: design.accounts.map((a) => a.awsAccountId).sort(),
    users: byKey(
      design.users.map((u) => ({
        arn: arnInAccount(u, accountId(u.account)),
        tags: u.tags,
        groups: u.groups.map(groupName).sort(),
        boundary: boundary(u),
        ...policies(u.account, u),
      })),
      (u) => u.arn,
    ),
    groups: byKey(
      design.groups.map((g) => ({
        arn: arnInAccount(g, accountId(g.account)),
        ...policies(g.account, g),
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
        boundary: boundary(r),
        ...policies(r.account, r),
      })),
      (r) => r.arn,
    ),
    managedPolicies: byKey(managed, (p) => p.arn),
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

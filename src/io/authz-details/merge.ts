/** Pages and files to accounts: pages of one account (IsTruncated/Marker) merge into one. */
import type { AuthzAccount, AuthzInput, AuthzManagedPolicy, AuthzPage } from './authz-types';
import { AWS_MANAGED_PREFIX } from './fields';

/** The 12-digit account of an IAM ARN (`arn:PARTITION:iam::ACCOUNT:...`). */
export function accountOfIamArn(arn: string): string | undefined {
  // The fifth field, between the fourth and fifth colons, without splitting the ARN.
  if (!arn.startsWith('arn:')) return undefined;
  const partitionEnd = arn.indexOf(':', 4);
  const serviceEnd = partitionEnd < 0 ? -1 : arn.indexOf(':', partitionEnd + 1);
  const regionEnd = serviceEnd < 0 ? -1 : arn.indexOf(':', serviceEnd + 1);
  const accountEnd = regionEnd < 0 ? -1 : arn.indexOf(':', regionEnd + 1);
  if (accountEnd - regionEnd !== 13) return undefined;
  for (let i = regionEnd + 1; i < accountEnd; i++) {
    const c = arn.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  return arn.slice(regionEnd + 1, accountEnd);
}

/** The account of a managed policy, undefined for AWS-managed ones (shared by all accounts). */
const accountOfPolicy = (arn: string) =>
  arn.startsWith(AWS_MANAGED_PREFIX) ? undefined : accountOfIamArn(arn);

/**
 * Merges pages into accounts. A page is placed by the account of its ARNs; a page with none
 * (only AWS-managed policies, as late pages often are) adds to the shared AWS-managed pool.
 * A page naming two accounts is split by each entry's ARN.
 */
export function mergePages(pages: AuthzPage[]): AuthzInput {
  const warnings: string[] = [];
  const accounts = new Map<
    string,
    AuthzAccount & { seen: Set<string>; truncated: boolean[]; markers: string[] }
  >();
  const awsManaged = new Map<string, AuthzManagedPolicy>();
  const accountFor = (id: string) => {
    let a = accounts.get(id);
    if (!a) {
      a = {
        accountId: id,
        files: [],
        users: [],
        groups: [],
        roles: [],
        policies: new Map(),
        seen: new Set(),
        truncated: [],
        markers: [],
      };
      accounts.set(id, a);
    }
    return a;
  };
  for (const page of pages) {
    // The accounts this page names, in the order its entries name them.
    const ids = new Set<string>();
    for (const policy of page.policies) {
      const account = accountOfPolicy(policy.arn);
      if (account === undefined) {
        if (!awsManaged.has(policy.arn)) awsManaged.set(policy.arn, policy);
      } else {
        ids.add(account);
        const into = accountFor(account).policies;
        if (!into.has(policy.arn)) into.set(policy.arn, policy);
      }
    }
    const byAccount = <T extends { arn: string }>(
      items: T[],
      key: 'users' | 'groups' | 'roles',
    ) => {
      for (const item of items) {
        const id = accountOfIamArn(item.arn);
        if (!id) {
          warnings.push(`${page.file}: \`${item.arn}\` is not an IAM ARN; skipped`);
          continue;
        }
        ids.add(id);
        const account = accountFor(id);
        if (account.seen.has(item.arn)) continue; // a page read twice: the first entry stays
        account.seen.add(item.arn);
        (account[key] as unknown as T[]).push(item);
      }
    };
    byAccount(page.users, 'users');
    byAccount(page.groups, 'groups');
    byAccount(page.roles, 'roles');
    for (const id of ids) {
      const account = accountFor(id);
      if (!account.files.includes(page.file)) account.files.push(page.file);
      account.truncated.push(page.truncated);
      if (page.marker) account.markers.push(page.marker);
    }
  }
  for (const account of accounts.values()) {
    if (account.truncated.length > 0 && account.truncated.every(Boolean))
      warnings.push(
        `account ${account.accountId}: every page given says \`IsTruncated: true\`; the last page is missing, so the account may be incomplete`,
      );
  }
  return {
    accounts: [...accounts.values()].map(
      ({ seen: _s, truncated: _t, markers: _m, ...account }) => account,
    ),
    awsManaged,
    warnings,
  };
}

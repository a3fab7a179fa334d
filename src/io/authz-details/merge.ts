/** Pages and files to accounts: pages of one account (IsTruncated/Marker) merge into one. */
import type { AuthzAccount, AuthzInput, AuthzManagedPolicy, AuthzPage } from './authz-types';
import { AWS_MANAGED_PREFIX } from './fields';

/** The 12-digit account of an IAM ARN (`arn:PARTITION:iam::ACCOUNT:...`). */
export function accountOfIamArn(arn: string): string | undefined {
  const parts = arn.split(':');
  return parts.length >= 6 && parts[0] === 'arn' && /^\d{12}$/.test(parts[4] ?? '')
    ? parts[4]
    : undefined;
}

function accountOfPage(page: AuthzPage): Set<string> {
  const ids = new Set<string>();
  for (const e of [...page.users, ...page.groups, ...page.roles]) {
    const id = accountOfIamArn(e.arn);
    if (id) ids.add(id);
  }
  for (const p of page.policies) {
    const id = p.arn.startsWith(AWS_MANAGED_PREFIX) ? undefined : accountOfIamArn(p.arn);
    if (id) ids.add(id);
  }
  return ids;
}

/** Adds by key, keeping the first entry of a key seen twice (a page read twice). */
function addUnique<T extends { arn: string }>(into: T[], seen: Set<string>, items: T[]) {
  for (const item of items) {
    if (seen.has(item.arn)) continue;
    seen.add(item.arn);
    into.push(item);
  }
}

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
    const ids = accountOfPage(page);
    for (const policy of page.policies) {
      const account = policy.arn.startsWith(AWS_MANAGED_PREFIX)
        ? undefined
        : accountOfIamArn(policy.arn);
      if (account === undefined) {
        if (!awsManaged.has(policy.arn)) awsManaged.set(policy.arn, policy);
      } else {
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
        const account = accountFor(id);
        addUnique(account[key] as unknown as T[], account.seen, [item]);
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

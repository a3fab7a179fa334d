import {
  arnInAccount,
  attachersOf,
  managedPolicyView,
  normalisePath,
  parsePolicyText,
  PARTITION,
  statementsOf,
  stringList,
  type Account,
  type Design,
  type Group,
  type IdentityProvider,
  type OidcProvider,
  type PermissionPolicy,
  type PolicyJson,
  type Resource,
  type Role,
  type SamlProvider,
  type User,
} from '../../model';

/** An IAM principal that carries identity policies. */
export type PolicyHolder = User | Group | Role;

/** One customer-managed policy of an account (one design record), with who attaches it. */
export interface ManagedPolicy {
  account: Account;
  /** The design's record. */
  policy: PermissionPolicy;
  name: string;
  path: string;
  description: string;
  text: string;
  attachedTo: PolicyHolder[];
  boundaryOf: (User | Role)[];
}

/** Everything of one account that an export writes. */
export interface AccountPlan {
  account: Account;
  users: User[];
  groups: Group[];
  roles: Role[];
  samlProviders: SamlProvider[];
  oidcProviders: OidcProvider[];
  /** Resources with a resource-based policy. */
  resources: Resource[];
  managedPolicies: ManagedPolicy[];
}

/** What an ARN inside a policy names, when that thing is part of the same export. */
export type ArnTarget =
  | { kind: 'user' | 'group' | 'role'; entity: PolicyHolder }
  | { kind: 'identity-provider'; entity: IdentityProvider }
  | { kind: 'managed-policy'; policy: ManagedPolicy };

export interface ExportPlan {
  design: Design;
  accounts: AccountPlan[];
  byArn: ReadonlyMap<string, ArnTarget>;
  warnings: string[];
}

export const awsManagedPolicyArn = (name: string, path = '/') =>
  `arn:${PARTITION}:iam::aws:policy${normalisePath(path)}${name}`;

const customerManagedPolicyArn = (awsAccountId: string, name: string, path = '/') =>
  `arn:${PARTITION}:iam::${awsAccountId}:policy${normalisePath(path)}${name}`;

/** The ARN a permission policy or boundary is attached by (undefined for inline policies). */
export function attachedPolicyArn(account: Account, policy: PermissionPolicy): string | undefined {
  const path = policy.managed?.path;
  if (policy.attachment === 'aws-managed') return awsManagedPolicyArn(policy.name, path);
  if (policy.attachment === 'customer-managed')
    return customerManagedPolicyArn(account.awsAccountId, policy.name, path);
  return undefined;
}

/** The parsed document of a stored policy text (stored texts are JSON objects; drafts are not exported). */
export function documentOf(text: string): PolicyJson | undefined {
  const parsed = parsePolicyText(text);
  return parsed.ok ? parsed.document : undefined;
}

/**
 * Collects what to export from the design: the given accounts (all by default), each with its
 * principals, providers, resources with policies and its customer-managed policies, one each.
 */
export function planExport(design: Design, accountIds?: readonly string[]): ExportPlan {
  const warnings: string[] = [];
  const chosen = accountIds
    ? design.accounts.filter((a) => accountIds.includes(a.id))
    : design.accounts;
  const accounts = chosen.map((account) => planAccount(design, account, warnings));
  const byArn = new Map<string, ArnTarget>();
  for (const plan of accounts) {
    const id = plan.account.awsAccountId;
    for (const entity of [...plan.users, ...plan.groups, ...plan.roles])
      byArn.set(arnInAccount(entity, id), { kind: entity.kind, entity });
    for (const entity of [...plan.samlProviders, ...plan.oidcProviders])
      byArn.set(arnInAccount(entity, id), { kind: 'identity-provider', entity });
    for (const policy of plan.managedPolicies)
      byArn.set(customerManagedPolicyArn(id, policy.name, policy.path), {
        kind: 'managed-policy',
        policy,
      });
  }
  return { design, accounts, byArn, warnings };
}

function planAccount(design: Design, account: Account, warnings: string[]): AccountPlan {
  const inAccount = <T extends { account: string }>(list: T[]) =>
    list.filter((e) => e.account === account.id);
  const users = inAccount(design.users);
  const groups = inAccount(design.groups);
  const roles = inAccount(design.roles);
  const providers = inAccount(design.identityProviders);
  const resources = inAccount(design.resources).filter((r) => r.policy.trim() !== '');
  // Every customer-managed policy of the account, attached or not: it exists until deleted.
  const managed = new Map<string, ManagedPolicy>();
  for (const record of design.managedPolicies) {
    if (record.type !== 'customer-managed' || record.account !== account.id) continue;
    const key = record.name.toLowerCase();
    if (managed.has(key)) {
      warnings.push(
        `two customer-managed policies are named \`${record.name}\` in account ${account.awsAccountId}; exported the first`,
      );
      continue;
    }
    const holders = attachersOf(design, record.id);
    managed.set(key, {
      account,
      policy: managedPolicyView(record),
      name: record.name,
      path: record.path,
      description: record.description,
      text: record.text,
      attachedTo: holders.filter((h) => h.policies.some((p) => p.id === record.id)),
      boundaryOf: holders.filter(
        (h): h is User | Role => h.kind !== 'group' && h.permissionsBoundary === record.id,
      ),
    });
  }
  return {
    account,
    users,
    groups,
    roles,
    samlProviders: providers.filter((p): p is SamlProvider => p.protocol === 'saml'),
    oidcProviders: providers.filter((p): p is OidcProvider => p.protocol === 'oidc'),
    resources,
    managedPolicies: [...managed.values()],
  };
}

/** JSON with object keys sorted: equal documents give equal text, whatever their layout. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}

/** Whether a role's trust policy allows EC2 (such a role gets an instance profile). */
export function trustsEc2(role: Role): boolean {
  const document = documentOf(role.trustPolicy);
  if (!document) return false;
  return statementsOf(document).some((statement) => {
    const principal = statement.Principal;
    return (
      statement.Effect === 'Allow' &&
      typeof principal === 'object' &&
      principal !== null &&
      stringList((principal as Record<string, unknown>).Service).includes('ec2.amazonaws.com')
    );
  });
}

/**
 * A reference from one exported resource to another, put where a policy names the target's
 * ARN. The writer renders it in its own syntax (`aws_iam_role.x.arn`, `!GetAtt X.Arn`).
 */
export class Reference {
  constructor(readonly target: string) {}
}

/** The document with each string that `resolve` knows replaced by its reference. */
export function withReferences(
  value: unknown,
  resolve: (text: string) => Reference | undefined,
): unknown {
  if (typeof value === 'string') return resolve(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => withReferences(v, resolve));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, withReferences(v, resolve)]),
    );
  return value;
}

/**
 * Dependencies between resources of one file, kept free of cycles: a reference that would close
 * a cycle (role A trusts B, B trusts A) is refused and the writer keeps the literal ARN.
 */
export class DependencyGraph {
  private readonly edges = new Map<string, Set<string>>();

  /** Records `from` depends on `to` unless that closes a cycle; whether it did. */
  tryAdd(from: string, to: string): boolean {
    if (from === to || this.reaches(to, from)) return false;
    let set = this.edges.get(from);
    if (!set) this.edges.set(from, (set = new Set()));
    set.add(to);
    return true;
  }

  private reaches(start: string, goal: string): boolean {
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node === goal) return true;
      if (seen.has(node)) continue;
      seen.add(node);
      for (const next of this.edges.get(node) ?? []) stack.push(next);
    }
    return false;
  }
}

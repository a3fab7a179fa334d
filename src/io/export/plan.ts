import {
  arnInAccount,
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

/**
 * One customer-managed policy. The design keeps a copy on each principal it is attached to;
 * copies with the same account and name are one policy in AWS, so they are exported once.
 */
export interface ManagedPolicy {
  account: Account;
  name: string;
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

export const awsManagedPolicyArn = (name: string) => `arn:${PARTITION}:iam::aws:policy/${name}`;

const customerManagedPolicyArn = (awsAccountId: string, name: string) =>
  `arn:${PARTITION}:iam::${awsAccountId}:policy/${name}`;

/** The ARN a permission policy or boundary is attached by (undefined for inline policies). */
export function attachedPolicyArn(account: Account, policy: PermissionPolicy): string | undefined {
  if (policy.attachment === 'aws-managed') return awsManagedPolicyArn(policy.name);
  if (policy.attachment === 'customer-managed')
    return customerManagedPolicyArn(account.awsAccountId, policy.name);
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
      byArn.set(customerManagedPolicyArn(id, policy.name), { kind: 'managed-policy', policy });
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
  const managed = new Map<string, ManagedPolicy>();
  const managedPolicy = (policy: PermissionPolicy, holder: PolicyHolder) => {
    const found = managed.get(policy.name);
    if (found) {
      if (documentsDiffer(found.text, policy.text))
        warnings.push(
          `customer-managed policy \`${policy.name}\` in account ${account.awsAccountId} has different text on \`${holder.name}\`; exported the text on \`${(found.attachedTo[0] ?? found.boundaryOf[0])?.name}\``,
        );
      return found;
    }
    const created: ManagedPolicy = {
      account,
      name: policy.name,
      text: policy.text,
      attachedTo: [],
      boundaryOf: [],
    };
    managed.set(policy.name, created);
    return created;
  };
  for (const holder of [...users, ...groups, ...roles]) {
    for (const policy of holder.policies) {
      if (policy.attachment === 'customer-managed')
        managedPolicy(policy, holder).attachedTo.push(holder);
    }
    if (holder.kind !== 'group' && holder.permissionsBoundary?.attachment === 'customer-managed')
      managedPolicy(holder.permissionsBoundary, holder).boundaryOf.push(holder);
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

function documentsDiffer(a: string, b: string): boolean {
  return canonicalJson(documentOf(a)) !== canonicalJson(documentOf(b));
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

/** Authorization details (merged accounts) to a design: one account container per account. */
import {
  emptyDesign,
  makeAccount,
  makeAnyone,
  makeGroup,
  makeManagedPolicy,
  makeOutsideAccount,
  makePolicy,
  makeRole,
  makeSamlProvider,
  makeService,
  makeUser,
  newId,
  oidcPresets,
  normalisePath,
  wellKnownProviderOfIssuer,
  type OidcPreset,
  principalsOf,
  statementsOf,
  type Account,
  type Design,
  type EntityId,
  type IdSource,
  type IdentityProvider,
  type Observed,
  type OutsidePrincipal,
  type PolicyAttachment,
  type PolicyJson,
  type ServicePrincipal,
} from '../../model';
import type {
  AuthzAccount,
  AuthzAttachedPolicy,
  AuthzInput,
  AuthzManagedPolicy,
} from './authz-types';
import { AWS_MANAGED_PREFIX } from './fields';
import { accountOfIamArn } from './merge';

export interface ImportCounts {
  accounts: number;
  users: number;
  groups: number;
  roles: number;
  /** Managed policy records: every customer-managed policy of each account, AWS managed ones attached. */
  managedPolicies: number;
  services: number;
  identityProviders: number;
  outsidePrincipals: number;
  /** Trust principals naming a deleted principal (unique ids such as `AROA...`, or ARNs not in the account). */
  danglingTrustPrincipals: number;
}

export interface DesignFromAuthz {
  design: Design;
  counts: ImportCounts;
  warnings: string[];
  /** ARNs of principals whose policies are not all known (an attached policy missing from the input). */
  incomplete: string[];
}

/**
 * The design's text of a document, made once per document object (pages share one object per
 * equal wire text) and one string per equal text, so the holders of one policy share its text
 * and everything keyed by the text (the parse cache) finds it at once.
 */
class PolicyTexts {
  // A Map, not a WeakMap: it lives for one import, and weak keys by the ten thousand cost the
  // collector more than they save.
  private readonly byDocument = new Map<PolicyJson, string>();
  private readonly interned = new Map<string, string>();

  of(doc: PolicyJson): string {
    let text = this.byDocument.get(doc);
    if (text === undefined) {
      const made = JSON.stringify(doc, null, 2);
      text = this.interned.get(made);
      if (text === undefined) {
        text = made;
        this.interned.set(text, text);
      }
      this.byDocument.set(doc, text);
    }
    return text;
  }
}

/** `accounts.google.com` and the other web identity hosts trust policies name directly. */
/** The preset of a provider trust policies name by host (Google, Cognito, Amazon, Facebook). */
function presetNamedByHost(host: string) {
  const known = wellKnownProviderOfIssuer(host);
  return known?.namedByHost && known.issuer === host ? known : undefined;
}

const uniqueIdPattern = /^A[A-Z0-9]{3}[A-Z0-9]{12,}$/;

/** Whether `id` is among the managed attachments from `from` on (a handful: a loop beats a set). */
function attachedAlready(policies: PolicyAttachment[], from: number, id: EntityId): boolean {
  for (let i = from; i < policies.length; i++) if (policies[i]!.id === id) return true;
  return false;
}

const isAccountId = (value: string) => value.length === 12 && /^\d{12}$/.test(value);

function defaultVersion(policy: AuthzManagedPolicy) {
  return policy.versions.find((v) => v.isDefault) ?? policy.versions[0];
}

class DesignBuilder {
  readonly design: Design;
  readonly warnings: string[] = [];
  readonly incomplete: string[] = [];
  private readonly accountByAwsId = new Map<string, Account>();
  private readonly services = new Map<string, ServicePrincipal>();
  private readonly providers = new Map<string, IdentityProvider>();
  private readonly outside = new Map<string, OutsidePrincipal>();
  /** Managed policy record id by ARN: one record per managed policy, shared by its holders. */
  private readonly managedIds = new Map<string, EntityId>();
  dangling = 0;
  /** ARNs of every user and role of every analysed account. */
  private readonly knownArns: Set<string>;
  private readonly analysedAccounts: Set<string>;
  private readonly texts = new PolicyTexts();
  private readonly text = (doc: PolicyJson) => this.texts.of(doc);

  constructor(
    private readonly input: AuthzInput,
    private readonly ids: IdSource,
    name: string,
  ) {
    this.design = emptyDesign(name, ids);
    this.knownArns = new Set();
    for (const a of input.accounts) {
      for (const e of a.users) this.knownArns.add(e.arn);
      for (const e of a.roles) this.knownArns.add(e.arn);
    }
    this.analysedAccounts = new Set(input.accounts.map((a) => a.accountId));
  }

  /** The id of the managed policy record for an attached ARN, made on first use. */
  managed(account: AuthzAccount, ref: AuthzAttachedPolicy): EntityId | undefined {
    const known = this.managedIds.get(ref.arn);
    if (known) return known;
    const aws = ref.arn.startsWith(AWS_MANAGED_PREFIX);
    const policy = aws ? this.input.awsManaged.get(ref.arn) : account.policies.get(ref.arn);
    const version = policy && defaultVersion(policy);
    if (!policy || !version) return undefined;
    const owner = this.accountByAwsId.get(account.accountId)!;
    const record = makeManagedPolicy(
      {
        type: aws ? 'aws-managed' : 'customer-managed',
        ...(aws ? {} : { account: owner.id }),
        name: policy.name,
        path: normalisePath(policy.path),
        description: policy.description ?? '',
        text: this.text(version.document),
        defaultVersionId: version.versionId,
      },
      this.ids,
    );
    const others = policy.versions.filter((v) => v !== version);
    if (others.length > 0)
      record.otherVersions = others.map((v) => ({
        versionId: v.versionId,
        text: this.text(v.document),
      }));
    this.design.managedPolicies.push(record);
    this.managedIds.set(ref.arn, record.id);
    return record.id;
  }

  /** Inline then attached policies; a missing attached policy marks the principal incomplete. */
  policies(
    account: AuthzAccount,
    principal: {
      arn: string;
      inline: { name: string; document: PolicyJson }[];
      attached: AuthzAttachedPolicy[];
    },
    missing: string[],
  ): PolicyAttachment[] {
    const policies: PolicyAttachment[] = [];
    for (const p of principal.inline)
      policies.push(makePolicy({ name: p.name, text: this.text(p.document) }, this.ids));
    const inlineCount = policies.length;
    for (const ref of principal.attached) {
      const id = this.managed(account, ref);
      if (!id) missing.push(`attached policy \`${ref.arn}\` is not in the input`);
      // One attachment per policy, as IAM keeps it (a page may list one twice).
      else if (!attachedAlready(policies, inlineCount, id))
        policies.push({ attachment: 'managed', id });
    }
    return policies;
  }

  boundary(account: AuthzAccount, arn: string | undefined, missing: string[]): EntityId | null {
    if (!arn) return null;
    const id = this.managed(account, { arn, name: arn.slice(arn.lastIndexOf('/') + 1) });
    if (!id) missing.push(`permissions boundary \`${arn}\` is not in the input`);
    return id ?? null;
  }

  observed(
    arn: string,
    id: string | undefined,
    missing: string[],
    facts: Observed = {},
  ): Observed | undefined {
    // `facts` is the caller's own, made for this principal: filled in place, not copied.
    if (id) facts.uniqueId = id;
    if (missing.length > 0) {
      facts.incomplete = missing;
      this.incomplete.push(arn);
      for (const m of missing)
        this.warnings.push(`\`${arn}\`: ${m}; its permissions are incomplete`);
    }
    return Object.keys(facts).length > 0 ? facts : undefined;
  }

  addAccount(account: AuthzAccount): void {
    const entity = makeAccount(
      { awsAccountId: account.accountId, name: `Account ${account.accountId}` },
      this.ids,
    );
    this.accountByAwsId.set(account.accountId, entity);
    this.design.accounts.push(entity);
    const groupIds = new Map<string, EntityId>();
    for (const g of account.groups) {
      const missing: string[] = [];
      const group = makeGroup(
        {
          account: entity.id,
          name: g.name,
          path: g.path,
          policies: this.policies(account, g, missing),
        },
        this.ids,
      );
      const facts = this.observed(g.arn, g.id, missing);
      if (facts) group.observed = facts;
      groupIds.set(g.name, group.id);
      this.design.groups.push(group);
    }
    for (const u of account.users) {
      const missing: string[] = [];
      const groups = u.groups.flatMap((name) => {
        const id = groupIds.get(name);
        if (!id) missing.push(`group \`${name}\` is not in the input`);
        return id ? [id] : [];
      });
      const user = makeUser(
        {
          account: entity.id,
          name: u.name,
          path: u.path,
          groups,
          policies: this.policies(account, u, missing),
          permissionsBoundary: this.boundary(account, u.boundary, missing),
          tags: u.tags,
        },
        this.ids,
      );
      const facts = this.observed(u.arn, u.id, missing);
      if (facts) user.observed = facts;
      this.design.users.push(user);
    }
    for (const r of account.roles) {
      const missing: string[] = [];
      const duration = r.maxSessionDuration;
      const role = makeRole(
        {
          account: entity.id,
          name: r.name,
          path: r.path,
          description: r.description ?? '',
          trustPolicy: this.text(r.trust),
          policies: this.policies(account, r, missing),
          permissionsBoundary: this.boundary(account, r.boundary, missing),
          tags: r.tags,
          ...(duration !== undefined &&
          Number.isInteger(duration) &&
          duration >= 3600 &&
          duration <= 43200
            ? { maxSessionDuration: duration }
            : {}),
        },
        this.ids,
      );
      const extra: Observed = { instanceProfiles: r.instanceProfiles.map((p) => p.name) };
      if (r.lastUsed !== undefined) extra.lastUsed = r.lastUsed;
      const facts = this.observed(r.arn, r.id, missing, extra);
      if (facts) role.observed = facts;
      this.design.roles.push(role);
    }
    // The account's customer-managed policies that nothing attaches exist too, until deleted.
    for (const policy of account.policies.values())
      if (!policy.arn.startsWith(AWS_MANAGED_PREFIX))
        this.managed(account, { arn: policy.arn, name: policy.name });
  }

  /** Nodes for what trust policies name outside the IAM lists: services, providers, other accounts. */
  addTrustPrincipals(account: AuthzAccount): void {
    const known = this.knownArns;
    const owner = this.accountByAwsId.get(account.accountId)!;
    for (const role of account.roles) {
      for (const statement of statementsOf(role.trust)) {
        for (const ref of principalsOf(statement.Principal)) {
          if (ref.type === 'Service') this.service(ref.value);
          else if (ref.type === 'Federated') this.provider(ref.value, owner, role.arn);
          else this.awsPrincipal(ref.value, known);
        }
      }
    }
  }

  service(name: string) {
    const key = name.toLowerCase();
    if (this.services.has(key)) return;
    const service = makeService(name, this.ids);
    this.services.set(key, service);
    this.design.services.push(service);
  }

  provider(value: string, owner: Account, roleArn: string) {
    const key = value.toLowerCase();
    if (this.providers.has(key)) return;
    let provider: IdentityProvider | undefined;
    const saml = /^arn:[^:]+:iam::(\d{12}):saml-provider\/(.+)$/.exec(value);
    const oidc = /^arn:[^:]+:iam::(\d{12}):oidc-provider\/(.+)$/.exec(value);
    const inAccount = (id: string) => this.accountByAwsId.get(id);
    if (saml) {
      const account = inAccount(saml[1]!);
      if (account) provider = makeSamlProvider({ account: account.id, name: saml[2]! }, this.ids);
    } else if (oidc) {
      const account = inAccount(oidc[1]!);
      const issuer = oidc[2]!;
      if (account) {
        // A known issuer (GitHub Actions, GitLab) gets its preset; its audiences are not in
        // the file, so only the one every such provider accepts is assumed.
        const known = wellKnownProviderOfIssuer(issuer);
        const preset = known && !known.namedByHost ? known.preset : 'custom';
        provider = {
          kind: 'identity-provider',
          protocol: 'oidc',
          id: this.ids('idp'),
          account: account.id,
          preset: preset === 'saml' ? 'custom' : preset,
          name: preset === 'custom' ? issuer : oidcPresets[preset as OidcPreset].name,
          issuer,
          audiences:
            preset === 'github-actions' ? [...oidcPresets['github-actions'].audiences] : [],
        };
      }
    } else if (presetNamedByHost(key)) {
      const known = presetNamedByHost(key)!;
      const preset = known.preset as OidcPreset;
      provider = {
        kind: 'identity-provider',
        protocol: 'oidc',
        id: this.ids('idp'),
        account: owner.id,
        preset,
        name: oidcPresets[preset].name,
        issuer: known.issuer,
        // The client ids are the trust's business, not the file's: none assumed.
        audiences: [],
      };
    }
    if (!provider) {
      this.warnings.push(
        `\`${roleArn}\`: trust names the identity provider \`${value}\`, which no analysed account holds; no node drawn`,
      );
      return;
    }
    this.providers.set(key, provider);
    this.design.identityProviders.push(provider);
  }

  awsPrincipal(value: string, known: Set<string>) {
    if (value === '*') {
      if (!this.outside.has('*')) {
        const anyone = makeAnyone(this.ids);
        this.outside.set('*', anyone);
        this.design.outsidePrincipals.push(anyone);
      }
      return;
    }
    // Most values are ARNs: a prefix test before any pattern.
    const arn = value.startsWith('arn:');
    if (!arn && uniqueIdPattern.test(value)) {
      this.dangling++;
      return;
    }
    const bareAccount = !arn && isAccountId(value);
    const accountId = bareAccount ? value : accountOfIamArn(value);
    if (!accountId) return;
    if (this.analysedAccounts.has(accountId)) {
      const isRoot = bareAccount || value.endsWith(':root');
      if (
        !isRoot &&
        !known.has(value) &&
        !value.includes(':assumed-role/') &&
        !value.includes(':federated-user/')
      )
        this.dangling++;
      return;
    }
    if (this.outside.has(accountId)) return;
    const outside = makeOutsideAccount(accountId, `Account ${accountId}`, this.ids);
    this.outside.set(accountId, outside);
    this.design.outsidePrincipals.push(outside);
  }

  counts(): ImportCounts {
    const d = this.design;
    return {
      accounts: d.accounts.length,
      users: d.users.length,
      groups: d.groups.length,
      roles: d.roles.length,
      managedPolicies: d.managedPolicies.length,
      services: d.services.length,
      identityProviders: d.identityProviders.length,
      outsidePrincipals: d.outsidePrincipals.length,
      danglingTrustPrincipals: this.dangling,
    };
  }
}

/** The design of merged authorization details; deterministic for a given `ids`. */
export function designFromAuthz(
  input: AuthzInput,
  options: { name?: string; ids?: IdSource } = {},
): DesignFromAuthz {
  // Account ids are 12 digits: code-unit order is their order (localeCompare's first call
  // loads a collator, a cost bigger than the sort).
  const accounts = [...input.accounts].sort((a, b) =>
    a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0,
  );
  const name =
    options.name ??
    (accounts.length === 1 ? `Account ${accounts[0]!.accountId}` : `${accounts.length} accounts`);
  const builder = new DesignBuilder(input, options.ids ?? newId, name);
  for (const account of accounts) builder.addAccount(account);
  for (const account of accounts) builder.addTrustPrincipals(account);
  return {
    design: builder.design,
    counts: builder.counts(),
    warnings: [...input.warnings, ...builder.warnings],
    incomplete: builder.incomplete,
  };
}

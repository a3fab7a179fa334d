/** Small hand-built accounts for the analysis tests: one builder, readable one-liners. */
import {
  emptyDesign,
  makeAccount,
  makeAnyone,
  makeGroup,
  makeOidcProvider,
  makeManagedPolicy,
  makeOutsideAccount,
  makePolicy,
  makeResource,
  makeRole,
  makeSamlProvider,
  makeService,
  makeUser,
  sequentialIds,
  type Design,
  type Group,
  type PermissionPolicy,
  type PolicyAttachment,
  type Role,
  type User,
} from '../model';
import { analyze } from './analyze';

export const ACCOUNT = '111122223333';
export const OTHER = '444455556666';
const NOW = '2026-06-01T00:00:00Z';

type Json = Record<string, unknown>;

export const allow = (
  action: string | string[],
  resource: string | string[] = '*',
  condition?: Json,
): Json => ({
  Effect: 'Allow',
  Action: action,
  Resource: resource,
  ...(condition ? { Condition: condition } : {}),
});
export const deny = (
  action: string | string[],
  resource: string | string[] = '*',
  condition?: Json,
): Json => ({
  Effect: 'Deny',
  Action: action,
  Resource: resource,
  ...(condition ? { Condition: condition } : {}),
});
export const doc = (...statements: Json[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
export const trustStatement = (
  principal: unknown,
  action = 'sts:AssumeRole',
  condition?: Json,
): Json => ({
  Effect: 'Allow',
  Principal: principal,
  Action: action,
  ...(condition ? { Condition: condition } : {}),
});
export const ADMIN_DOC = doc(allow('*', '*'));
export const arn = (kind: 'user' | 'role' | 'group', name: string, account = ACCOUNT) =>
  `arn:aws:iam::${account}:${kind}/${name}`;

export class AccountBuilder {
  readonly ids = sequentialIds();
  readonly design: Design = emptyDesign('test', this.ids);
  readonly account = makeAccount({ awsAccountId: ACCOUNT, name: 'main' }, this.ids);
  private other?: ReturnType<typeof makeAccount>;

  constructor() {
    this.design.accounts.push(this.account);
  }

  otherAccount() {
    if (!this.other) {
      this.other = makeAccount({ awsAccountId: OTHER, name: 'other' }, this.ids);
      this.design.accounts.push(this.other);
    }
    return this.other;
  }

  policy(
    text: string,
    name = `p${this.design.users.length + this.design.roles.length + this.design.groups.length}`,
    attachment: PermissionPolicy['attachment'] = 'inline',
    otherVersions?: { versionId: string; text: string }[],
  ): PolicyAttachment {
    if (attachment === 'inline') return makePolicy({ name, text }, this.ids);
    // A managed policy is one record of the design, attached by id.
    const p = makeManagedPolicy(
      {
        type: attachment,
        account: this.account.id,
        name,
        text,
        ...(otherVersions ? { otherVersions } : {}),
      },
      this.ids,
    );
    this.design.managedPolicies.push(p);
    return { attachment: 'managed', id: p.id };
  }

  user(
    name: string,
    policies: (string | PolicyAttachment)[] = [],
    extra: Partial<User> = {},
  ): User {
    const u = makeUser(
      {
        account: this.account.id,
        name,
        policies: policies.map((p) => (typeof p === 'string' ? this.policy(p) : p)),
        ...extra,
      },
      this.ids,
    );
    this.design.users.push(u);
    return u;
  }

  group(name: string, policies: (string | PolicyAttachment)[] = [], members: User[] = []): Group {
    const g = makeGroup(
      {
        account: this.account.id,
        name,
        policies: policies.map((p) => (typeof p === 'string' ? this.policy(p) : p)),
      },
      this.ids,
    );
    this.design.groups.push(g);
    for (const m of members) m.groups.push(g.id);
    return g;
  }

  role(
    name: string,
    trust: Json[],
    policies: (string | PolicyAttachment)[] = [],
    extra: Partial<Role> = {},
    inOther = false,
  ): Role {
    const r = makeRole(
      {
        account: inOther ? this.otherAccount().id : this.account.id,
        name,
        trustPolicy: doc(...trust),
        policies: policies.map((p) => (typeof p === 'string' ? this.policy(p) : p)),
        ...extra,
      },
      this.ids,
    );
    this.design.roles.push(r);
    return r;
  }

  service(name: string) {
    const s = makeService(name, this.ids);
    this.design.services.push(s);
    return s;
  }

  saml(name: string) {
    const p = makeSamlProvider({ account: this.account.id, name }, this.ids);
    this.design.identityProviders.push(p);
    return p;
  }

  github() {
    const p = makeOidcProvider({ account: this.account.id, preset: 'github-actions' }, this.ids);
    this.design.identityProviders.push(p);
    return p;
  }

  outside(accountId: string) {
    const o = makeOutsideAccount(accountId, `Account ${accountId}`, this.ids);
    this.design.outsidePrincipals.push(o);
    return o;
  }

  anyone() {
    const o = makeAnyone(this.ids);
    this.design.outsidePrincipals.push(o);
    return o;
  }

  bucket(name: string, policy: string) {
    const r = makeResource(
      { account: this.account.id, name, resourceType: 's3-bucket', policy },
      this.ids,
    );
    this.design.resources.push(r);
    return r;
  }

  analyze(now = NOW) {
    return analyze(this.design, { now });
  }
}

export const build = (f: (b: AccountBuilder) => void): AccountBuilder => {
  const b = new AccountBuilder();
  f(b);
  return b;
};

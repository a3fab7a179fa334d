/** The principals of a design the analysis walks, indexed once: by id, ARN, account and trust principal. */
import {
  arnOf,
  federatedNameOf,
  findEntity,
  type Account,
  type Design,
  type EntityId,
  type Group,
  type IdentityProvider,
  type OutsidePrincipal,
  type Role,
  type ServicePrincipal,
  type User,
} from '../model';

export type Actor = User | Role;

const NONE: { users: User[]; roles: Role[]; groups: Group[] } = Object.freeze({
  users: [],
  roles: [],
  groups: [],
}) as never;

export class Universe {
  readonly arn = new Map<EntityId, string>();
  readonly byArn = new Map<string, EntityId>();
  readonly awsAccount = new Map<EntityId, string>();
  readonly actorsByAccount = new Map<string, Actor[]>();
  readonly services = new Map<string, ServicePrincipal>();
  readonly federated = new Map<string, IdentityProvider>();
  readonly outsideAccounts = new Map<string, OutsidePrincipal>();
  readonly anyone?: OutsidePrincipal;
  readonly groupsOf = new Map<EntityId, Group[]>();
  readonly membersOf = new Map<EntityId, User[]>();
  readonly actors: Actor[];
  readonly analysedAccounts: Set<string>;

  constructor(readonly design: Design) {
    this.analysedAccounts = new Set(design.accounts.map((a) => a.awsAccountId));
    this.actors = [...design.users, ...design.roles];
    for (const entity of [
      ...design.users,
      ...design.roles,
      ...design.groups,
      ...design.identityProviders,
      ...design.resources,
    ]) {
      const arn = arnOf(design, entity);
      if (!arn) continue;
      this.arn.set(entity.id, arn);
      if (!this.byArn.has(arn)) this.byArn.set(arn, entity.id);
      const account = findEntity(design, entity.account) as Account | undefined;
      if (account) this.awsAccount.set(entity.id, account.awsAccountId);
    }
    for (const actor of this.actors) {
      const account = this.awsAccount.get(actor.id);
      if (!account || !this.arn.has(actor.id)) continue;
      const list = this.actorsByAccount.get(account) ?? [];
      list.push(actor);
      this.actorsByAccount.set(account, list);
    }
    for (const s of design.services) this.services.set(s.name.toLowerCase(), s);
    for (const p of design.identityProviders) {
      const arn = this.arn.get(p.id);
      if (arn) this.federated.set(arn.toLowerCase(), p);
      const name = federatedNameOf(design, p);
      if (name && !this.federated.has(name.toLowerCase()))
        this.federated.set(name.toLowerCase(), p);
    }
    for (const o of design.outsidePrincipals) {
      if (o.scope === 'anyone') this.anyone ??= o;
      else if (!this.outsideAccounts.has(o.awsAccountId))
        this.outsideAccounts.set(o.awsAccountId, o);
      this.arn.set(o.id, o.scope === 'anyone' ? '*' : `arn:aws:iam::${o.awsAccountId}:root`);
    }
    for (const s of design.services) this.arn.set(s.id, s.name);
    const groups = new Map(design.groups.map((g) => [g.id, g]));
    for (const user of design.users) {
      const list = user.groups.flatMap((g) => (groups.has(g) ? [groups.get(g)!] : []));
      this.groupsOf.set(user.id, list);
      for (const g of list) {
        const members = this.membersOf.get(g.id) ?? [];
        members.push(user);
        this.membersOf.set(g.id, members);
      }
    }
  }

  private inAccount?: Map<string, { users: User[]; roles: Role[]; groups: Group[] }>;

  /** The users, roles and groups of an account, in the design's order (grouped in one pass). */
  private scoped(account: string | undefined) {
    if (!this.inAccount) {
      const byAccount = new Map<string, { users: User[]; roles: Role[]; groups: Group[] }>();
      const entry = (id: EntityId) => {
        const a = this.awsAccount.get(id);
        if (a === undefined) return undefined;
        let hit = byAccount.get(a);
        if (!hit) {
          hit = { users: [], roles: [], groups: [] };
          byAccount.set(a, hit);
        }
        return hit;
      };
      for (const e of this.design.users) entry(e.id)?.users.push(e);
      for (const e of this.design.roles) entry(e.id)?.roles.push(e);
      for (const e of this.design.groups) entry(e.id)?.groups.push(e);
      this.inAccount = byAccount;
    }
    return (account === undefined ? undefined : this.inAccount.get(account)) ?? NONE;
  }

  usersIn(account: string | undefined): User[] {
    return this.scoped(account).users;
  }

  rolesIn(account: string | undefined): Role[] {
    return this.scoped(account).roles;
  }

  groupsIn(account: string | undefined): Group[] {
    return this.scoped(account).groups;
  }

  arnOf(id: EntityId): string {
    return this.arn.get(id) ?? id;
  }

  accountOf(id: EntityId): string | undefined {
    return this.awsAccount.get(id);
  }

  entity(id: EntityId) {
    return findEntity(this.design, id);
  }
}

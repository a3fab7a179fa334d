/**
 * "Would this principal be admin if ...": a group member, a principal without its boundary, a
 * managed policy with another version as default. Answered by the adapter on one probe design:
 * the design plus a stand-in principal per question, built once on first use.
 */
import {
  attachedPolicies,
  type Design,
  type Group,
  type PermissionPolicy,
  type PolicyAttachment,
  type Role,
  type User,
} from '../model';
import { adminOf } from './admin';
import { Oracle, type Granted } from './oracle';

export class Probes {
  private design?: Design;
  private oracle?: Oracle;
  private readonly ids = new Map<string, string>();

  constructor(
    private readonly base: Design,
    private readonly nowMs: number,
    private readonly reference = false,
  ) {}

  private build() {
    if (this.design) return;
    const d = this.base;
    const users: User[] = [...d.users];
    const groups: Group[] = [...d.groups];
    const roles: Role[] = [...d.roles];
    let n = 0;
    const name = (base: string) => `${base.slice(0, 40)}-rolecraft-probe-${++n}`;
    const member = (account: string, groupIds: string[], key: string) => {
      const id = `probe-user-${n + 1}`;
      users.push({
        kind: 'user',
        id,
        account,
        name: name('member'),
        path: '/',
        groups: groupIds,
        policies: [],
        permissionsBoundary: null,
        tags: {},
        hasLongTermKeys: true,
        hasMfa: false,
      });
      this.ids.set(key, id);
    };
    for (const g of d.groups) if (g.policies.length > 0) member(g.account, [g.id], `group:${g.id}`);
    for (const p of [...d.users, ...d.roles]) {
      if (p.permissionsBoundary) {
        const id = `probe-${p.kind}-${n + 1}`;
        const clone = {
          ...p,
          id,
          name: name(p.name),
          permissionsBoundary: null,
          observed: undefined,
        };
        if (clone.kind === 'user') users.push(clone);
        else roles.push(clone);
        this.ids.set(`unbounded:${p.id}`, id);
      }
    }
    for (const holder of [...d.users, ...d.groups, ...d.roles]) {
      for (const policy of attachedPolicies(d, holder)) {
        for (const version of policy.otherVersions ?? []) {
          // The stand-in holds the version as its own copy: the shared record stays as it is.
          const policies = holder.policies.map((q): PolicyAttachment =>
            q.id === policy.id
              ? { id: q.id, attachment: 'inline', name: policy.name, text: version.text }
              : q,
          );
          const key = `version:${holder.id}:${policy.id}:${version.versionId}`;
          if (holder.kind === 'group') {
            const gid = `probe-group-${n + 1}`;
            groups.push({ ...holder, id: gid, name: name(holder.name), policies });
            member(holder.account, [gid], key);
          } else {
            const id = `probe-${holder.kind}-${n + 1}`;
            const clone = { ...holder, id, name: name(holder.name), policies, observed: undefined };
            if (clone.kind === 'user') users.push(clone);
            else roles.push(clone);
            this.ids.set(key, id);
          }
        }
      }
    }
    this.design = { ...d, users, groups, roles };
    this.oracle = new Oracle(this.design, this.nowMs, this.reference);
  }

  private ask(key: string): Granted | undefined {
    this.build();
    const id = this.ids.get(key);
    return id ? adminOf(this.oracle!, id) : undefined;
  }

  /** A user in this group (and nothing else) would be admin. */
  groupMember(group: Group) {
    return this.ask(`group:${group.id}`);
  }

  withoutBoundary(principal: User | Role) {
    return this.ask(`unbounded:${principal.id}`);
  }

  withVersion(holder: User | Group | Role, policy: PermissionPolicy, versionText: string) {
    const version = policy.otherVersions?.find((v) => v.text === versionText);
    return version ? this.ask(`version:${holder.id}:${policy.id}:${version.versionId}`) : undefined;
  }
}

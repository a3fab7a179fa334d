/**
 * Who can assume which role: candidates read from each trust policy's principals (so the work
 * grows with what trusts name, not with principals x roles), each confirmed by the adapter.
 */
import { arnAccount, wildcardMatches } from '../engine';
import { principalsOf, statementsOf, targetPolicies, type EntityId, type Role } from '../model';
import type { Oracle } from './oracle';
import type { Actor, Universe } from './universe';

export interface AssumeEdge {
  source: EntityId;
  role: EntityId;
  needs: string[];
}

interface Assumers {
  /** The account's principals with an identity Allow of sts:AssumeRole, in the account's order. */
  actors: Actor[];
  /** Each one's group: the index of its Resource patterns in `groups`. */
  groupOf: number[];
  groups: (readonly string[] | 'any')[];
}

const assumersMemo = new WeakMap<Oracle, Map<string, Assumers>>();

function assumers(u: Universe, oracle: Oracle, account: string): Assumers {
  let byAccount = assumersMemo.get(oracle);
  if (!byAccount) {
    byAccount = new Map();
    assumersMemo.set(oracle, byAccount);
  }
  let hit = byAccount.get(account);
  if (!hit) {
    hit = { actors: [], groupOf: [], groups: [] };
    const index = new Map<string, number>();
    for (const a of u.actorsByAccount.get(account) ?? []) {
      if (!oracle.mayAllowIdentity(a, 'sts:AssumeRole')) continue;
      const patterns = oracle.allowedResources(a, 'sts:AssumeRole');
      const key = patterns === 'any' ? 'any' : JSON.stringify(patterns);
      let g = index.get(key);
      if (g === undefined) {
        g = hit.groups.length;
        hit.groups.push(patterns);
        index.set(key, g);
      }
      hit.actors.push(a);
      hit.groupOf.push(g);
    }
    byAccount.set(account, hit);
  }
  return hit;
}

function addEveryone(u: Universe, out: Set<EntityId>): void {
  for (const a of u.actors) out.add(a.id);
  for (const o of u.design.outsidePrincipals) out.add(o.id);
}

/** The principals a trust naming this account could let in (to this role). */
function addAccount(
  u: Universe,
  oracle: Oracle,
  id: string,
  roleArn: string,
  out: Set<EntityId>,
): void {
  if (u.analysedAccounts.has(id)) {
    // Trust in the account delegates to its IAM policies: only principals whose identity
    // policies could allow sts:AssumeRole can use it.
    // (An identity Allow of sts:AssumeRole that may apply to this role's ARN.) Principals
    // with the same patterns are matched once; they are added in the account's order.
    const { actors, groupOf, groups } = assumers(u, oracle, id);
    const matched = groups.map(
      (g) => g === 'any' || g.some((p) => wildcardMatches(p, roleArn, true)),
    );
    if (matched.some(Boolean))
      for (let i = 0; i < actors.length; i++) if (matched[groupOf[i]!]) out.add(actors[i]!.id);
  } else {
    const o = u.outsideAccounts.get(id);
    if (o) out.add(o.id);
  }
}

/** The nodes a trust policy's Allow statements could let in. */
function trustCandidates(u: Universe, role: Role, oracle: Oracle): Set<EntityId> {
  const doc = targetPolicies(u.design, role).policy?.document;
  const out = new Set<EntityId>();
  if (!doc) return out;
  const roleArn = u.arnOf(role.id);
  if (oracle.reference) {
    // Every node that can call STS, whatever the trust names.
    const d = u.design;
    for (const list of [d.users, d.roles, d.services, d.identityProviders, d.outsidePrincipals])
      for (const node of list) out.add(node.id);
    out.delete(role.id);
    return out;
  }
  // (Helpers at module level: closures made per role cost at 20,000 roles.)
  for (const s of statementsOf(doc)) {
    if (s.Effect !== 'Allow') continue;
    if ('NotPrincipal' in s) {
      addEveryone(u, out);
      continue;
    }
    for (const ref of principalsOf(s.Principal)) {
      if (ref.type === 'Service') {
        const svc = u.services.get(ref.value.toLowerCase());
        if (svc) out.add(svc.id);
      } else if (ref.type === 'Federated') {
        const p = u.federated.get(ref.value.toLowerCase());
        if (p) out.add(p.id);
      } else if (ref.value === '*') addEveryone(u, out);
      else if (/^\d{12}$/.test(ref.value)) addAccount(u, oracle, ref.value, roleArn, out);
      else if (/:root$/.test(ref.value)) {
        const id = arnAccount(ref.value);
        if (id) addAccount(u, oracle, id, roleArn, out);
      } else {
        const exact = u.byArn.get(ref.value);
        if (exact) out.add(exact);
        else {
          const session = /^arn:[^:]+:sts::(\d{12}):assumed-role\/([^/]+)\//.exec(ref.value);
          const roleOfSession =
            session &&
            u.design.roles.find((r) => r.name === session[2] && u.accountOf(r.id) === session[1]);
          if (roleOfSession) out.add(roleOfSession.id);
          else {
            const id = arnAccount(ref.value);
            if (id && !u.analysedAccounts.has(id)) {
              const o = u.outsideAccounts.get(id);
              if (o) out.add(o.id);
            }
          }
        }
      }
    }
  }
  out.delete(role.id);
  return out;
}

/** Every AssumeRole the design allows (or allows under named conditions), by role. */
export function assumeEdges(
  u: Universe,
  oracle: Oracle,
  onRole?: (done: number, total: number) => void,
): AssumeEdge[] {
  const edges: AssumeEdge[] = [];
  u.design.roles.forEach((role, i) => {
    for (const source of trustCandidates(u, role, oracle)) {
      const granted = oracle.assume(source, role.id);
      if (granted) edges.push({ source, role: role.id, needs: granted.needs });
    }
    if (onRole && i % 200 === 0) onRole(i, u.design.roles.length);
  });
  return edges;
}

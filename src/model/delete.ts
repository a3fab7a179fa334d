import { visit } from 'jsonc-parser';
import { arnOf } from './arn';
import { findEntity } from './lookup';
import { attachedPolicies } from './managed-policies';
import { allPolicyTexts } from './policy-texts';
import { principalRefOf } from './principal-ref';
import { deriveTrustEdges } from './trust-edges';
import { removeTrustPrincipal } from './trust-edit';
import {
  entityCollections,
  type Design,
  type Entity,
  type EntityId,
  type Group,
  type PolicySlot,
  type Role,
  type User,
} from './types';

/** A reference from an entity that stays to one that would be deleted. */
interface BrokenReference {
  /** The entity that holds the reference. */
  holderId: EntityId;
  /** The policy that names the deleted entity (absent for a group membership). */
  slot?: PolicySlot;
  kind: 'policy' | 'membership';
  /** The deleted entity referred to. */
  targetId: EntityId;
  message: string;
}

export interface DeleteReport {
  /** Everything that goes: the selection and the contents of selected accounts. */
  ids: EntityId[];
  breaks: BrokenReference[];
}

/** The selection plus every entity inside a selected account. */
function withContents(design: Design, ids: readonly EntityId[]): Set<EntityId> {
  const gone = new Set(ids.filter((id) => findEntity(design, id)));
  for (const collection of entityCollections) {
    for (const entity of design[collection] as Entity[]) {
      if ('account' in entity && gone.has(entity.account)) gone.add(entity.id);
    }
  }
  return gone;
}

/** The strings a policy uses to name an entity, and prefixes that name its parts. */
function namesOf(design: Design, entity: Entity): { exact: Set<string>; prefixes: string[] } {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  const arn = arnOf(design, entity);
  if (arn) exact.add(arn);
  const ref = principalRefOf(design, entity);
  if (ref && ref.value !== '*') exact.add(ref.value);
  if (entity.kind === 'account') exact.add(entity.awsAccountId);
  if (entity.kind === 'resource' && arn) prefixes.push(`${arn}/`, `${arn}:`);
  return { exact, prefixes };
}

/** What deleting these entities would break: policies that name them, group memberships. */
export function deleteReport(design: Design, ids: readonly EntityId[]): DeleteReport {
  const gone = withContents(design, ids);
  const breaks: BrokenReference[] = [];
  const targets = [...gone].flatMap((id) => {
    const entity = findEntity(design, id)!;
    const { exact, prefixes } = namesOf(design, entity);
    return exact.size > 0 || prefixes.length > 0 ? [{ entity, exact, prefixes }] : [];
  });
  for (const { entityId, slot, text } of allPolicyTexts(design)) {
    if (gone.has(entityId)) continue;
    const named = new Set<EntityId>();
    visit(text, {
      onLiteralValue: (value: unknown) => {
        if (typeof value !== 'string') return;
        for (const t of targets) {
          if (t.exact.has(value) || t.prefixes.some((p) => value.startsWith(p)))
            named.add(t.entity.id);
        }
      },
    });
    for (const targetId of named) {
      const holder = findEntity(design, entityId)!;
      const target = findEntity(design, targetId)!;
      breaks.push({
        holderId: entityId,
        slot,
        kind: 'policy',
        targetId,
        message: `${slotPhrase(design, holder, slot)} of \`${holder.name}\` names \`${target.name}\``,
      });
    }
  }
  // `*` is no name to search for: find the trust policies that let Anyone in by their edges.
  for (const edge of deriveTrustEdges(design)) {
    const source = findEntity(design, edge.source);
    if (
      source?.kind !== 'outside' ||
      source.scope !== 'anyone' ||
      !gone.has(source.id) ||
      gone.has(edge.target)
    )
      continue;
    const role = findEntity(design, edge.target)!;
    breaks.push({
      holderId: role.id,
      slot: { kind: 'trust' },
      kind: 'policy',
      targetId: source.id,
      message: `trust policy of \`${role.name}\` names \`${source.name}\``,
    });
  }
  for (const user of design.users) {
    if (gone.has(user.id)) continue;
    for (const groupId of user.groups) {
      if (!gone.has(groupId)) continue;
      const group = findEntity(design, groupId)!;
      breaks.push({
        holderId: user.id,
        kind: 'membership',
        targetId: groupId,
        message: `\`${user.name}\` is a member of \`${group.name}\``,
      });
    }
  }
  return { ids: [...gone], breaks };
}

/**
 * Deletes entities (with the contents of deleted accounts), their positions, drafts and group
 * memberships. With `removeTrust`, also removes them from the trust policies of the roles that stay;
 * other policies keep naming them (as AWS leaves them). Managed policies stay when their holders go
 * (as in IAM, a policy lives until it is deleted), except those of a deleted account.
 */
export function deleteEntities(
  design: Design,
  args: { ids: readonly EntityId[]; removeTrust?: boolean },
): Design {
  const gone = withContents(design, args.ids);
  if (gone.size === 0) return design;
  let next = design;
  if (args.removeTrust) {
    for (const role of design.roles) {
      if (gone.has(role.id)) continue;
      for (const id of gone) next = removeTrustPrincipal(next, role.id, id);
    }
  }
  const keep = <T extends { id: EntityId }>(list: T[]) => list.filter((e) => !gone.has(e.id));
  const policiesGone = new Set(
    next.managedPolicies
      .filter((p) => p.account !== undefined && gone.has(p.account))
      .map((p) => p.id),
  );
  const managedPolicies = policiesGone.size
    ? next.managedPolicies.filter((p) => !policiesGone.has(p.id))
    : next.managedPolicies;
  // Holders that stay lose attachments of the policies that went (only a broken design has any).
  const detach = <T extends User | Group | Role>(holder: T): T => {
    if (policiesGone.size === 0) return holder;
    const policies = holder.policies.filter((p) => !policiesGone.has(p.id));
    const boundaryGone =
      holder.kind !== 'group' &&
      holder.permissionsBoundary !== null &&
      policiesGone.has(holder.permissionsBoundary);
    if (policies.length === holder.policies.length && !boundaryGone) return holder;
    return { ...holder, policies, ...(boundaryGone ? { permissionsBoundary: null } : {}) };
  };
  const layout = Object.fromEntries(Object.entries(next.layout).filter(([id]) => !gone.has(id)));
  const drafts = Object.fromEntries(
    Object.entries(next.drafts).filter(([, d]) => !gone.has(d.entityId)),
  );
  return {
    ...next,
    accounts: keep(next.accounts),
    users: keep(next.users).map((u) =>
      detach(
        u.groups.some((g) => gone.has(g))
          ? { ...u, groups: u.groups.filter((g) => !gone.has(g)) }
          : u,
      ),
    ),
    groups: keep(next.groups).map(detach),
    roles: keep(next.roles).map(detach),
    services: keep(next.services),
    identityProviders: keep(next.identityProviders),
    outsidePrincipals: keep(next.outsidePrincipals),
    resources: keep(next.resources),
    managedPolicies,
    layout,
    drafts,
  };
}

/** `trust policy`, `policy \`Name\``, `SCP \`Name\``… for messages. */
function slotPhrase(design: Design, holder: Entity, slot: PolicySlot): string {
  switch (slot.kind) {
    case 'trust':
      return 'trust policy';
    case 'resource':
      return 'resource policy';
    case 'boundary':
      return 'permissions boundary';
    case 'permission': {
      const policy =
        holder.kind === 'user' || holder.kind === 'group' || holder.kind === 'role'
          ? attachedPolicies(design, holder).find((p) => p.id === slot.policyId)
          : undefined;
      return `policy \`${policy?.name ?? slot.policyId}\``;
    }
    case 'scp':
    case 'rcp': {
      const level =
        holder.kind === 'account'
          ? holder.organization?.find((l) => l.id === slot.levelId)
          : undefined;
      const policy = level?.[slot.kind === 'scp' ? 'scps' : 'rcps'].find(
        (p) => p.id === slot.policyId,
      );
      return `${slot.kind.toUpperCase()} \`${policy?.name ?? slot.policyId}\``;
    }
  }
}

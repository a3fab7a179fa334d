import { normalisePath } from './arn';
import { layoutEdited } from './layout-edits';
import { findEntity } from './lookup';
import { propagateArnChanges } from './propagate';
import {
  collectionOf,
  type Design,
  type Entity,
  type EntityId,
  type OrganizationLevel,
  type Position,
  type Tags,
  type User,
} from './types';

/** Fields an update may change, per entity kind (never `kind` or `id`). */
export type EntityPatch = {
  [K in Entity as K['kind']]: Partial<Omit<K, 'kind' | 'id'>>;
}[Entity['kind']];

/** Replaces one entity (same id, same kind) in its collection. */
export function replaceEntity(design: Design, entity: Entity): Design {
  const key = collectionOf[entity.kind];
  const list = design[key] as Entity[];
  const index = list.findIndex((e) => e.id === entity.id);
  if (index < 0 || list[index] === entity) return design;
  const next = list.slice();
  next[index] = entity;
  return { ...design, [key]: next };
}

/** Adds an entity (and its position). Unchanged when its id is taken. */
export function addEntity(design: Design, args: { entity: Entity; position?: Position }): Design {
  if (findEntity(design, args.entity.id)) return design;
  const key = collectionOf[args.entity.kind];
  const next = { ...design, [key]: [...(design[key] as Entity[]), args.entity] };
  if (!args.position) return next;
  const layout = { ...design.layout, [args.entity.id]: args.position };
  return { ...next, layout: layoutEdited(design.layout, layout, [args.entity.id]) };
}

/**
 * Changes fields of an entity. A change of ARN (name, path, account, account id) rewrites every
 * policy that named the old ARN.
 */
export function updateEntity(design: Design, args: { id: EntityId; patch: EntityPatch }): Design {
  const entity = findEntity(design, args.id);
  if (!entity) return design;
  const patch = { ...args.patch } as Record<string, unknown>;
  delete patch.kind;
  delete patch.id;
  if (typeof patch.path === 'string') patch.path = normalisePath(patch.path);
  if (entity.kind === 'account' && typeof patch.name === 'string') {
    // The account's own level of its organization path goes by the account's name.
    const levels = (patch.organization as OrganizationLevel[] | undefined) ?? entity.organization;
    const name = patch.name;
    if (levels?.some((l) => l.kind === 'account' && l.name !== name))
      patch.organization = levels.map((l) => (l.kind === 'account' ? { ...l, name } : l));
  }
  const changed = Object.keys(patch).some(
    (k) => patch[k] !== (entity as unknown as Record<string, unknown>)[k],
  );
  if (!changed) return design;
  const after = replaceEntity(design, { ...entity, ...patch } as Entity);
  return propagateArnChanges(design, after);
}

export function renameEntity(design: Design, args: { id: EntityId; name: string }): Design {
  return updateEntity(design, { id: args.id, patch: { name: args.name } });
}

export function setPath(design: Design, args: { id: EntityId; path: string }): Design {
  const entity = findEntity(design, args.id);
  if (entity?.kind !== 'user' && entity?.kind !== 'group' && entity?.kind !== 'role') return design;
  return updateEntity(design, { id: args.id, patch: { path: args.path } });
}

export function setAwsAccountId(
  design: Design,
  args: { id: EntityId; awsAccountId: string },
): Design {
  const entity = findEntity(design, args.id);
  if (entity?.kind !== 'account' && !(entity?.kind === 'outside' && entity.scope === 'account'))
    return design;
  return updateEntity(design, { id: args.id, patch: { awsAccountId: args.awsAccountId } });
}

/**
 * Moves an account-scoped entity into another account: its ARN changes and every policy that
 * named it follows. Group memberships that would cross accounts are dropped.
 */
export function moveEntity(design: Design, args: { id: EntityId; account: EntityId }): Design {
  const entity = findEntity(design, args.id);
  const target = findEntity(design, args.account);
  if (
    !entity ||
    target?.kind !== 'account' ||
    !('account' in entity) ||
    entity.account === args.account
  )
    return design;
  let next = updateEntity(design, { id: entity.id, patch: { account: args.account } });
  if (entity.kind === 'user') {
    const groups = entity.groups.filter(
      (g) =>
        findEntity(design, g)?.kind === 'group' &&
        (findEntity(design, g) as { account: string }).account === args.account,
    );
    next = replaceEntity(next, { ...(findEntity(next, entity.id) as User), groups });
  }
  if (entity.kind === 'group') {
    next = {
      ...next,
      users: next.users.map((u) =>
        u.groups.includes(entity.id) && u.account !== args.account
          ? { ...u, groups: u.groups.filter((g) => g !== entity.id) }
          : u,
      ),
    };
  }
  return next;
}

export function setTags(design: Design, args: { id: EntityId; tags: Tags }): Design {
  const entity = findEntity(design, args.id);
  if (entity?.kind !== 'user' && entity?.kind !== 'role' && entity?.kind !== 'resource')
    return design;
  return replaceEntity(design, { ...entity, tags: { ...args.tags } });
}

export const MIN_SESSION_DURATION = 3600;
export const MAX_SESSION_DURATION = 43200;

/** Sets a role's MaxSessionDuration, rounded and held within 3600..43200 seconds as IAM requires. */
export function setMaxSessionDuration(
  design: Design,
  args: { id: EntityId; seconds: number },
): Design {
  const role = findEntity(design, args.id);
  if (role?.kind !== 'role' || !Number.isFinite(args.seconds)) return design;
  const seconds = Math.min(
    MAX_SESSION_DURATION,
    Math.max(MIN_SESSION_DURATION, Math.round(args.seconds)),
  );
  return role.maxSessionDuration === seconds
    ? design
    : replaceEntity(design, { ...role, maxSessionDuration: seconds });
}

export function setDescription(
  design: Design,
  args: { id: EntityId; description: string },
): Design {
  const role = findEntity(design, args.id);
  return role?.kind === 'role'
    ? replaceEntity(design, { ...role, description: args.description })
    : design;
}

export function setGroupMembership(
  design: Design,
  args: { userId: EntityId; groupId: EntityId; member: boolean },
): Design {
  const user = findEntity(design, args.userId);
  const group = findEntity(design, args.groupId);
  if (user?.kind !== 'user' || group?.kind !== 'group') return design;
  const has = user.groups.includes(group.id);
  if (has === args.member || (args.member && group.account !== user.account)) return design;
  const groups = args.member
    ? [...user.groups, group.id]
    : user.groups.filter((g) => g !== group.id);
  return replaceEntity(design, { ...user, groups });
}

/** Merges node positions into the layout (ids not in the design are ignored). */
export function setPositions(
  design: Design,
  args: { positions: Record<EntityId, Position> },
): Design {
  const layout = { ...design.layout };
  const changed: EntityId[] = [];
  for (const [id, position] of Object.entries(args.positions)) {
    if (!findEntity(design, id)) continue;
    const old = layout[id];
    if (
      old &&
      old.x === position.x &&
      old.y === position.y &&
      old.width === position.width &&
      old.height === position.height
    )
      continue;
    layout[id] = position;
    changed.push(id);
  }
  return changed.length > 0
    ? { ...design, layout: layoutEdited(design.layout, layout, changed) }
    : design;
}

export function renameDesign(design: Design, args: { name: string }): Design {
  return design.name === args.name ? design : { ...design, name: args.name };
}

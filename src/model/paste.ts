import { newId, type IdSource } from './ids';
import { findEntity } from './lookup';
import { findManagedPolicy, managedRecordsOf } from './managed-policies';
import {
  collectionOf,
  entityCollections,
  type Design,
  type Entity,
  type EntityId,
  type ManagedPolicy,
  type OrganizationLevel,
  type PolicyAttachment,
  type Position,
  type StoredPolicy,
} from './types';

/** What copy puts on the clipboard: entities with their positions (self-contained, plain JSON). */
export interface Clipboard {
  entities: Entity[];
  layout: Record<EntityId, Position>;
  /** The managed policies the copied users, groups and roles attach. */
  managedPolicies?: ManagedPolicy[];
}

/** Copies the selection; a selected account brings everything inside it. */
export function copyEntities(design: Design, ids: readonly EntityId[]): Clipboard {
  const chosen = new Set(ids.filter((id) => findEntity(design, id)));
  for (const collection of entityCollections) {
    for (const entity of design[collection] as Entity[])
      if ('account' in entity && chosen.has(entity.account)) chosen.add(entity.id);
  }
  const entities = entityCollections.flatMap((c) =>
    (design[c] as Entity[]).filter((e) => chosen.has(e.id)),
  );
  const layout: Record<EntityId, Position> = {};
  for (const id of chosen) if (design.layout[id]) layout[id] = design.layout[id]!;
  const managed = new Map<EntityId, ManagedPolicy>();
  for (const e of entities)
    if (e.kind === 'user' || e.kind === 'group' || e.kind === 'role')
      for (const p of managedRecordsOf(design, e)) managed.set(p.id, p);
  return structuredClone({ entities, layout, managedPolicies: [...managed.values()] });
}

export interface PasteArgs {
  clipboard: Clipboard;
  /** Added to every pasted position; default 40, 40. */
  offset?: { x: number; y: number };
  /** Account for pasted entities whose account is neither pasted nor in the design. */
  targetAccount?: EntityId;
  ids?: IdSource;
}

export interface PasteResult {
  design: Design;
  /** Clipboard id to the id it has in the design (a fresh one, or the existing node it merged into). */
  idMap: Map<EntityId, EntityId>;
}

/**
 * Pastes entities with fresh ids (their policies too). References among pasted entities follow
 * the copies; names that would clash in an account get `-copy`; a service, Anyone or outside
 * account that already exists is reused rather than doubled. A managed policy stays shared: a
 * holder pasted into an account attaches the account's policy of that name (or the AWS managed
 * one) when there is one, else one copy of it per account.
 */
export function pasteEntitiesWithIds(design: Design, args: PasteArgs): PasteResult {
  const ids = args.ids ?? newId;
  const offset = args.offset ?? { x: 40, y: 40 };
  const idMap = new Map<EntityId, EntityId>();
  const entities = structuredClone(args.clipboard.entities);
  for (const entity of entities) {
    const existing = existingEquivalent(design, entity);
    idMap.set(entity.id, existing ?? ids(prefixOf(entity)));
  }
  const fallbackAccount = args.targetAccount ?? design.accounts[0]?.id;
  const taken = new Set(design.accounts.map((a) => a.awsAccountId));
  const names = new Set<string>();
  const nameKey = (e: Entity, account: string) => `${e.kind}|${account}|${e.name.toLowerCase()}`;
  for (const collection of entityCollections) {
    for (const e of design[collection] as Entity[])
      if ('account' in e) names.add(nameKey(e, e.account));
  }

  let next = design;
  const clipped = new Map((args.clipboard.managedPolicies ?? []).map((p) => [p.id, p]));
  const placed = new Map<string, EntityId | undefined>();
  /** The id, in the design, of the managed policy `id` for a holder in `account`. */
  const place = (id: EntityId, account: EntityId): EntityId | undefined => {
    const key = `${id}\n${account}`;
    if (placed.has(key)) return placed.get(key);
    const source = clipped.get(id) ?? findManagedPolicy(design, id);
    let out: EntityId | undefined;
    if (source) {
      const aws = source.type === 'aws-managed';
      const same = (p: ManagedPolicy) =>
        p.type === source.type &&
        (aws || p.account === account) &&
        p.name.toLowerCase() === source.name.toLowerCase();
      const existing =
        next.managedPolicies.find((p) => p.id === id && same(p)) ?? next.managedPolicies.find(same);
      if (existing) out = existing.id;
      else {
        const copy: ManagedPolicy = { ...structuredClone(source), id: ids('managed') };
        if (!aws) copy.account = account;
        next = { ...next, managedPolicies: [...next.managedPolicies, copy] };
        out = copy.id;
      }
    }
    placed.set(key, out);
    return out;
  };
  const attachment = (p: PolicyAttachment, account: EntityId): PolicyAttachment[] => {
    if (p.attachment === 'inline') return [freshPolicy(p, ids)];
    const id = place(p.id, account);
    return id ? [{ attachment: 'managed', id }] : [];
  };
  const layout = { ...design.layout };
  for (const original of entities) {
    const id = idMap.get(original.id)!;
    if (findEntity(design, id)) continue; // merged into an existing node
    let entity: Entity = { ...original, id };
    if (entity.kind === 'account') {
      let awsId = entity.awsAccountId;
      while (taken.has(awsId)) awsId = String((Number(awsId) + 1) % 1e12).padStart(12, '0');
      taken.add(awsId);
      entity = {
        ...entity,
        awsAccountId: awsId,
        organization: entity.organization?.map((l) => freshLevel(l, ids)),
      };
      if (entity.organization === undefined) delete entity.organization;
    }
    if ('account' in entity) {
      const account =
        idMap.get(entity.account) ??
        (findEntity(design, entity.account) ? entity.account : fallbackAccount);
      if (account === undefined) continue;
      let name = entity.name;
      for (let n = 1; names.has(nameKey({ ...entity, name }, account)); n++)
        name = `${entity.name}-copy${n > 1 ? n : ''}`;
      names.add(nameKey({ ...entity, name }, account));
      entity = { ...entity, account, name };
    }
    if (entity.kind === 'user' || entity.kind === 'group' || entity.kind === 'role') {
      const account = entity.account;
      entity = { ...entity, policies: entity.policies.flatMap((p) => attachment(p, account)) };
    }
    if (entity.kind === 'user' || entity.kind === 'role') {
      const boundary = entity.permissionsBoundary;
      entity = {
        ...entity,
        permissionsBoundary: boundary === null ? null : (place(boundary, entity.account) ?? null),
      };
    }
    const collection = collectionOf[entity.kind];
    next = { ...next, [collection]: [...(next[collection] as Entity[]), entity] };
    const position = args.clipboard.layout[original.id];
    if (position) layout[id] = { ...position, x: position.x + offset.x, y: position.y + offset.y };
  }
  // Group memberships: follow pasted groups, keep existing ones in the same account, drop the rest.
  next = {
    ...next,
    users: next.users.map((u) => {
      if (findEntity(design, u.id)) return u;
      const groups = u.groups
        .map((g) => idMap.get(g) ?? g)
        .filter((g) => {
          const group = next.groups.find((x) => x.id === g);
          return group !== undefined && group.account === u.account;
        });
      return { ...u, groups };
    }),
    layout,
  };
  return { design: next, idMap };
}

function existingEquivalent(design: Design, entity: Entity): EntityId | undefined {
  if (entity.kind === 'service')
    return design.services.find((s) => s.name.toLowerCase() === entity.name.toLowerCase())?.id;
  if (entity.kind === 'outside') {
    return design.outsidePrincipals.find((o) =>
      entity.scope === 'anyone'
        ? o.scope === 'anyone'
        : o.scope === 'account' && o.awsAccountId === entity.awsAccountId,
    )?.id;
  }
  return undefined;
}

function prefixOf(entity: Entity): string {
  return entity.kind === 'identity-provider' ? 'idp' : entity.kind;
}

function freshPolicy<P extends StoredPolicy>(policy: P, ids: IdSource): P {
  return { ...policy, id: ids('policy') };
}

function freshLevel(level: OrganizationLevel, ids: IdSource): OrganizationLevel {
  return {
    ...level,
    id: ids('level'),
    scps: level.scps.map((p) => freshPolicy(p, ids)),
    rcps: level.rcps.map((p) => freshPolicy(p, ids)),
  };
}

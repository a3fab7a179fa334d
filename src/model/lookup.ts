import { onEntities } from './entity-memo';
import { entityCollections, type Account, type Design, type Entity, type EntityId } from './types';

/** Fast lookups over a design; built once per set of entities (designs are immutable). */
export interface DesignIndex {
  byId: ReadonlyMap<EntityId, Entity>;
  /** Account entity by its 12-digit AWS account id. */
  accountByAwsId: ReadonlyMap<string, Account>;
}

/** The lookups of a design; a design that differs only in layout, name or drafts shares them. */
export const indexOf = onEntities((design: Design): DesignIndex => {
  const byId = new Map<EntityId, Entity>();
  for (const collection of entityCollections) {
    for (const entity of design[collection] as Entity[]) byId.set(entity.id, entity);
  }
  const accountByAwsId = new Map<string, Account>();
  for (const account of design.accounts) {
    if (!accountByAwsId.has(account.awsAccountId))
      accountByAwsId.set(account.awsAccountId, account);
  }
  return { byId, accountByAwsId };
});

export function findEntity(design: Design, id: EntityId): Entity | undefined {
  return indexOf(design).byId.get(id);
}

/** Every entity of the design, accounts first. */
export function allEntities(design: Design): Entity[] {
  return entityCollections.flatMap((c) => design[c] as Entity[]);
}

/** The account an entity lives in (itself for an account), if any. */
export function accountOf(design: Design, entity: Entity): Account | undefined {
  if (entity.kind === 'account') return entity;
  if ('account' in entity) {
    const account = findEntity(design, entity.account);
    return account?.kind === 'account' ? account : undefined;
  }
  return undefined;
}

/** Display name of an entity for lists and messages. */
export function displayName(entity: Entity): string {
  return entity.name;
}

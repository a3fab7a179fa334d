/**
 * Commands on an account's AWS Organizations path (root → OUs → account) and the SCPs and RCPs
 * attached at each level. Removing a level or a policy drops the drafts of its policy slots.
 */
import { replaceEntity } from './entity-commands';
import { findEntity } from './lookup';
import type {
  Account,
  Design,
  EntityId,
  OrganizationLevel,
  PolicySlot,
  StoredPolicy,
} from './types';

export type OrganizationPolicyKind = 'scp' | 'rcp';
type OrganizationSlot = Extract<PolicySlot, { kind: OrganizationPolicyKind }>;

const fieldOf = { scp: 'scps', rcp: 'rcps' } as const;

function accountIn(design: Design, accountId: EntityId): Account | undefined {
  const account = findEntity(design, accountId);
  return account?.kind === 'account' ? account : undefined;
}

/** Replaces the account's levels, unless `levels` is the list it has. */
function withLevels(design: Design, account: Account, levels: OrganizationLevel[]): Design {
  return levels === account.organization
    ? design
    : replaceEntity(design, { ...account, organization: levels });
}

function mapLevel(
  design: Design,
  accountId: EntityId,
  levelId: EntityId,
  change: (level: OrganizationLevel) => OrganizationLevel,
): Design {
  const account = accountIn(design, accountId);
  const levels = account?.organization;
  if (!account || !levels) return design;
  let changed = false;
  const next = levels.map((level) => {
    if (level.id !== levelId) return level;
    const after = change(level);
    if (after !== level) changed = true;
    return after;
  });
  return changed ? withLevels(design, account, next) : design;
}

/** Drops the account's SCP and RCP drafts that match. */
function dropDrafts(
  design: Design,
  accountId: EntityId,
  matches: (slot: OrganizationSlot) => boolean,
): Design {
  const keys = Object.keys(design.drafts).filter((key) => {
    const draft = design.drafts[key]!;
    return (
      draft.entityId === accountId &&
      (draft.slot.kind === 'scp' || draft.slot.kind === 'rcp') &&
      matches(draft.slot)
    );
  });
  if (keys.length === 0) return design;
  const drafts = { ...design.drafts };
  for (const key of keys) delete drafts[key];
  return { ...design, drafts };
}

/**
 * Inserts an OU level into an account's organization path, directly above `before` (by default
 * above the account's own level, so below every OU already there).
 */
export function addOrganizationUnit(
  design: Design,
  args: { accountId: EntityId; level: OrganizationLevel; before?: EntityId },
): Design {
  const account = accountIn(design, args.accountId);
  const levels = account?.organization;
  if (!account || !levels || args.level.kind !== 'ou') return design;
  if (levels.some((l) => l.id === args.level.id)) return design;
  const beforeId = args.before ?? levels.find((l) => l.kind === 'account')?.id;
  const at = levels.findIndex((l) => l.id === beforeId);
  // Nothing goes above the root.
  const index = at <= 0 ? levels.length : at;
  return withLevels(design, account, [
    ...levels.slice(0, index),
    args.level,
    ...levels.slice(index),
  ]);
}

/** Removes an OU level (the root and the account level stay while the account is in the organization). */
export function removeOrganizationUnit(
  design: Design,
  args: { accountId: EntityId; levelId: EntityId },
): Design {
  const account = accountIn(design, args.accountId);
  const levels = account?.organization;
  const level = levels?.find((l) => l.id === args.levelId);
  if (!account || !levels || level?.kind !== 'ou') return design;
  const next = withLevels(
    design,
    account,
    levels.filter((l) => l.id !== args.levelId),
  );
  return dropDrafts(next, account.id, (slot) => slot.levelId === level.id);
}

export function renameOrganizationLevel(
  design: Design,
  args: { accountId: EntityId; levelId: EntityId; name: string },
): Design {
  return mapLevel(design, args.accountId, args.levelId, (level) =>
    level.name === args.name ? level : { ...level, name: args.name },
  );
}

/** Attaches an SCP or RCP at one level. */
export function addOrganizationPolicy(
  design: Design,
  args: {
    accountId: EntityId;
    levelId: EntityId;
    kind: OrganizationPolicyKind;
    policy: StoredPolicy;
  },
): Design {
  const field = fieldOf[args.kind];
  return mapLevel(design, args.accountId, args.levelId, (level) =>
    level[field].some((p) => p.id === args.policy.id)
      ? level
      : { ...level, [field]: [...level[field], args.policy] },
  );
}

/** Detaches an SCP or RCP from a level, and drops its draft. */
export function removeOrganizationPolicy(
  design: Design,
  args: {
    accountId: EntityId;
    levelId: EntityId;
    kind: OrganizationPolicyKind;
    policyId: EntityId;
  },
): Design {
  const field = fieldOf[args.kind];
  const next = mapLevel(design, args.accountId, args.levelId, (level) =>
    level[field].some((p) => p.id === args.policyId)
      ? { ...level, [field]: level[field].filter((p) => p.id !== args.policyId) }
      : level,
  );
  if (next === design) return design;
  return dropDrafts(
    next,
    args.accountId,
    (slot) =>
      slot.kind === args.kind && slot.levelId === args.levelId && slot.policyId === args.policyId,
  );
}

export function renameOrganizationPolicy(
  design: Design,
  args: {
    accountId: EntityId;
    levelId: EntityId;
    kind: OrganizationPolicyKind;
    policyId: EntityId;
    name: string;
  },
): Design {
  const field = fieldOf[args.kind];
  return mapLevel(design, args.accountId, args.levelId, (level) => {
    const policy = level[field].find((p) => p.id === args.policyId);
    if (!policy || policy.name === args.name) return level;
    return {
      ...level,
      [field]: level[field].map((p) => (p === policy ? { ...p, name: args.name } : p)),
    };
  });
}

/** Puts an account into an organization with this path (see `makeOrganizationPath`). */
export function joinOrganization(
  design: Design,
  args: { accountId: EntityId; organization: OrganizationLevel[] },
): Design {
  const account = accountIn(design, args.accountId);
  if (!account || account.organization || args.organization.length === 0) return design;
  return withLevels(design, account, args.organization);
}

/** Takes an account out of its organization, with every SCP and RCP and their drafts. */
export function leaveOrganization(design: Design, args: { accountId: EntityId }): Design {
  const account = accountIn(design, args.accountId);
  if (!account?.organization) return design;
  const rest: Account = { ...account };
  delete rest.organization;
  const next = replaceEntity(design, rest);
  return dropDrafts(next, account.id, () => true);
}

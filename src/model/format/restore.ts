import { MAX_DESIGN_DEPTH, scanValueDepth } from '../../engine';
import { EMPTY_POLICY_TEXT, draftKey } from '../policy-text';
import {
  FORMAT_VERSION,
  type Design,
  type Entity,
  type PolicyDraft,
  type PolicySlot,
  type Position,
} from '../types';
import { migrate } from './migrations';
import {
  RestoreError,
  fail,
  isRecord,
  list,
  nonEmpty,
  number,
  oneOf,
  record,
  show,
  string,
} from './read';
import {
  readAccount,
  readGroup,
  readIdentityProvider,
  readManagedPolicy,
  readOutside,
  readResource,
  readRole,
  readService,
  readUser,
} from './restore-entities';

const FILE_FORMAT = 'rolecraft';
export const FILE_EXTENSION = '.rolecraft.json';

/** The file envelope of a saved design. */
export interface DesignFile {
  format: typeof FILE_FORMAT;
  formatVersion: number;
  design: Design;
}

export type Restored =
  | {
      ok: true;
      design: Design;
      /** Set when the record came from a newer app (`formatVersion` above ours), read as far as we can: open it read-only. */
      newerVersion?: number;
    }
  | { ok: false; reason: string };

/** Wraps a design for saving. */
export function toDesignFile(design: Design): DesignFile {
  return {
    format: FILE_FORMAT,
    formatVersion: FORMAT_VERSION,
    design: { ...design, formatVersion: FORMAT_VERSION },
  };
}

/**
 * Checks and normalises a loaded design file (`{ format: 'rolecraft', formatVersion, design }`):
 * migrates older versions, fills defaults, and refuses anything broken with a specific reason.
 */
export function restore(input: unknown): Restored {
  return guarded(input, 'file', () => {
    if (!isRecord(input))
      fail(`not a Rolecraft design file: expected a JSON object, got \`${show(input)}\``);
    if (input.format === undefined) fail('not a Rolecraft design file: `format` is missing');
    if (input.format !== FILE_FORMAT)
      fail(
        `not a Rolecraft design file: \`format\` is \`${show(input.format)}\`, expected \`${FILE_FORMAT}\``,
      );
    const version = number(input.formatVersion, 'formatVersion');
    const design = record(input.design, 'design');
    return readDesign(migrate(design, version));
  });
}

/**
 * Checks and normalises a bare design object (as kept in browser storage), migrating by its own
 * `formatVersion`. With `readNewer`, a design from a newer app is read as far as this version
 * understands it and marked `newerVersion` (to be opened read-only, never saved over).
 */
export function restoreDesign(input: unknown, options: { readNewer?: boolean } = {}): Restored {
  let newerVersion: number | undefined;
  const restored = guarded(input, 'design', () => {
    const design = record(input, 'design');
    const version = number(design.formatVersion, 'design.formatVersion');
    if (options.readNewer && Number.isInteger(version) && version > FORMAT_VERSION) {
      newerVersion = version;
      return readDesign({ ...design, formatVersion: FORMAT_VERSION });
    }
    return readDesign(migrate(design, version));
  });
  return restored.ok && newerVersion !== undefined ? { ...restored, newerVersion } : restored;
}

/**
 * Runs a reader on input that was first walked once without recursion (depth and reference
 * cycles: a stored record is a structured clone and may hold either). Whatever else goes wrong
 * becomes a reason too: a design that cannot be read is refused, never thrown.
 */
function guarded(input: unknown, root: string, read: () => Design): Restored {
  try {
    const problem = scanValueDepth(input, MAX_DESIGN_DEPTH, root);
    if (problem) return { ok: false, reason: problem.message };
    return { ok: true, design: read() };
  } catch (error) {
    if (error instanceof RestoreError) return { ok: false, reason: error.message };
    return { ok: false, reason: `the design could not be read: ${(error as Error).message}` };
  }
}

function readDesign(raw: Record<string, unknown>): Design {
  const at = (key: string) => `design.${key}`;
  const design: Design = {
    formatVersion: FORMAT_VERSION,
    id: nonEmpty(raw.id, at('id')),
    name: string(raw.name, at('name'), 'Untitled design'),
    accounts: list(raw.accounts, at('accounts')).map((v, i) =>
      readAccount(v, `${at('accounts')}[${i}]`),
    ),
    users: list(raw.users, at('users')).map((v, i) => readUser(v, `${at('users')}[${i}]`)),
    groups: list(raw.groups, at('groups')).map((v, i) => readGroup(v, `${at('groups')}[${i}]`)),
    roles: list(raw.roles, at('roles')).map((v, i) =>
      readRole(v, `${at('roles')}[${i}]`, EMPTY_POLICY_TEXT),
    ),
    services: list(raw.services, at('services')).map((v, i) =>
      readService(v, `${at('services')}[${i}]`),
    ),
    identityProviders: list(raw.identityProviders, at('identityProviders')).map((v, i) =>
      readIdentityProvider(v, `${at('identityProviders')}[${i}]`),
    ),
    outsidePrincipals: list(raw.outsidePrincipals, at('outsidePrincipals')).map((v, i) =>
      readOutside(v, `${at('outsidePrincipals')}[${i}]`),
    ),
    resources: list(raw.resources, at('resources')).map((v, i) =>
      readResource(v, `${at('resources')}[${i}]`),
    ),
    managedPolicies: list(raw.managedPolicies, at('managedPolicies')).map((v, i) =>
      readManagedPolicy(v, `${at('managedPolicies')}[${i}]`),
    ),
    layout: {},
    drafts: {},
  };
  const entities = checkReferences(design);
  design.layout = readLayout(raw.layout, entities);
  design.drafts = readDrafts(raw.drafts, entities);
  return design;
}

/** Unique ids, accounts that exist, memberships in groups of the same account. */
function checkReferences(design: Design): Map<string, Entity> {
  const byId = new Map<string, Entity>();
  const all: Entity[] = [
    ...design.accounts,
    ...design.users,
    ...design.groups,
    ...design.roles,
    ...design.services,
    ...design.identityProviders,
    ...design.outsidePrincipals,
    ...design.resources,
  ];
  for (const entity of all) {
    // Ids key plain objects (layout, drafts): names every object already has are refused.
    if (entity.id in Object.prototype) fail(`the entity id \`${entity.id}\` is reserved`);
    if (byId.has(entity.id)) fail(`two entities share the id \`${entity.id}\``);
    byId.set(entity.id, entity);
  }
  for (const entity of all) {
    if (!('account' in entity)) continue;
    if (byId.get(entity.account)?.kind !== 'account')
      fail(
        `${entity.kind} \`${entity.name}\` is in account \`${entity.account}\`, which is not in the design`,
      );
  }
  for (const user of design.users) {
    for (const groupId of user.groups) {
      const group = byId.get(groupId);
      if (group?.kind !== 'group')
        fail(
          `user \`${user.name}\` is a member of \`${groupId}\`, which is not a group of the design`,
        );
      if (group.account !== user.account)
        fail(`user \`${user.name}\` is a member of \`${group.name}\`, a group of another account`);
    }
  }
  checkManagedPolicies(design, byId);
  return byId;
}

/** Unique managed policy ids, their accounts, and attachments that name an existing one. */
function checkManagedPolicies(design: Design, byId: Map<string, Entity>): void {
  const managed = new Set<string>();
  for (const policy of design.managedPolicies) {
    if (policy.id in Object.prototype) fail(`the managed policy id \`${policy.id}\` is reserved`);
    if (managed.has(policy.id)) fail(`two managed policies share the id \`${policy.id}\``);
    managed.add(policy.id);
    if (policy.account !== undefined && byId.get(policy.account)?.kind !== 'account')
      fail(
        `managed policy \`${policy.name}\` is in account \`${policy.account}\`, which is not in the design`,
      );
  }
  for (const holder of [...design.users, ...design.groups, ...design.roles]) {
    for (const p of holder.policies)
      if (p.attachment === 'managed' && !managed.has(p.id))
        fail(
          `${holder.kind} \`${holder.name}\` attaches \`${p.id}\`, which is not a managed policy of the design`,
        );
    if (holder.kind !== 'group' && holder.permissionsBoundary !== null)
      if (!managed.has(holder.permissionsBoundary))
        fail(
          `${holder.kind} \`${holder.name}\` has boundary \`${holder.permissionsBoundary}\`, which is not a managed policy of the design`,
        );
  }
}

/** Positions of entities that exist; entries for unknown ids are dropped. */
function readLayout(value: unknown, entities: Map<string, Entity>): Record<string, Position> {
  if (value === undefined) return {};
  const layout: Record<string, Position> = {};
  for (const [id, raw] of Object.entries(record(value, 'design.layout'))) {
    if (!entities.has(id)) continue;
    const at = `design.layout.${id}`;
    const position = record(raw, at);
    const out: Position = { x: number(position.x, `${at}.x`), y: number(position.y, `${at}.y`) };
    if (position.width !== undefined) out.width = number(position.width, `${at}.width`);
    if (position.height !== undefined) out.height = number(position.height, `${at}.height`);
    layout[id] = out;
  }
  return layout;
}

/** Drafts of entities that exist, re-keyed from their contents. */
function readDrafts(value: unknown, entities: Map<string, Entity>): Record<string, PolicyDraft> {
  if (value === undefined) return {};
  const drafts: Record<string, PolicyDraft> = {};
  for (const [key, raw] of Object.entries(record(value, 'design.drafts'))) {
    const at = `design.drafts.${key}`;
    const draft = record(raw, at);
    const entityId = string(draft.entityId, `${at}.entityId`);
    if (!entities.has(entityId)) continue;
    const slot = readSlot(draft.slot, `${at}.slot`);
    drafts[draftKey(entityId, slot)] = { entityId, slot, text: string(draft.text, `${at}.text`) };
  }
  return drafts;
}

function readSlot(value: unknown, at: string): PolicySlot {
  const raw = record(value, at);
  const kind = oneOf(raw.kind, `${at}.kind`, [
    'trust',
    'resource',
    'boundary',
    'permission',
    'scp',
    'rcp',
  ] as const);
  switch (kind) {
    case 'trust':
    case 'resource':
    case 'boundary':
      return { kind };
    case 'permission':
      return { kind, policyId: nonEmpty(raw.policyId, `${at}.policyId`) };
    case 'scp':
    case 'rcp':
      return {
        kind,
        levelId: nonEmpty(raw.levelId, `${at}.levelId`),
        policyId: nonEmpty(raw.policyId, `${at}.policyId`),
      };
  }
}

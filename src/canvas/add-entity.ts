import {
  accountOf,
  addEntity,
  findEntity,
  makeAccount,
  makeGroup,
  makeOidcProvider,
  makeResource,
  makeRole,
  makeSamlProvider,
  makeService,
  makeUser,
  resourceTypes,
  uniqueName,
  type Design,
  type Entity,
  type EntityId,
  type IdentityProviderPreset,
  type Position,
} from '../model';
import {
  ACCOUNT_HEADER,
  ACCOUNT_PADDING,
  ENTITY_HEIGHT,
  ENTITY_WIDTH,
  type Frame,
} from './geometry';
import { accountFrames, entityPositions } from './nodes/build-nodes';

export type AddableKind =
  'account' | 'user' | 'group' | 'role' | 'service' | 'identity-provider' | 'resource';

/** Across a slot: an entity and the padding on both sides of it. */
const SLOT_WIDTH = ENTITY_WIDTH + ACCOUNT_PADDING * 2;
const ROW_GAP = 56;
const ACCOUNT_GAP = 80;
/**
 * A design's first account has two columns of slots; each account added beside it one column
 * (it widens as entities are placed in it). So two accounts side by side, 780 wide, fit the
 * canvas of a 1280x720 screen at the readable zoom (about 850 x 420 of room there, see
 * `READABLE_ZOOM`), each name read at 12 px, where two of 520 did not.
 */
const FIRST_ACCOUNT_SIZE = { width: ACCOUNT_PADDING + 2 * SLOT_WIDTH, height: 300 };
const NEXT_ACCOUNT_SIZE = { width: ACCOUNT_PADDING + SLOT_WIDTH, height: 300 };

function nextAwsAccountId(design: Design): string {
  const taken = new Set([
    ...design.accounts.map((a) => a.awsAccountId),
    ...design.outsidePrincipals.flatMap((o) => (o.scope === 'account' ? [o.awsAccountId] : [])),
  ]);
  for (let digit = 1; digit <= 9; digit++) {
    const id = String(digit).repeat(12);
    if (!taken.has(id)) return id;
  }
  for (let n = 100000000000; ; n++) if (!taken.has(String(n))) return String(n);
}

/** The right edge of everything drawn so far. */
function rightEdge(design: Design): number {
  const positions = entityPositions(design);
  let right = -Infinity;
  for (const frame of accountFrames(design, positions).values())
    right = Math.max(right, frame.x + frame.width);
  for (const entity of [...design.services, ...design.outsidePrincipals]) {
    const at = positions.get(entity.id);
    if (at) right = Math.max(right, at.x + ENTITY_WIDTH);
  }
  return Number.isFinite(right) ? right : 0;
}

/** How many slots fit across a frame: one, or as many as its width holds. */
const columnsOf = (frame: Frame) =>
  Math.max(1, Math.floor((frame.width - ACCOUNT_PADDING) / SLOT_WIDTH));

/** The first grid slot in an account frame that no entity occupies (filling it row by row). */
function freeSlot(frame: Frame, occupied: Position[]): Position {
  const columns = columnsOf(frame);
  for (let slot = 0; ; slot++) {
    const candidate = {
      x: frame.x + ACCOUNT_PADDING + (slot % columns) * SLOT_WIDTH,
      y:
        frame.y +
        ACCOUNT_HEADER +
        ACCOUNT_PADDING +
        Math.floor(slot / columns) * (ENTITY_HEIGHT + ROW_GAP),
    };
    const overlaps = occupied.some(
      (p) =>
        Math.abs(p.x - candidate.x) < ENTITY_WIDTH && Math.abs(p.y - candidate.y) < ENTITY_HEIGHT,
    );
    if (!overlaps) return candidate;
  }
}

/** The account new principals go into: the selected one (or the selection's), else the first. */
export function targetAccount(design: Design, selectedIds: readonly EntityId[]) {
  for (const id of selectedIds) {
    const entity = findEntity(design, id);
    const account = entity && accountOf(design, entity);
    if (account) return account;
  }
  return design.accounts[0];
}

export interface Addition {
  /** One command for the whole addition (an account is created too when there is none). */
  command: (design: Design) => Design;
  /** The entity to select afterwards. */
  id: EntityId;
}

function entityFor(
  kind: Exclude<AddableKind, 'account' | 'service'>,
  design: Design,
  account: EntityId,
  preset: IdentityProviderPreset,
): Entity {
  const inAccount = (list: { account: EntityId; name: string }[]) =>
    list.filter((e) => e.account === account).map((e) => e.name);
  switch (kind) {
    case 'user':
      return makeUser({ account, name: uniqueName('new-user', inAccount(design.users)) });
    case 'group':
      return makeGroup({ account, name: uniqueName('NewGroup', inAccount(design.groups)) });
    case 'role':
      return makeRole({ account, name: uniqueName('NewRole', inAccount(design.roles)) });
    case 'identity-provider': {
      const taken = inAccount(design.identityProviders);
      if (preset === 'saml')
        return makeSamlProvider({ account, name: uniqueName('CorporateSSO', taken) });
      const provider = makeOidcProvider({ account, preset });
      return { ...provider, name: uniqueName(provider.name, taken) };
    }
    case 'resource': {
      const resourceType = 's3-bucket';
      return makeResource({
        account,
        resourceType,
        name: uniqueName(
          resourceTypes[resourceType].newName,
          design.resources.map((r) => r.name),
        ),
      });
    }
  }
}

const commonServices = [
  'lambda.amazonaws.com',
  'ec2.amazonaws.com',
  'ecs-tasks.amazonaws.com',
  'events.amazonaws.com',
  'states.amazonaws.com',
  'glue.amazonaws.com',
];

/** What pressing "Add …" does: a new entity of that kind in a free spot. */
export function additionFor(
  kind: AddableKind,
  design: Design,
  selectedIds: readonly EntityId[],
  /** Which identity provider, for `identity-provider`. */
  preset: IdentityProviderPreset = 'github-actions',
): Addition {
  if (kind === 'account') {
    const entity = makeAccount({
      awsAccountId: nextAwsAccountId(design),
      name: uniqueName(
        'Account',
        design.accounts.map((a) => a.name),
      ),
    });
    const first = design.accounts.length === 0;
    const position = {
      x: rightEdge(design) + (first ? 0 : ACCOUNT_GAP),
      y: 0,
      ...(first ? FIRST_ACCOUNT_SIZE : NEXT_ACCOUNT_SIZE),
    };
    return { id: entity.id, command: (d) => addEntity(d, { entity, position }) };
  }
  if (kind === 'service') {
    const taken = new Set(design.services.map((s) => s.name));
    const name =
      commonServices.find((s) => !taken.has(s)) ?? uniqueName('service.amazonaws.com', taken);
    const entity = makeService(name);
    const position = {
      x: rightEdge(design) + ACCOUNT_GAP,
      y: design.services.length * (ENTITY_HEIGHT + ROW_GAP),
    };
    return { id: entity.id, command: (d) => addEntity(d, { entity, position }) };
  }
  const existing = targetAccount(design, selectedIds);
  const prelude = existing ? undefined : additionFor('account', design, []);
  const withAccount = prelude ? prelude.command(design) : design;
  const accountId = existing?.id ?? prelude!.id;
  const entity = entityFor(kind, withAccount, accountId, preset);
  const positions = entityPositions(withAccount);
  const frame = accountFrames(withAccount, positions).get(accountId)!;
  const occupied = [...positions.entries()]
    .filter(([id]) => {
      const other = findEntity(withAccount, id);
      return other !== undefined && 'account' in other && other.account === accountId;
    })
    .map(([, p]) => p);
  const position = freeSlot(frame, occupied);
  return {
    id: entity.id,
    command: (d) => addEntity(prelude ? prelude.command(d) : d, { entity, position }),
  };
}

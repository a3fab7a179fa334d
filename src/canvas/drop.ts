import {
  findEntity,
  moveEntity,
  setPositions,
  type Design,
  type EntityId,
  type Position,
} from '../model';
import { centreOf, containsPoint, type Frame } from './geometry';
import { accountFrames, entityPositions } from './nodes/build-nodes';

/** Where a dragged node ended, in absolute canvas coordinates. */
export interface Drop {
  id: EntityId;
  x: number;
  y: number;
}

/** The account whose frame holds the point; the smallest when frames overlap. */
export function accountAt(frames: ReadonlyMap<EntityId, Frame>, point: { x: number; y: number }) {
  let best: { id: EntityId; area: number } | undefined;
  for (const [id, frame] of frames) {
    if (!containsPoint(frame, point)) continue;
    const area = frame.width * frame.height;
    if (!best || area < best.area) best = { id, area };
  }
  return best?.id;
}

/**
 * The command for a finished drag: new positions, an account carrying its entities along, and an
 * entity dropped inside another account moving into it (its ARN changes; the model rewrites the
 * policies that named it). One command, so one undo step.
 */
export function commitDrops(design: Design, drops: readonly Drop[]): Design {
  const positions = entityPositions(design);
  const frames = accountFrames(design, positions);
  const moved: Record<EntityId, Position> = {};
  const accountMoves: { id: EntityId; account: EntityId }[] = [];
  for (const drop of drops) {
    const entity = findEntity(design, drop.id);
    if (!entity) continue;
    if (entity.kind === 'account') {
      const frame = frames.get(entity.id);
      if (!frame) continue;
      const dx = drop.x - frame.x;
      const dy = drop.y - frame.y;
      const stored = design.layout[entity.id];
      moved[entity.id] = {
        ...stored,
        x: (stored?.x ?? frame.x) + dx,
        y: (stored?.y ?? frame.y) + dy,
      };
      for (const child of childrenOf(design, entity.id)) {
        if (drops.some((d) => d.id === child)) continue;
        const at = positions.get(child);
        if (at) moved[child] = { ...at, x: at.x + dx, y: at.y + dy };
      }
      continue;
    }
    moved[entity.id] = { x: drop.x, y: drop.y };
    if ('account' in entity) {
      const target = accountAt(frames, centreOf(drop));
      if (target && target !== entity.account)
        accountMoves.push({ id: entity.id, account: target });
    }
  }
  let next = setPositions(design, { positions: moved });
  for (const move of accountMoves) next = moveEntity(next, move);
  return next;
}

function childrenOf(design: Design, accountId: EntityId): EntityId[] {
  return [
    ...design.users,
    ...design.groups,
    ...design.roles,
    ...design.identityProviders,
    ...design.resources,
  ]
    .filter((entity) => entity.account === accountId)
    .map((entity) => entity.id);
}

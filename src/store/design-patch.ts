// The difference between two designs, small enough to keep hundreds of them.
//
// Commands keep untouched parts of a design by identity, so a change is a few top-level
// fields replaced (by reference, shared with the designs on either side) and, for a drag, a
// few layout entries. Undo history stores these instead of whole designs, so a drag at
// 10,000 nodes costs a few hundred bytes, not a copy of the layout.
import { layoutChanges, layoutEdited, type Design, type EntityId, type Position } from '../model';

export interface DesignPatch {
  /** Top-level fields (other than `layout`) that take these values. */
  fields: Partial<Design>;
  /** Layout entries that take these values; `null` removes the entry. Absent: layout unchanged. */
  layout?: Record<EntityId, Position | null>;
}

/** The change from `from` to `to`, both ways; null when they are the same design. */
export function diffDesigns(
  from: Design,
  to: Design,
): { forward: DesignPatch; backward: DesignPatch } | null {
  if (from === to) return null;
  const forward: DesignPatch = { fields: {} };
  const backward: DesignPatch = { fields: {} };
  const keys = new Set([...Object.keys(from), ...Object.keys(to)] as (keyof Design)[]);
  for (const key of keys) {
    if (key === 'layout' || from[key] === to[key]) continue;
    (forward.fields as Record<string, unknown>)[key] = to[key];
    (backward.fields as Record<string, unknown>)[key] = from[key];
  }
  if (from.layout !== to.layout) {
    const ahead: Record<EntityId, Position | null> = {};
    const back: Record<EntityId, Position | null> = {};
    // A drop's layout knows which entries it set: those, not 10,000 compared.
    const known = layoutChanges(from.layout, to.layout);
    for (const id of known ?? []) {
      ahead[id] = to.layout[id] ?? null;
      back[id] = from.layout[id] ?? null;
    }
    if (!known) diffLayouts(from.layout, to.layout, ahead, back);
    forward.layout = ahead;
    backward.layout = back;
  }
  return { forward, backward };
}

/** Every entry that differs between two layouts, into `ahead` (to's) and `back` (from's). */
function diffLayouts(
  from: Design['layout'],
  to: Design['layout'],
  ahead: Record<EntityId, Position | null>,
  back: Record<EntityId, Position | null>,
) {
  for (const id of Object.keys(to)) {
    const before = from[id];
    const after = to[id];
    if (before !== after) {
      ahead[id] = after ?? null;
      back[id] = before ?? null;
    }
  }
  for (const id of Object.keys(from)) {
    if (!(id in to)) {
      ahead[id] = null;
      back[id] = from[id] ?? null;
    }
  }
}

/** `design` with `patch` applied; untouched fields keep their identity. */
export function applyDesignPatch(design: Design, patch: DesignPatch): Design {
  const next: Design = { ...design, ...patch.fields };
  if (patch.layout) {
    const layout = { ...design.layout };
    for (const [id, position] of Object.entries(patch.layout)) {
      if (position === null) delete layout[id];
      else layout[id] = position;
    }
    next.layout = layoutEdited(design.layout, layout, Object.keys(patch.layout));
  }
  return next;
}

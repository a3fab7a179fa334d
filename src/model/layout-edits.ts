// Which entries a layout changed from the layout it was made from. Layouts are immutable and a
// drop copies one with a few entries set: recording which lets what is derived from layouts
// (undo's patches, the canvas's placement, autosave) follow the change instead of reading every
// entry of a 10,000-entry layout again. The layout made from is held weakly: a chain of
// recorded edits never keeps old layouts alive.
import type { Design, EntityId } from './types';

type Layout = Design['layout'];

interface Edit {
  from: WeakRef<Layout>;
  ids: readonly EntityId[];
}

const edits = new WeakMap<Layout, Edit>();

/** Steps followed back from a layout to the one asked about before giving up. */
const MAX_STEPS = 16;

/** Records that `to` is `from` with the entries of `ids` set or removed, nothing else; returns `to`. */
export function layoutEdited(from: Layout, to: Layout, ids: readonly EntityId[]): Layout {
  if (from !== to) edits.set(to, { from: new WeakRef(from), ids });
  return to;
}

/**
 * The ids whose entries differ between `from` and `to` (an entry set, changed or removed), when
 * `to` was made from `from` by recorded edits; undefined when that is not known (then compare
 * the entries).
 */
export function layoutChanges(from: Layout, to: Layout): EntityId[] | undefined {
  if (from === to) return [];
  const ids = new Set<EntityId>();
  let at = to;
  for (let step = 0; step < MAX_STEPS; step++) {
    const edit = edits.get(at);
    const before = edit?.from.deref();
    if (!edit || !before) return undefined;
    for (const id of edit.ids) ids.add(id);
    if (before === from) return [...ids].filter((id) => from[id] !== to[id]);
    at = before;
  }
  return undefined;
}

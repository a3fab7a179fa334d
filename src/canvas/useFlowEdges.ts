import { useCallback, useMemo } from 'react';
import type { EdgeChange } from '@xyflow/react';
import {
  selectDesign,
  selectEdgeVisibility,
  selectSelectEdges,
  selectSelectedEdgeIds,
  selectSelectedIds,
  useRolecraft,
  useRolecraftStore,
} from '../store';
import { buildPermissionEdges, buildTrustEdges } from './edges/build-edges';
import type { FlowEdge } from './edges/edge-data';
import { cullEdges, solidBoxes } from './cull';
import type { CullBox } from './useCullBox';
import { isLargeDesign, showsPermissionEdges } from './useFitOnOpen';

interface LargeDesignOptions {
  /** Only edges with both ends in this box (or an end selected or dragged) are handed on. */
  cull?: CullBox;
  /** Ids of the nodes being dragged, `\n`-joined: while set, only their edges are shown. */
  draggedKey?: string;
}

/** The class of a dragged node's edge, shown while the canvas hides the others. */
const DRAGGED_EDGE = 'dragged-edge';

/**
 * Edges derived from the design (never stored), with the selection applied. A large design is
 * drawn more simply: edges with an end far from the view are left out (unless that end or the
 * other is selected), and while nodes are dragged only
 * their own edges are shown (hundreds of others would be re-composited on every frame).
 */
export function useFlowEdges({ cull, draggedKey = '' }: LargeDesignOptions = {}) {
  const design = useRolecraft(selectDesign);
  const selectedEdgeIds = useRolecraft(selectSelectedEdgeIds);
  const selectEdges = useRolecraft(selectSelectEdges);
  const store = useRolecraftStore();
  const visibility = useRolecraft(selectEdgeVisibility);
  const trust = useMemo(() => buildTrustEdges(design), [design]);
  const showPermission = showsPermissionEdges(visibility.permission, isLargeDesign(design));
  const permission = useMemo(
    () => (showPermission ? buildPermissionEdges(design) : []),
    [design, showPermission],
  );
  const base = useMemo(() => {
    const shown = visibility.membership ? trust : trust.filter((e) => e.type !== 'membership');
    // Permission edges first: drawn beneath the trust edges.
    return permission.length > 0 ? [...permission, ...shown] : shown;
  }, [trust, permission, visibility.membership]);
  const large = cull !== undefined;
  const boxOf = useMemo(() => (large ? solidBoxes(design) : undefined), [large, design]);
  const selectedIds = useRolecraft(selectSelectedIds);
  const culled = useMemo(() => {
    if (!cull || !boxOf) return base;
    const keep = new Set(selectedIds);
    if (draggedKey !== '') for (const id of draggedKey.split('\n')) keep.add(id);
    return cullEdges(base, cull, boxOf, keep, cull.far);
  }, [base, cull, boxOf, selectedIds, draggedKey]);
  // The others stay mounted, hidden by the canvas's `dragging` class (styles.css): mounting
  // them all again on the drop would cost more than the whole rest of the drop.
  const drawn = useMemo(() => {
    if (draggedKey === '') return culled;
    const dragged = new Set(draggedKey.split('\n'));
    return culled.map((edge) =>
      dragged.has(edge.source) || dragged.has(edge.target)
        ? { ...edge, className: DRAGGED_EDGE }
        : edge,
    );
  }, [culled, draggedKey]);
  const edges = useMemo(() => {
    if (selectedEdgeIds.length === 0) return drawn;
    const selected = new Set(selectedEdgeIds);
    return drawn.map((edge) => (selected.has(edge.id) ? { ...edge, selected: true } : edge));
  }, [drawn, selectedEdgeIds]);

  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowEdge>[]) => {
      let selection: Set<string> | undefined;
      for (const change of changes) {
        if (change.type !== 'select') continue;
        selection ??= new Set(store.getState().selectedEdgeIds);
        if (change.selected) selection.add(change.id);
        else selection.delete(change.id);
      }
      if (selection) selectEdges([...selection]);
    },
    [selectEdges, store],
  );

  return { edges, onEdgesChange };
}

import { useCallback, useMemo, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { NodeChange, XYPosition } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { findEntity } from '../model';
import {
  selectDesign,
  selectSelectedIds,
  useRolecraft,
  useRolecraftStore,
  type RolecraftState,
} from '../store';
import { centreOf } from './geometry';
import { accountAt, commitDrops, type Drop } from './drop';
import {
  accountFrames,
  accountScopedEntities,
  buildNodes,
  buildNodesOf,
  entityPositions,
  type NodeCache,
} from './nodes/build-nodes';
import type { FlowNode } from './nodes/node-data';

const noPositions: ReadonlyMap<string, XYPosition> = new Map();

const selectNodeActions = (s: RolecraftState) => ({
  apply: s.apply,
  setSelectedNodes: s.setSelectedNodes,
});

/** A variant of a node with selection, a drag position or drop highlight applied. */
function decorate(
  node: FlowNode,
  selected: boolean,
  dragged: XYPosition | undefined,
  dropTarget: boolean,
): FlowNode {
  if (!selected && !dragged && !dropTarget) return node;
  const variant = { ...node, selected, ...(dragged ? { position: dragged, dragging: true } : {}) };
  if (dropTarget && variant.type === 'account') variant.data = { ...variant.data, dropTarget };
  return variant as FlowNode;
}

/** A drag in progress: the dragged nodes' positions (none between drags) and the drop target. */
export interface NodeDrag {
  dragging: ReadonlyMap<string, XYPosition>;
  dropTarget: string | undefined;
  /** The dragged node ids as one string: the same object-free value for a whole drag. */
  draggedKey: string;
  setDragging: Dispatch<SetStateAction<ReadonlyMap<string, XYPosition>>>;
  setDropTarget: Dispatch<SetStateAction<string | undefined>>;
}

/**
 * The state of a drag, apart from the nodes: what a large design hands React Flow depends on
 * which nodes are dragged (they stay, wherever they go), and the nodes are built from that.
 */
export function useNodeDrag(): NodeDrag {
  const [dragging, setDragging] = useState(noPositions);
  const [dropTarget, setDropTarget] = useState<string | undefined>();
  const draggedKey = useMemo(() => [...dragging.keys()].sort().join('\n'), [dragging]);
  return { dragging, dropTarget, draggedKey, setDragging, setDropTarget };
}

/**
 * React Flow nodes for the current design (only those of `ids` when given: a large design's
 * nodes near the view), and the change handler that turns what the user does on the canvas
 * into store actions. While a drag is in progress positions live in `drag` only; the drop is
 * one model command (one undo step).
 */
export function useFlowNodes(
  { dragging, dropTarget, setDragging, setDropTarget }: NodeDrag,
  ids?: ReadonlySet<string>,
) {
  const design = useRolecraft(selectDesign);
  const selectedIds = useRolecraft(selectSelectedIds);
  const { apply, setSelectedNodes } = useRolecraft(useShallow(selectNodeActions));
  const store = useRolecraftStore();
  const cache = useRef<NodeCache>(new Map());
  const base = useMemo(
    () => (ids ? buildNodesOf(design, cache.current, ids) : buildNodes(design, cache.current)),
    [design, ids],
  );
  const frames = useMemo(() => accountFrames(design), [design]);

  const nodes = useMemo(() => {
    if (selectedIds.length === 0 && dragging.size === 0 && dropTarget === undefined) return base;
    const selected = new Set(selectedIds);
    return base.map((node) =>
      decorate(node, selected.has(node.id), dragging.get(node.id), node.id === dropTarget),
    );
  }, [base, selectedIds, dragging, dropTarget]);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const moving = new Map<string, XYPosition>();
      const drops: Drop[] = [];
      let selection: Set<string> | undefined;
      for (const change of changes) {
        if (change.type === 'position' && change.position) {
          if (change.dragging) moving.set(change.id, change.position);
          else drops.push({ id: change.id, ...change.position });
        } else if (change.type === 'select') {
          selection ??= new Set(store.getState().selectedIds);
          if (change.selected) selection.add(change.id);
          else selection.delete(change.id);
        }
      }
      if (selection) setSelectedNodes([...selection]);
      if (moving.size > 0) {
        // An account carries its entities along while it is dragged.
        const positions = entityPositions(design);
        for (const [id, position] of [...moving]) {
          const frame = frames.get(id);
          if (!frame) continue;
          const dx = position.x - frame.x;
          const dy = position.y - frame.y;
          for (const child of accountScopedEntities(design)) {
            const at = positions.get(child.id);
            if (child.account !== id || moving.has(child.id) || !at) continue;
            moving.set(child.id, { x: at.x + dx, y: at.y + dy });
          }
        }
        setDragging((current) => new Map([...current, ...moving]));
        const [firstId, firstPosition] = moving.entries().next().value!;
        const dragged = findEntity(design, firstId);
        const home = dragged && 'account' in dragged ? dragged.account : undefined;
        const target = home ? accountAt(frames, centreOf(firstPosition)) : undefined;
        setDropTarget(target !== home ? target : undefined);
      }
      if (drops.length > 0) {
        apply(commitDrops, drops);
        setDragging(noPositions);
        setDropTarget(undefined);
      }
    },
    [apply, design, frames, setDragging, setDropTarget, setSelectedNodes, store],
  );

  return { nodes, onNodesChange };
}

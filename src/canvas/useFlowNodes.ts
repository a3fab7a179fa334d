import { useCallback, useMemo, useRef, useState } from 'react';
import type { NodeChange, XYPosition } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import {
  rolecraftStore,
  selectDesign,
  selectSelectedIds,
  useRolecraft,
  type RolecraftState,
} from '../store';
import { centreOf } from './geometry';
import { accountAt, commitDrops, type Drop } from './drop';
import { accountFrames, buildNodes } from './nodes/build-nodes';
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

/**
 * React Flow nodes for the current design, and the change handler that turns what the user does
 * on the canvas into store actions. While a drag is in progress positions live here only; the
 * drop is one model command (one undo step).
 */
export function useFlowNodes() {
  const design = useRolecraft(selectDesign);
  const selectedIds = useRolecraft(selectSelectedIds);
  const { apply, setSelectedNodes } = useRolecraft(useShallow(selectNodeActions));
  const cache = useRef(new Map<string, FlowNode>());
  const base = useMemo(() => buildNodes(design, cache.current), [design]);
  const frames = useMemo(() => accountFrames(design), [design]);
  const [dragging, setDragging] = useState(noPositions);
  const [dropTarget, setDropTarget] = useState<string | undefined>();

  const nodes = useMemo(() => {
    const selected = new Set(selectedIds);
    return base.map((node) =>
      decorate(node, selected.has(node.id), dragging.get(node.id), node.id === dropTarget),
    );
  }, [base, selectedIds, dragging, dropTarget]);

  const baseById = useMemo(() => new Map(base.map((n) => [n.id, n])), [base]);

  /** Absolute position of a node given React Flow's (parent-relative) position. */
  const absolute = useCallback(
    (id: string, position: XYPosition): XYPosition => {
      const parentId = baseById.get(id)?.parentId;
      const parent = parentId ? baseById.get(parentId) : undefined;
      return parent
        ? { x: parent.position.x + position.x, y: parent.position.y + position.y }
        : position;
    },
    [baseById],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const moving = new Map<string, XYPosition>();
      const drops: Drop[] = [];
      let selection: Set<string> | undefined;
      for (const change of changes) {
        if (change.type === 'position' && change.position) {
          if (change.dragging) moving.set(change.id, change.position);
          else drops.push({ id: change.id, ...absolute(change.id, change.position) });
        } else if (change.type === 'select') {
          selection ??= new Set(rolecraftStore.getState().selectedIds);
          if (change.selected) selection.add(change.id);
          else selection.delete(change.id);
        }
      }
      if (selection) setSelectedNodes([...selection]);
      if (moving.size > 0) {
        setDragging((current) => new Map([...current, ...moving]));
        const [firstId, firstPosition] = moving.entries().next().value!;
        const entity = baseById.get(firstId);
        const target =
          entity?.type === 'entity' && entity.parentId
            ? accountAt(frames, centreOf(absolute(firstId, firstPosition)))
            : undefined;
        setDropTarget(target !== entity?.parentId ? target : undefined);
      }
      if (drops.length > 0) {
        apply(commitDrops, drops);
        setDragging(noPositions);
        setDropTarget(undefined);
      }
    },
    [absolute, apply, baseById, frames, setSelectedNodes],
  );

  return { nodes, onNodesChange };
}

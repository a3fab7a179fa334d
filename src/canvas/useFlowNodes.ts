import { useCallback, useMemo, useRef, useState } from 'react';
import type { NodeChange, XYPosition } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import {
  selectDesign,
  selectSelectedIds,
  useRolecraft,
  useRolecraftStore,
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
  const store = useRolecraftStore();
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
  const childrenOf = useMemo(() => {
    const children = new Map<string, FlowNode[]>();
    for (const node of base) {
      if (node.type !== 'entity' || !('account' in node.data.entity)) continue;
      const account = node.data.entity.account;
      children.set(account, [...(children.get(account) ?? []), node]);
    }
    return children;
  }, [base]);

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
        for (const [id, position] of [...moving]) {
          const account = baseById.get(id);
          if (account?.type !== 'account') continue;
          const dx = position.x - account.position.x;
          const dy = position.y - account.position.y;
          for (const child of childrenOf.get(id) ?? []) {
            if (!moving.has(child.id)) {
              moving.set(child.id, { x: child.position.x + dx, y: child.position.y + dy });
            }
          }
        }
        setDragging((current) => new Map([...current, ...moving]));
        const [firstId, firstPosition] = moving.entries().next().value!;
        const dragged = baseById.get(firstId);
        const home =
          dragged?.type === 'entity' && 'account' in dragged.data.entity
            ? dragged.data.entity.account
            : undefined;
        const target = home ? accountAt(frames, centreOf(firstPosition)) : undefined;
        setDropTarget(target !== home ? target : undefined);
      }
      if (drops.length > 0) {
        apply(commitDrops, drops);
        setDragging(noPositions);
        setDropTarget(undefined);
      }
    },
    [apply, baseById, childrenOf, frames, setSelectedNodes, store],
  );

  /** The dragged node ids as one string: the same object-free value for a whole drag. */
  const draggedKey = useMemo(() => [...dragging.keys()].sort().join('\n'), [dragging]);

  return { nodes, onNodesChange, draggedKey };
}

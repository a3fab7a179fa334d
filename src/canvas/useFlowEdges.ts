import { useCallback, useMemo } from 'react';
import type { EdgeChange } from '@xyflow/react';
import {
  rolecraftStore,
  selectDesign,
  selectEdgeVisibility,
  selectSelectEdges,
  selectSelectedEdgeIds,
  useRolecraft,
} from '../store';
import { buildEdges } from './edges/build-edges';
import type { FlowEdge } from './edges/edge-data';

/** Edges derived from the design (never stored), with the selection applied. */
export function useFlowEdges() {
  const design = useRolecraft(selectDesign);
  const selectedEdgeIds = useRolecraft(selectSelectedEdgeIds);
  const selectEdges = useRolecraft(selectSelectEdges);
  const visibility = useRolecraft(selectEdgeVisibility);
  const all = useMemo(() => buildEdges(design), [design]);
  const base = useMemo(
    () =>
      visibility.membership && visibility.permission
        ? all
        : all.filter(
            (edge) => edge.type === 'trust' || (edge.type !== undefined && visibility[edge.type]),
          ),
    [all, visibility],
  );
  const edges = useMemo(() => {
    if (selectedEdgeIds.length === 0) return base;
    const selected = new Set(selectedEdgeIds);
    return base.map((edge) => (selected.has(edge.id) ? { ...edge, selected: true } : edge));
  }, [base, selectedEdgeIds]);

  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowEdge>[]) => {
      let selection: Set<string> | undefined;
      for (const change of changes) {
        if (change.type !== 'select') continue;
        selection ??= new Set(rolecraftStore.getState().selectedEdgeIds);
        if (change.selected) selection.add(change.id);
        else selection.delete(change.id);
      }
      if (selection) selectEdges([...selection]);
    },
    [selectEdges],
  );

  return { edges, onEdgesChange };
}

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
import { buildPermissionEdges, buildTrustEdges } from './edges/build-edges';
import type { FlowEdge } from './edges/edge-data';

/** Edges derived from the design (never stored), with the selection applied. */
export function useFlowEdges() {
  const design = useRolecraft(selectDesign);
  const selectedEdgeIds = useRolecraft(selectSelectedEdgeIds);
  const selectEdges = useRolecraft(selectSelectEdges);
  const visibility = useRolecraft(selectEdgeVisibility);
  const trust = useMemo(() => buildTrustEdges(design), [design]);
  const permission = useMemo(
    () => (visibility.permission ? buildPermissionEdges(design) : []),
    [design, visibility.permission],
  );
  const base = useMemo(() => {
    const shown = visibility.membership ? trust : trust.filter((e) => e.type !== 'membership');
    // Permission edges first: drawn beneath the trust edges.
    return permission.length > 0 ? [...permission, ...shown] : shown;
  }, [trust, permission, visibility.membership]);
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

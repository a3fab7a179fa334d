import { memo } from 'react';
import { BaseEdge, type EdgeProps } from '@xyflow/react';
import { useEdgePath } from './floating';
import type { PathFlowEdge } from './edge-data';
import { pathLook } from './edge-styles';
import { EdgeLabel } from './EdgeLabel';

/** A hop of a highlighted path between nodes the design draws no edge between. */
export const PathEdgeView = memo(function PathEdgeView(props: EdgeProps<PathFlowEdge>) {
  const { path, labelX, labelY } = useEdgePath(props);
  if (!props.data) return null;
  return (
    <>
      <BaseEdge
        path={path}
        markerEnd={props.markerEnd}
        style={{ stroke: pathLook.stroke, strokeWidth: pathLook.strokeWidth }}
      />
      <EdgeLabel x={labelX} y={labelY} text={props.data.label} color={pathLook.stroke} />
    </>
  );
});

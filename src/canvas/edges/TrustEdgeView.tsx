import { memo } from 'react';
import { BaseEdge, type EdgeProps } from '@xyflow/react';
import { useEdgePath } from './floating';
import type { TrustFlowEdge } from './edge-data';
import { trustEdgeStyle } from './edge-styles';
import { EdgeLabel, LabelLeader } from './EdgeLabel';
import { useLabelPlacement } from './label-context';

/** "source may assume target", styled by kind; a blocked grant is dashed red with no arrow. */
export const TrustEdgeView = memo(function TrustEdgeView(props: EdgeProps<TrustFlowEdge>) {
  const { data, selected, markerEnd } = props;
  const { path, labelX, labelY, route } = useEdgePath(props);
  // A label placed for the committed route; while an end is dragged, the middle of the curve.
  const placement = useLabelPlacement(props.id);
  const placed = route ? placement : undefined;
  if (!data) return null;
  const look = trustEdgeStyle(data.trust);
  const text = data.trust.blocked ? `blocked: ${data.trust.blockedBy}` : data.trust.label;
  return (
    <g data-trust-edge data-source={props.source} data-target={props.target}>
      <BaseEdge
        path={path}
        markerEnd={markerEnd}
        interactionWidth={16}
        style={{
          stroke: look.stroke,
          strokeWidth: selected ? look.strokeWidth + 1.5 : look.strokeWidth,
          strokeDasharray: look.dash,
        }}
      />
      {text && placed?.leader && (
        <LabelLeader from={placed.leader} to={placed} color={look.stroke} />
      )}
      {text && (
        <EdgeLabel
          x={placed?.x ?? labelX}
          y={placed?.y ?? labelY}
          collapsed={placed?.collapsed}
          text={text}
          color={look.stroke}
          title={`${data.trust.action} ${text}`}
        />
      )}
    </g>
  );
});

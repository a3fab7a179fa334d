import { memo } from 'react';
import { BaseEdge, type EdgeProps } from '@xyflow/react';
import { useEdgePath } from './floating';
import type { MembershipFlowEdge, PermissionFlowEdge } from './edge-data';
import { membershipLook, permissionLook } from './edge-styles';
import { EdgeLabel, LabelLeader } from './EdgeLabel';
import { useLabelPlacement } from './label-context';

export const MembershipEdgeView = memo(function MembershipEdgeView(
  props: EdgeProps<MembershipFlowEdge>,
) {
  const { path } = useEdgePath(props);
  return (
    <BaseEdge
      path={path}
      style={{
        stroke: membershipLook.stroke,
        strokeWidth: membershipLook.strokeWidth,
        strokeDasharray: membershipLook.dash,
      }}
    />
  );
});

export const PermissionEdgeView = memo(function PermissionEdgeView(
  props: EdgeProps<PermissionFlowEdge>,
) {
  const { data, markerEnd, selected } = props;
  const { path, labelX, labelY, route } = useEdgePath(props);
  // A label placed for the committed route; while an end is dragged, the middle of the curve.
  const placement = useLabelPlacement(props.id);
  const placed = route ? placement : undefined;
  return (
    <>
      <BaseEdge
        path={path}
        markerEnd={markerEnd}
        style={{
          stroke: permissionLook.stroke,
          strokeWidth: selected ? permissionLook.strokeWidth + 1 : permissionLook.strokeWidth,
          strokeDasharray: permissionLook.dash,
        }}
      />
      {data && placed?.leader && (
        <LabelLeader from={placed.leader} to={placed} color={permissionLook.stroke} />
      )}
      {data && (
        <EdgeLabel
          x={placed?.x ?? labelX}
          y={placed?.y ?? labelY}
          collapsed={placed?.collapsed}
          text={data.permission.label}
          title={data.permission.actions.join(', ')}
          color={permissionLook.stroke}
        />
      )}
    </>
  );
});

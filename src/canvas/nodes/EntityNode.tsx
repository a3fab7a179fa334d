import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { EntityIcon } from '../icons/EntityIcon';
import type { EntityFlowNode } from './node-data';

/** A principal or resource: icon, name, kind and account; the ARN on hover. */
export const EntityNode = memo(function EntityNode({ data, selected }: NodeProps<EntityFlowNode>) {
  const { entity, glyph, kindLabel, accountName, arn, isPrincipal, isRole, isEdgeTarget } = data;
  const detail = accountName ? `${kindLabel} · ${accountName}` : kindLabel;
  return (
    <div
      title={arn ?? entity.name}
      className={`flex h-full w-full items-center gap-2 rounded-lg border bg-white px-2 shadow-sm transition-shadow dark:bg-slate-800 ${
        selected
          ? 'border-sky-600 ring-2 ring-sky-500/60 dark:border-sky-400'
          : 'border-slate-300 dark:border-slate-600'
      }`}
    >
      {(isRole || isEdgeTarget) && (
        <Handle
          type="target"
          position={Position.Top}
          isConnectable={isRole || entity.kind === 'group'}
          title={
            isRole
              ? `Drop here to let a principal assume ${entity.name}`
              : entity.kind === 'group'
                ? `Drop a user here to add them to ${entity.name}`
                : undefined
          }
          className="!h-3 !w-3 !border-2 !border-white !bg-amber-500 dark:!border-slate-800"
        />
      )}
      <EntityIcon glyph={glyph} size={30} />
      <div className="min-w-0 flex-1">
        <div className="truncate text-[13px] font-semibold text-slate-900 dark:text-slate-50">
          {entity.name}
        </div>
        <div className="truncate text-[11px] text-slate-600 dark:text-slate-300">{detail}</div>
      </div>
      {isPrincipal && (
        <Handle
          type="source"
          position={Position.Bottom}
          title={`Drag to a role to let ${entity.name} assume it`}
          className="!h-3 !w-3 !border-2 !border-white !bg-sky-600 dark:!border-slate-800"
        />
      )}
    </div>
  );
});

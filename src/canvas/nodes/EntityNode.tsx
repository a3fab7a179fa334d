import { Fragment, memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { EntityIcon } from '../icons/EntityIcon';
import { FindingBadge } from './FindingBadge';
import { breakParts, nameLines } from './name-lines';
import type { EntityFlowNode } from './node-data';

/**
 * Names render at 15 px, so 12 px at the opening zoom (see `READABLE_ZOOM`); a name that needs
 * three lines sets them tighter (with the kind line) to stay inside the node; a longer one
 * gets smaller lines.
 */
function nameSize(name: string): { name: string; detail: string } {
  if (name.length > 30) return { name: 'text-[12px] leading-tight', detail: '' };
  return nameLines(name) > 2
    ? { name: 'text-[15px] leading-[1.05]', detail: 'leading-3' }
    : { name: 'text-[15px] leading-tight', detail: '' };
}

/** The name with line-break chances between words of camelCase, dots, dashes and slashes. */
function breakable(name: string) {
  return breakParts(name).map((part, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}

/** A principal or resource: icon, name, kind and account; the ARN on hover. */
export const EntityNode = memo(function EntityNode({ data, selected }: NodeProps<EntityFlowNode>) {
  const { entity, glyph, kindLabel, accountName, arn, isPrincipal, isRole, isEdgeTarget } = data;
  const detail = accountName ? `${kindLabel} · ${accountName}` : kindLabel;
  const size = nameSize(entity.name);
  return (
    <div
      title={arn ?? entity.name}
      className={`relative flex h-full w-full items-center gap-2 rounded-lg border bg-white px-2 shadow-sm transition-shadow dark:bg-slate-800 ${
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
      {entity.kind === 'user' && (
        // Nothing is drawn to a user by hand; a highlighted path's hop (an access key made for
        // it) ends here. React Flow draws no edge to a node without a target handle.
        <Handle
          type="target"
          position={Position.Top}
          isConnectable={false}
          className="!pointer-events-none !opacity-0"
        />
      )}
      <EntityIcon glyph={glyph} size={24} />
      <div className="min-w-0 flex-1">
        {/* Names never truncate: they wrap (anywhere, for one long word) and shrink when long. */}
        <div
          data-node-name
          className={`font-semibold [overflow-wrap:anywhere] text-slate-900 dark:text-slate-50 ${size.name}`}
        >
          {breakable(entity.name)}
        </div>
        <div
          data-node-detail
          className={`truncate text-[11px] text-slate-600 dark:text-slate-300 ${size.detail}`}
        >
          {detail}
        </div>
      </div>
      {entity.kind === 'user' && entity.hasLongTermKeys && (
        <span
          title="Has long-term access keys"
          aria-label="long-term access keys"
          className="absolute -top-2 right-2 rounded-full border border-amber-600 bg-amber-100 px-1.5 text-[11px] leading-4 font-semibold text-amber-900 dark:bg-amber-900 dark:text-amber-100"
        >
          keys
        </span>
      )}
      <FindingBadge id={entity.id} name={entity.name} />
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

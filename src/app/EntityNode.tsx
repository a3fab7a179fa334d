import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { SampleNodeData } from './sample-design';

const kindStyle: Record<SampleNodeData['kind'], string> = {
  account: 'border-slate-400 bg-slate-50 dark:bg-slate-800',
  user: 'border-sky-500 bg-sky-50 dark:bg-sky-950',
  role: 'border-amber-500 bg-amber-50 dark:bg-amber-950',
};

export function EntityNode({ data }: NodeProps<Node<SampleNodeData>>) {
  return (
    <div
      className={`min-w-36 rounded-lg border-2 px-3 py-2 text-sm shadow-sm ${kindStyle[data.kind]}`}
      title={data.arn}
    >
      <Handle type="target" position={Position.Top} />
      <div className="font-semibold text-slate-900 dark:text-slate-100">{data.label}</div>
      <div className="text-xs text-slate-600 dark:text-slate-300">{data.kind}</div>
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
}

import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { EntityIcon } from '../icons/EntityIcon';
import { ACCOUNT_HEADER } from '../geometry';
import type { AccountFlowNode } from './node-data';

/** An AWS account: a container for its principals and resources, itself a principal (its root). */
export const AccountNode = memo(function AccountNode({
  data,
  selected,
}: NodeProps<AccountFlowNode>) {
  const { account, arn, dropTarget } = data;
  const border = dropTarget
    ? 'border-sky-500 bg-sky-50/70 dark:bg-sky-950/50'
    : selected
      ? 'border-sky-600 bg-slate-50/60 dark:bg-slate-800/40'
      : 'border-slate-400 bg-slate-50/60 dark:border-slate-500 dark:bg-slate-800/40';
  return (
    <div className={`h-full w-full rounded-xl border-2 border-dashed ${border}`}>
      <div className="flex items-center gap-2 px-3" style={{ height: ACCOUNT_HEADER }} title={arn}>
        <EntityIcon glyph="account" size={26} />
        <span
          data-node-name
          className="text-[15px] leading-tight font-semibold text-slate-900 dark:text-slate-50"
        >
          {account.name}
        </span>
        <span className="font-mono text-xs text-slate-600 dark:text-slate-300">
          {account.awsAccountId}
        </span>
        {dropTarget && (
          <span className="ml-auto text-xs font-medium text-sky-700 dark:text-sky-300">
            Drop to move here
          </span>
        )}
      </div>
      <Handle
        type="source"
        position={Position.Right}
        style={{ top: ACCOUNT_HEADER / 2 }}
        title={`Drag to a role to let the account ${account.name} (its root) assume it`}
        className="!h-3 !w-3 !border-2 !border-white !bg-sky-600 dark:!border-slate-800"
      />
    </div>
  );
});

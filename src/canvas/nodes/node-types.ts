import type { NodeTypes } from '@xyflow/react';
import { AccountNode } from './AccountNode';
import { EntityNode } from './EntityNode';

/** Module level: recreating node types on render re-mounts every node. */
export const nodeTypes: NodeTypes = { entity: EntityNode, account: AccountNode };

import type { Node } from '@xyflow/react';
import type { Account, Entity } from '../../model';
import type { GlyphName } from '../icons/glyphs';

interface EntityNodeData extends Record<string, unknown> {
  entity: Entity;
  kindLabel: string;
  glyph: GlyphName;
  arn: string | undefined;
  accountName: string | undefined;
  /** Can be named in a trust policy: a trust edge may start here. */
  isPrincipal: boolean;
  /** A role: trust edges end here. */
  isRole: boolean;
  /** Membership (group) or permission (resource) edges end here; not drawn by hand. */
  isEdgeTarget: boolean;
}

interface AccountNodeData extends Record<string, unknown> {
  account: Account;
  arn: string;
  /** A node is being dragged over this account and would move into it. */
  dropTarget: boolean;
}

export type EntityFlowNode = Node<EntityNodeData, 'entity'>;
export type AccountFlowNode = Node<AccountNodeData, 'account'>;
export type FlowNode = EntityFlowNode | AccountFlowNode;

import type { Edge, Node } from '@xyflow/react';

/** Placeholder sample shown until the design model (canvas issue) replaces it. */
export interface SampleNodeData extends Record<string, unknown> {
  label: string;
  kind: 'account' | 'user' | 'role';
  arn?: string;
}

export const sampleNodes: Node<SampleNodeData>[] = [
  {
    id: 'acct-dev',
    type: 'entity',
    position: { x: 0, y: 0 },
    data: { label: 'Development', kind: 'account', arn: '111111111111' },
    ariaLabel: 'Development account 111111111111',
  },
  {
    id: 'acct-prod',
    type: 'entity',
    position: { x: 420, y: 0 },
    data: { label: 'Production', kind: 'account', arn: '222222222222' },
    ariaLabel: 'Production account 222222222222',
  },
  {
    id: 'user-alice',
    type: 'entity',
    position: { x: 0, y: 140 },
    data: { label: 'alice', kind: 'user', arn: 'arn:aws:iam::111111111111:user/alice' },
    ariaLabel: 'alice IAM user',
  },
  {
    id: 'role-ops',
    type: 'entity',
    position: { x: 0, y: 280 },
    data: { label: 'Ops', kind: 'role', arn: 'arn:aws:iam::111111111111:role/Ops' },
    ariaLabel: 'Ops IAM role',
  },
  {
    id: 'role-deploy',
    type: 'entity',
    position: { x: 420, y: 280 },
    data: { label: 'Deploy', kind: 'role', arn: 'arn:aws:iam::222222222222:role/Deploy' },
    ariaLabel: 'Deploy IAM role',
  },
];

export const sampleEdges: Edge[] = [
  {
    id: 'trust-alice-ops',
    source: 'user-alice',
    target: 'role-ops',
    label: 'sts:AssumeRole',
    ariaLabel: 'alice may assume Ops',
  },
  {
    id: 'trust-ops-deploy',
    source: 'role-ops',
    target: 'role-deploy',
    label: 'sts:AssumeRole',
    ariaLabel: 'Ops may assume Deploy',
  },
];

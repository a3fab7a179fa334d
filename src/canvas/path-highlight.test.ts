import { describe, expect, it } from 'vitest';
import type { PathHighlight } from '../store';
import type { FlowEdge } from './edges/edge-data';
import type { FlowNode } from './nodes/node-data';
import { highlightEdges, highlightNodes } from './path-highlight';

const node = (id: string) =>
  ({
    id,
    type: 'entity',
    position: { x: 0, y: 0 },
    ariaLabel: id,
    data: {},
  }) as unknown as FlowNode;
const edge = (source: string, target: string) =>
  ({
    id: `${source}-${target}`,
    type: 'trust',
    source,
    target,
    ariaLabel: `${source} may assume ${target}`,
  }) as FlowEdge;

const nodes = ['alice', 'Deploy', 'bob', 'other'].map(node);
// alice -> Deploy is a trust edge the design draws; Deploy -> bob (an access key) is not.
const edges = [edge('alice', 'Deploy'), edge('other', 'Deploy')];
const path = (lit: number): PathHighlight => ({
  hops: [
    { from: 'alice', to: 'Deploy', label: 'sts:AssumeRole' },
    { from: 'Deploy', to: 'bob', label: 'iam-create-access-key' },
  ],
  lit,
});

const classOf = (list: { id: string; className?: string }[]) =>
  Object.fromEntries(list.filter((x) => x.className).map((x) => [x.id, x.className]));

describe('path highlight', () => {
  it.each([
    { lit: 0, nodes: { alice: 'path-lit path-current' }, edges: {} },
    {
      lit: 1,
      nodes: { alice: 'path-lit', Deploy: 'path-lit path-current' },
      edges: { 'alice-Deploy': 'path-lit path-current' },
    },
    {
      lit: 2,
      nodes: { alice: 'path-lit', Deploy: 'path-lit', bob: 'path-lit path-current' },
      edges: { 'alice-Deploy': 'path-lit', 'path-hop-1': 'path-lit path-current' },
    },
  ])('lights the start and the first $lit hops, the newest as current', (c) => {
    expect(classOf(highlightNodes(nodes, path(c.lit)))).toEqual(c.nodes);
    expect(classOf(highlightEdges(edges, path(c.lit)))).toEqual(c.edges);
  });

  it('draws a hop no design edge draws as a path edge with its words, and says so to screen readers', () => {
    const drawn = highlightEdges(edges, path(2));
    const hop = drawn.find((e) => e.id === 'path-hop-1')!;
    expect(hop).toMatchObject({ type: 'path', source: 'Deploy', target: 'bob' });
    expect(hop.data).toEqual({ label: '2. iam-create-access-key' });
    expect(drawn.find((e) => e.id === 'alice-Deploy')!.ariaLabel).toBe(
      'alice may assume Deploy, step 1 of the path',
    );
    expect(highlightNodes(nodes, path(2)).find((n) => n.id === 'bob')!.ariaLabel).toBe(
      'bob, step 2 of the path',
    );
  });

  it('leaves everything as it was with no path (the same objects)', () => {
    expect(highlightNodes(nodes, null)).toBe(nodes);
    expect(highlightEdges(edges, null)).toBe(edges);
    const lit = highlightNodes(nodes, path(1));
    expect(lit[3]).toBe(nodes[3]);
  });
});

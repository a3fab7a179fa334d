/** Breadth-first walks: shortest paths from one start, and every simple path between two nodes. */

export interface Arc<E> {
  to: string;
  edge: E;
}

/** The shortest path (as edges) from `start` to every node it reaches. */
export function shortestPaths<E>(
  start: string,
  out: (node: string) => readonly Arc<E>[],
): Map<string, E[]> {
  const paths = new Map<string, E[]>([[start, []]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    const here = paths.get(node)!;
    for (const arc of out(node)) {
      if (paths.has(arc.to)) continue;
      paths.set(arc.to, here.length === 0 ? [arc.edge] : [...here, arc.edge]);
      queue.push(arc.to);
    }
  }
  paths.delete(start);
  return paths;
}

/** Every simple path (no node twice) from `start` to `goal` with at most `maxEdges` edges. */
export function simplePaths<E>(
  start: string,
  goal: string,
  out: (node: string) => readonly Arc<E>[],
  maxEdges = 8,
  limit = 10_000,
): E[][] {
  const found: E[][] = [];
  const onPath = new Set([start]);
  const edges: E[] = [];
  const walk = (node: string) => {
    if (found.length >= limit) return;
    for (const arc of out(node)) {
      if (arc.to === goal) {
        found.push([...edges, arc.edge]);
        continue;
      }
      if (onPath.has(arc.to) || edges.length + 1 >= maxEdges) continue;
      onPath.add(arc.to);
      edges.push(arc.edge);
      walk(arc.to);
      edges.pop();
      onPath.delete(arc.to);
    }
  };
  walk(start);
  return found.sort((a, b) => a.length - b.length);
}

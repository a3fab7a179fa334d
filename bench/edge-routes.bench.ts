/**
 * Edge routing benchmark: a generated design (default 10,000 nodes), every trust edge routed
 * cold (what opening costs if every edge were drawn; the canvas routes only drawn edges), then
 * a drop of one node onto an edge (the layout changes by one box: only edges near it re-route).
 * CPU time of this process (process.cpuUsage), not wall time: the machine is shared.
 *
 *   npx tsx bench/edge-routes.bench.ts [--nodes 10000] [--drops 20]
 */
import { loadavg } from 'node:os';
import { deriveTrustEdges, generateDesign, type Design } from '../src/model';
import { EdgeRouter } from '../src/canvas/edges/edge-router';
import { endsOf } from '../src/canvas/edges/routing-context';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const nodes = arg('nodes', 10_000);
const drops = arg('drops', 20);

function cpuMs<T>(work: () => T): [T, number] {
  const start = process.cpuUsage();
  const value = work();
  const used = process.cpuUsage(start);
  return [value, (used.user + used.system) / 1000];
}

const design = generateDesign({ nodes, seed: 1 });
const edges = deriveTrustEdges(design);
const router = new EdgeRouter();
const [, indexMs] = cpuMs(() => router.update(endsOf(design)));
let routed = 0;
let slowest = 0;
const [, coldMs] = cpuMs(() => {
  for (const edge of edges) {
    const [route, ms] = cpuMs(() => router.route(edge.source, edge.target));
    slowest = Math.max(slowest, ms);
    if (route?.routed) routed++;
  }
});

// Drops: a node moved onto the middle of another edge's straight line.
const dropMs: number[] = [];
const rerouteMs: number[] = [];
let current: Design = design;
const ids = Object.keys(design.layout).filter((id) => !design.accounts.some((a) => a.id === id));
for (let i = 0; i < drops; i++) {
  const edge = edges[(i * 7919) % edges.length]!;
  const from = current.layout[edge.source];
  const to = current.layout[edge.target];
  const mover = ids[(i * 104729) % ids.length]!;
  if (!from || !to || mover === edge.source || mover === edge.target) continue;
  current = {
    ...current,
    layout: { ...current.layout, [mover]: { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 } },
  };
  const [, update] = cpuMs(() => router.update(endsOf(current)));
  const [, reroute] = cpuMs(() => {
    for (const e of edges) router.route(e.source, e.target);
  });
  dropMs.push(update);
  rerouteMs.push(reroute);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const f = (n: number) => `${n.toFixed(1)} ms`;
console.log(
  `design: ${nodes} nodes, ${edges.length} trust edges; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(`index (ends + grid):        ${f(indexMs)} CPU`);
console.log(
  `route every edge, cold:     ${f(coldMs)} CPU (${routed} around nodes, ${edges.length - routed} plain; slowest edge ${f(slowest)})`,
);
console.log(`per drop, new layout:       median ${f(median(dropMs))} CPU (${dropMs.length} drops)`);
console.log(
  `per drop, every edge again: median ${f(median(rerouteMs))} CPU (cached routes reused)`,
);

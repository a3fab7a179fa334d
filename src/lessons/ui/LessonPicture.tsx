import { useMemo } from 'react';
import { deriveTrustEdges, type Design, type EntityKind } from '../../model';
import { ENTITY_HEIGHT, ENTITY_WIDTH, accountFrames, entityPositions } from '../../canvas';

const fill: Record<Exclude<EntityKind, 'account'>, string> = {
  user: '#0284c7',
  group: '#0891b2',
  role: '#d97706',
  service: '#7c3aed',
  'identity-provider': '#db2777',
  outside: '#64748b',
  resource: '#059669',
};

/** A small picture of a lesson's design: its accounts, nodes by kind, and trust edges. */
export function LessonPicture({ design }: { design: Design }) {
  const picture = useMemo(() => {
    const positions = entityPositions(design);
    const frames = accountFrames(design, positions);
    const boxes = [
      ...frames.values(),
      ...[...positions.values()].map((p) => ({ ...p, width: ENTITY_WIDTH, height: ENTITY_HEIGHT })),
    ];
    const minX = Math.min(...boxes.map((b) => b.x)) - 20;
    const minY = Math.min(...boxes.map((b) => b.y)) - 20;
    const maxX = Math.max(...boxes.map((b) => b.x + (b.width ?? ENTITY_WIDTH))) + 20;
    const maxY = Math.max(...boxes.map((b) => b.y + (b.height ?? ENTITY_HEIGHT))) + 20;
    const centre = (id: string) => {
      const p = positions.get(id) ?? frames.get(id);
      return p
        ? { x: p.x + (p.width ?? ENTITY_WIDTH) / 2, y: p.y + (p.height ?? ENTITY_HEIGHT) / 2 }
        : undefined;
    };
    const edges = deriveTrustEdges(design).flatMap((e) => {
      const from = centre(e.source);
      const to = centre(e.target);
      return from && to ? [{ id: e.id, from, to }] : [];
    });
    const kinds = new Map(
      [
        ...design.users,
        ...design.groups,
        ...design.roles,
        ...design.services,
        ...design.identityProviders,
        ...design.outsidePrincipals,
        ...design.resources,
      ].map((e) => [e.id, e.kind] as const),
    );
    return {
      viewBox: `${minX} ${minY} ${maxX - minX} ${maxY - minY}`,
      frames,
      positions,
      edges,
      kinds,
    };
  }, [design]);

  return (
    <svg
      viewBox={picture.viewBox}
      aria-hidden="true"
      className="h-24 w-full"
      preserveAspectRatio="xMidYMid meet"
    >
      {[...picture.frames.entries()].map(([id, f]) => (
        <rect
          key={id}
          x={f.x}
          y={f.y}
          width={f.width}
          height={f.height}
          rx={16}
          className="fill-slate-100 stroke-slate-300 dark:fill-slate-800 dark:stroke-slate-600"
          strokeWidth={4}
        />
      ))}
      {picture.edges.map((e) => (
        <line
          key={e.id}
          x1={e.from.x}
          y1={e.from.y}
          x2={e.to.x}
          y2={e.to.y}
          stroke="#f59e0b"
          strokeWidth={8}
        />
      ))}
      {[...picture.positions.entries()].map(([id, p]) => {
        const kind = picture.kinds.get(id);
        return (
          <rect
            key={id}
            x={p.x}
            y={p.y}
            width={ENTITY_WIDTH}
            height={ENTITY_HEIGHT}
            rx={12}
            fill={kind ? fill[kind] : '#94a3b8'}
          />
        );
      })}
    </svg>
  );
}

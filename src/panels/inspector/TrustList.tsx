import { deriveTrustGraph, findEntity, type Design, type Role } from '../../model';

interface TrustListProps {
  design: Design;
  role: Role;
}

/** Who may assume the role, as the canvas draws it, and principals that no node stands for. */
export function TrustList({ design, role }: TrustListProps) {
  const graph = deriveTrustGraph(design);
  const edges = graph.edges.filter((e) => e.target === role.id);
  const dangling = graph.dangling.filter((d) => d.roleId === role.id);
  return (
    <section aria-label="Who can assume this role" className="space-y-1">
      <h3 className="text-xs font-semibold text-slate-700 dark:text-slate-200">
        Who can assume this role
      </h3>
      {edges.length === 0 && dangling.length === 0 && (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Nobody: the trust policy names no principal.
        </p>
      )}
      <ul className="space-y-1 text-xs">
        {edges.map((edge) => (
          <li
            key={edge.id}
            className={edge.blocked ? 'text-red-700 line-through dark:text-red-400' : ''}
          >
            <span className="font-medium">{findEntity(design, edge.source)?.name}</span>{' '}
            <span className="text-slate-500 dark:text-slate-400">
              ({edge.kind}, {edge.action}
              {edge.label ? `, when ${edge.label}` : ''}
              {edge.blocked ? ', blocked by a Deny' : ''})
            </span>
          </li>
        ))}
        {dangling.map((d) => (
          <li
            key={`${d.principal.type}:${d.principal.value}`}
            className="text-amber-700 dark:text-amber-300"
          >
            <span className="font-mono">{d.principal.value}</span> — {d.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}

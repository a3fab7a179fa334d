import { deriveTrustEdges, findEntity, type Design } from '../../model';

/** What a selected trust edge stands for in the trust policy. */
export function EdgeDetails({ design, edgeId }: { design: Design; edgeId: string }) {
  const edge = deriveTrustEdges(design).find((e) => e.id === edgeId);
  if (!edge) return null;
  const source = findEntity(design, edge.source)?.name ?? edge.source;
  const target = findEntity(design, edge.target)?.name ?? edge.target;
  const conditions = edge.conditionSets.filter((set) => set.length > 0);
  return (
    <div className="space-y-2 text-sm">
      <h3 className="font-semibold">
        {source} → {target}
      </h3>
      <dl className="space-y-1 text-xs">
        <dt className="font-medium text-slate-600 dark:text-slate-300">
          Principal in the trust policy
        </dt>
        <dd className="break-all font-mono">
          {edge.principal.type}: {edge.principal.value}
        </dd>
        <dt className="font-medium text-slate-600 dark:text-slate-300">Action</dt>
        <dd className="font-mono">{edge.action}</dd>
        <dt className="font-medium text-slate-600 dark:text-slate-300">Kind</dt>
        <dd>{edge.kind}</dd>
        <dt className="font-medium text-slate-600 dark:text-slate-300">Conditions</dt>
        <dd>{conditions.length === 0 ? 'none' : edge.label}</dd>
        {edge.blocked && (
          <>
            <dt className="font-medium text-red-700 dark:text-red-400">Blocked</dt>
            <dd className="text-red-700 dark:text-red-400">
              A Deny in the trust policy always applies.
            </dd>
          </>
        )}
      </dl>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        Press Delete to remove this principal from the trust policy.
      </p>
    </div>
  );
}

import {
  accessSummary,
  deriveMembershipEdges,
  derivePermissionEdges,
  deriveTrustEdges,
  findEntity,
  type Design,
} from '../../model';
import { TrustConditionFields } from './TrustConditionFields';

/** What a selected edge stands for: a trust policy principal, a permission or a membership. */
export function EdgeDetails({ design, edgeId }: { design: Design; edgeId: string }) {
  if (edgeId.startsWith('perm:')) return <PermissionEdgeDetails design={design} edgeId={edgeId} />;
  if (edgeId.startsWith('member:'))
    return <MembershipEdgeDetails design={design} edgeId={edgeId} />;
  return <TrustEdgeDetails design={design} edgeId={edgeId} />;
}

const nameOf = (design: Design, id: string) => findEntity(design, id)?.name ?? id;

function PermissionEdgeDetails({ design, edgeId }: { design: Design; edgeId: string }) {
  const [, sourceId = ''] = edgeId.split(':');
  const edge = derivePermissionEdges(design, { sources: [sourceId] }).find((e) => e.id === edgeId);
  if (!edge) return null;
  return (
    <div className="space-y-2 text-sm">
      <h3 className="font-semibold">
        {nameOf(design, edge.source)} → {nameOf(design, edge.target)}
      </h3>
      <p className="text-xs text-slate-600 dark:text-slate-300">
        The engine allows these actions on the resource, with every policy that applies (identity,
        boundary, resource policy, SCPs and RCPs):
      </p>
      <ul className="list-inside list-disc font-mono text-xs">
        {edge.actions.map((action) => (
          <li key={action}>{action}</li>
        ))}
        {edge.conditional.map((c) => (
          <li key={c.action}>
            {c.action}{' '}
            <span className="font-sans text-amber-700 dark:text-amber-300">
              only if {[...new Set(c.needs.map((n) => n.text))].join(', ')} (
              {c.needs.map((n) => n.key).join(', ')})
            </span>
          </li>
        ))}
      </ul>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        Permission edges are derived from the policies: edit a policy to change them.
      </p>
    </div>
  );
}

function MembershipEdgeDetails({ design, edgeId }: { design: Design; edgeId: string }) {
  const edge = deriveMembershipEdges(design).find((e) => e.id === edgeId);
  if (!edge) return null;
  return (
    <div className="space-y-2 text-sm">
      <h3 className="font-semibold">
        {nameOf(design, edge.source)} → {nameOf(design, edge.target)}
      </h3>
      <p className="text-xs text-slate-600 dark:text-slate-300">
        {nameOf(design, edge.source)} is a member of the group {nameOf(design, edge.target)} and
        gets its policies.
      </p>
    </div>
  );
}

function TrustEdgeDetails({ design, edgeId }: { design: Design; edgeId: string }) {
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
        <dt className="font-medium text-slate-600 dark:text-slate-300">With the default request</dt>
        <dd className={edge.blocked ? 'text-red-700 dark:text-red-400' : undefined}>
          {accessSummary(edge.access)}
        </dd>
      </dl>
      <TrustConditionFields design={design} edge={edge} />
      <p className="text-xs text-slate-500 dark:text-slate-400">
        Press Delete to remove this principal from the trust policy.
      </p>
    </div>
  );
}

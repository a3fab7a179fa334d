import type { Severity } from '../../analysis';
import type { EntityId } from '../../model';
import { useRolecraft } from '../../store';

const tone: Record<Severity, string> = {
  critical: 'border-red-900 bg-red-700 text-white',
  high: 'border-red-700 bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-50',
  medium: 'border-amber-700 bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-50',
  low: 'border-slate-500 bg-slate-100 text-slate-800 dark:bg-slate-700 dark:text-slate-50',
};

/**
 * How many findings the last analysis has about this node and the worst severity among them;
 * a click opens the Findings tab on them. Nothing when the node has none.
 */
export function FindingBadge({ id, name }: { id: EntityId; name: string }) {
  const badge = useRolecraft((s) => s.findingBadges.get(id));
  const showFindingsOf = useRolecraft((s) => s.showFindingsOf);
  if (!badge) return null;
  const words = `${badge.count} finding${badge.count === 1 ? '' : 's'} on ${name}, worst ${badge.worst}`;
  return (
    <button
      type="button"
      data-finding-badge={badge.worst}
      aria-label={words}
      title={`${words}: show them in the Findings tab`}
      className={`nodrag nopan absolute -top-2.5 left-2 flex items-center gap-1 rounded-full border px-1.5 text-[11px] leading-4 font-bold focus:outline-2 focus:outline-offset-1 focus:outline-sky-600 ${tone[badge.worst]}`}
      onClick={(event) => {
        event.stopPropagation();
        showFindingsOf(id);
      }}
    >
      <span aria-hidden="true">⚠</span>
      {badge.count}
      <span className="font-semibold">{badge.worst}</span>
    </button>
  );
}

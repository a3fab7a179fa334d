import { memo, useState } from 'react';
import { Panel } from '@xyflow/react';
import { selectEdgeVisibility, selectSetEdgeVisibility, useRolecraft } from '../store';
import { showsPermissionEdges } from './useFitOnOpen';
import {
  blockedLook,
  membershipLook,
  permissionLook,
  trustLooks,
  type EdgeLook,
} from './edges/edge-styles';

function Swatch({ look }: { look: EdgeLook }) {
  return (
    <svg width="36" height="8" aria-hidden="true" className="shrink-0">
      <line
        x1="0"
        y1="4"
        x2="36"
        y2="4"
        stroke={look.stroke}
        strokeWidth={look.strokeWidth}
        strokeDasharray={look.dash}
      />
    </svg>
  );
}

/** What the edge colours and dashes mean, and which kinds of edges to draw; folds away. */
export const Legend = memo(function Legend({ culled }: { culled: boolean }) {
  const [open, setOpen] = useState(false);
  const visibility = useRolecraft(selectEdgeVisibility);
  const setVisibility = useRolecraft(selectSetEdgeVisibility);
  return (
    <Panel position="top-right">
      <div className="rounded-lg border border-slate-200 bg-white/95 text-xs shadow-sm dark:border-slate-700 dark:bg-slate-900/95">
        <button
          type="button"
          aria-expanded={open}
          onClick={() => setOpen((v) => !v)}
          className="w-full px-3 py-1.5 text-left font-medium"
        >
          Legend
        </button>
        {open && (
          <div className="space-y-2 px-3 pb-2">
            <ul className="space-y-1" aria-label="Trust edges">
              {[...Object.values(trustLooks), blockedLook].map((look) => (
                <li key={look.label} className="flex items-center gap-2">
                  <Swatch look={look} />
                  <span>{look.label}</span>
                </li>
              ))}
            </ul>
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={visibility.membership}
                onChange={(e) => setVisibility({ membership: e.target.checked })}
              />
              <Swatch look={membershipLook} />
              <span>Show {membershipLook.label} edges</span>
            </label>
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={showsPermissionEdges(visibility.permission, culled)}
                onChange={(e) => setVisibility({ permission: e.target.checked })}
              />
              <Swatch look={permissionLook} />
              <span>Show permission edges</span>
            </label>
            {culled && (
              <p className="max-w-56 text-slate-600 dark:text-slate-300">
                A large design is drawn more simply: an edge with an end far outside the view
                appears once you pan near both ends, or select one of them; while you drag only the
                dragged nodes’ edges are drawn; zoomed out too far to read names, only the accounts
                are drawn (the overview shows every node).
              </p>
            )}
          </div>
        )}
      </div>
    </Panel>
  );
});

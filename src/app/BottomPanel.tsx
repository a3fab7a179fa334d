import { useEffect, useRef, type ReactNode } from 'react';
import { bottomTabs, useRolecraft } from '../store';
import { EscalationsPanel } from './analysis/EscalationsPanel';
import { FindingsPanel } from './analysis/FindingsPanel';
import { WhoCanPanel } from './analysis/WhoCanPanel';

interface BottomPanelProps {
  simulation: ReactNode;
  /** Docked beside the views (the what-if summary); shown even while the views are collapsed. */
  aside?: ReactNode;
  /** Only the tabs show; picking one (or another view asking for one) opens the panel. */
  collapsed?: boolean;
  onExpand?: () => void;
}

/** The bottom panel: the simulation, and the analysis's findings, escalations and who-can. */
export function BottomPanel({ simulation, aside, collapsed = false, onExpand }: BottomPanelProps) {
  const tab = useRolecraft((s) => s.bottomTab);
  const setTab = useRolecraft((s) => s.setBottomTab);
  // A finding badge on the canvas asks for the Findings tab: a collapsed panel opens for it.
  const seen = useRef(tab);
  useEffect(() => {
    if (seen.current === tab) return;
    seen.current = tab;
    if (collapsed) onExpand?.();
  }, [tab, collapsed, onExpand]);
  return (
    <>
      <div role="tablist" aria-label="Bottom panel views" className="mb-1 flex shrink-0 gap-1">
        {bottomTabs.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={tab === t}
            className={`rounded-t px-2 py-0.5 text-xs font-semibold ${tab === t ? 'bg-slate-200 dark:bg-slate-700' : 'text-slate-600 dark:text-slate-300'}`}
            onClick={() => {
              setTab(t);
              if (collapsed) onExpand?.();
            }}
          >
            {t}
          </button>
        ))}
      </div>
      <div className="flex min-h-0 flex-1 gap-3">
        {/* Kept mounted while collapsed: the forms keep what was typed. */}
        <div role="tabpanel" aria-label={tab} hidden={collapsed} className="min-h-0 min-w-0 flex-1">
          {tab === 'Simulation' ? (
            simulation
          ) : tab === 'Findings' ? (
            <FindingsPanel />
          ) : tab === 'Escalations' ? (
            <EscalationsPanel />
          ) : (
            <WhoCanPanel />
          )}
        </div>
        {aside}
      </div>
    </>
  );
}

import type { ReactNode } from 'react';
import { bottomTabs, useRolecraft } from '../store';
import { EscalationsPanel } from './analysis/EscalationsPanel';
import { FindingsPanel } from './analysis/FindingsPanel';
import { WhoCanPanel } from './analysis/WhoCanPanel';

/** The bottom panel: the simulation, and the analysis's findings, escalations and who-can. */
export function BottomPanel({ simulation }: { simulation: ReactNode }) {
  const tab = useRolecraft((s) => s.bottomTab);
  const setTab = useRolecraft((s) => s.setBottomTab);
  return (
    <>
      <div role="tablist" aria-label="Bottom panel views" className="mb-1 flex gap-1">
        {bottomTabs.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={tab === t}
            className={`rounded-t px-2 py-0.5 text-xs font-semibold ${tab === t ? 'bg-slate-200 dark:bg-slate-700' : 'text-slate-600 dark:text-slate-300'}`}
            onClick={() => setTab(t)}
          >
            {t}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={tab}>
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
    </>
  );
}

import { useState, type ReactNode } from 'react';
import { FindingsPanel } from './analysis/FindingsPanel';

const tabs = ['Simulation', 'Findings'] as const;

/** The bottom panel: the simulation, and the analysis's findings. */
export function BottomPanel({ simulation }: { simulation: ReactNode }) {
  const [tab, setTab] = useState<(typeof tabs)[number]>('Simulation');
  return (
    <>
      <div role="tablist" aria-label="Bottom panel views" className="mb-1 flex gap-1">
        {tabs.map((t) => (
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
        {tab === 'Simulation' ? simulation : <FindingsPanel />}
      </div>
    </>
  );
}

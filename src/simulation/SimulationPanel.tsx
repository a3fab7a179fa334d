import { useRef, useState, type KeyboardEvent } from 'react';
import { useRolecraft } from '../store';
import { useSimulation } from './hooks/useSimulation';
import type { SimulationTab } from './state/simulation-store';
import { CREDENTIALS_DOCK_ID } from './overlay/dock-slot';
import { AnimationSpeedField } from './ui/AnimationSpeedField';
import { AssumeTab } from './ui/AssumeTab';
import { CallTab } from './ui/CallTab';
import { ClockBar } from './ui/ClockBar';
import { EventLogTab } from './ui/EventLogTab';
import { useAnimationDriver, useClockDriver, useReducedMotionSync } from './ui/useDrivers';

const TABS: { id: SimulationTab; label: string }[] = [
  { id: 'assume', label: 'Assume role' },
  { id: 'call', label: 'Make a call' },
  { id: 'log', label: 'Event log' },
];

/** The simulation: a clock, assuming roles, calls with sessions, and the event log. */
export default function SimulationPanel() {
  useClockDriver();
  useAnimationDriver();
  useReducedMotionSync();
  const tab = useSimulation((s) => s.tab);
  const setTab = useSimulation((s) => s.setTab);
  const eventCount = useSimulation((s) => s.events.length);
  const skipped = useSimulation((s) => s.skipped);
  // The forms take their defaults from the design: a newly opened design starts them afresh.
  const designId = useRolecraft((s) => s.design.id);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const [open, setOpen] = useState(true);

  const onTabKey = (event: KeyboardEvent, index: number) => {
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    const target =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? TABS.length - 1
          : (index + delta + TABS.length) % TABS.length;
    if (delta === 0 && event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    const next = TABS[target];
    if (!next) return;
    setTab(next.id);
    tabRefs.current[target]?.focus();
  };

  return (
    <section
      aria-label="Simulation"
      className={`flex min-h-0 flex-col gap-1.5 text-slate-900 dark:text-slate-100 ${open ? 'h-full' : ''}`}
    >
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <h2 className="text-sm font-bold">
          <button
            type="button"
            aria-expanded={open}
            aria-controls="simulation-views"
            onClick={() => setOpen((o) => !o)}
            className="flex items-center gap-1 rounded focus-visible:outline-2 focus-visible:outline-sky-600"
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
            Simulation
          </button>
        </h2>
        <div className="min-w-0 flex-1">
          <ClockBar />
        </div>
        <AnimationSpeedField />
      </div>
      {/* Credentials of roles with no free place beside them on the canvas (the overlay's). */}
      <div
        id={CREDENTIALS_DOCK_ID}
        role="group"
        aria-label="Credentials without room on the canvas"
        className="flex flex-wrap items-start gap-1 empty:hidden"
      />
      {skipped.length > 0 && (
        <p className="text-xs text-amber-800 dark:text-amber-300">
          Left out of the simulation (not valid JSON): {skipped.join(', ')}
        </p>
      )}
      <div id="simulation-views" hidden={!open} className="flex min-h-0 flex-1 flex-col gap-1.5">
        <div
          role="tablist"
          aria-label="Simulation views"
          className="flex gap-1 border-b border-slate-200 dark:border-slate-700"
        >
          {TABS.map((t, i) => (
            <button
              key={t.id}
              ref={(el) => {
                tabRefs.current[i] = el;
              }}
              id={`simulation-tab-${t.id}`}
              role="tab"
              type="button"
              aria-selected={tab === t.id}
              aria-controls={`simulation-panel-${t.id}`}
              tabIndex={tab === t.id ? 0 : -1}
              onClick={() => setTab(t.id)}
              onKeyDown={(e) => onTabKey(e, i)}
              className={`-mb-px border-b-2 px-2 py-0.5 text-xs font-medium ${tab === t.id ? 'border-sky-600 text-sky-800 dark:text-sky-300' : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100'}`}
            >
              {t.label}
              {t.id === 'log' && eventCount > 0 ? ` (${eventCount})` : ''}
            </button>
          ))}
        </div>
        {TABS.map((t) => (
          <div
            key={t.id}
            id={`simulation-panel-${t.id}`}
            role="tabpanel"
            aria-labelledby={`simulation-tab-${t.id}`}
            hidden={tab !== t.id}
            className="min-h-0 flex-1"
          >
            {t.id === 'assume' ? (
              <AssumeTab key={designId} />
            ) : t.id === 'call' ? (
              <CallTab key={designId} />
            ) : (
              <EventLogTab />
            )}
          </div>
        ))}
      </div>
    </section>
  );
}

import type { RoomLayout } from './room-layout';

interface RoomControlsProps {
  layout: RoomLayout;
  onChange: (patch: Partial<RoomLayout>) => void;
}

const toggleClass =
  'rounded border px-2 py-0.5 text-xs font-medium focus-visible:outline-2 focus-visible:outline-sky-600 aria-pressed:border-sky-600 aria-pressed:bg-sky-50 aria-pressed:text-sky-900 dark:aria-pressed:bg-sky-950 dark:aria-pressed:text-sky-100 border-slate-300 text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800';

/** Which panels share the window with the canvas, and Present for a projector. */
export function RoomControls({ layout, onChange }: RoomControlsProps) {
  return (
    <div role="group" aria-label="View" className="ml-auto flex items-center gap-1">
      <button
        type="button"
        aria-pressed={!layout.inspectorCollapsed}
        className={toggleClass}
        onClick={() => onChange({ inspectorCollapsed: !layout.inspectorCollapsed })}
      >
        Inspector panel
      </button>
      <button
        type="button"
        aria-pressed={!layout.bottomCollapsed}
        className={toggleClass}
        onClick={() => onChange({ bottomCollapsed: !layout.bottomCollapsed })}
      >
        Bottom panel
      </button>
      <button
        type="button"
        aria-pressed={layout.present}
        title="Larger text and controls, for a projector"
        className={toggleClass}
        onClick={() => onChange({ present: !layout.present })}
      >
        Present
      </button>
    </div>
  );
}

// A focusable separator that resizes the panel beside it (the WAI-ARIA window splitter):
// drag it, or focus it and use the arrow keys (Shift for bigger steps), Home and End for the
// smallest and largest size, Enter to collapse the panel or bring it back.

import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface SplitterProps {
  /** Names the separator, e.g. "Resize the inspector". */
  label: string;
  /** The id of the panel it resizes. */
  controls: string;
  /**
   * `vertical`: a vertical bar between side-by-side panes (Left/Right move it);
   * `horizontal`: a horizontal bar between stacked panes (Up/Down move it).
   */
  orientation: 'vertical' | 'horizontal';
  /** Which side of the bar the resized panel is on: growing it moves the bar away from it. */
  panelSide: 'start' | 'end';
  /** The panel's size in px, and its bounds. */
  size: number;
  min: number;
  max: number;
  collapsed: boolean;
  onResize: (size: number) => void;
  onToggle: () => void;
}

const STEP = 16;
const BIG_STEP = 64;

export function Splitter({
  label,
  controls,
  orientation,
  panelSide,
  size,
  min,
  max,
  collapsed,
  onResize,
  onToggle,
}: SplitterProps) {
  const drag = useRef<{ start: number; size: number } | null>(null);
  const vertical = orientation === 'vertical';
  // Moving the bar towards the end (right or down) grows a panel on the start side and
  // shrinks one on the end side: `sign` turns a movement into the panel's growth.
  const sign = panelSide === 'end' ? -1 : 1;
  const clamp = (value: number) => Math.round(Math.max(min, Math.min(max, value)));
  const shown = collapsed ? 0 : clamp(size);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? BIG_STEP : STEP;
    const forward = vertical ? 'ArrowRight' : 'ArrowDown';
    const back = vertical ? 'ArrowLeft' : 'ArrowUp';
    let next: number | undefined;
    if (event.key === forward) next = shown + sign * step;
    else if (event.key === back) next = shown - sign * step;
    else if (event.key === 'Home') next = min;
    else if (event.key === 'End') next = max;
    else if (event.key === 'Enter') {
      event.preventDefault();
      return onToggle();
    } else return;
    event.preventDefault();
    if (collapsed && next <= 0) return;
    onResize(clamp(collapsed ? min : next));
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { start: vertical ? event.clientX : event.clientY, size: shown };
    event.preventDefault();
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    const moved = (vertical ? event.clientX : event.clientY) - drag.current.start;
    onResize(clamp(drag.current.size + sign * moved));
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    drag.current = null;
    event.currentTarget.releasePointerCapture(event.pointerId);
  };

  return (
    <div
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-controls={controls}
      aria-orientation={orientation}
      aria-valuenow={shown}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuetext={collapsed ? 'collapsed' : `${shown} pixels`}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={onToggle}
      title={`${label}: drag, or arrow keys; Enter collapses`}
      className={`group relative z-10 flex shrink-0 touch-none items-center justify-center bg-slate-200 select-none hover:bg-sky-300 focus-visible:bg-sky-400 focus-visible:outline-none dark:bg-slate-700 dark:hover:bg-sky-700 ${
        vertical ? 'w-1.5 cursor-col-resize' : 'h-1.5 cursor-row-resize'
      }`}
    >
      <span
        aria-hidden="true"
        className={`rounded bg-slate-400 group-hover:bg-sky-700 dark:bg-slate-500 ${vertical ? 'h-8 w-0.5' : 'h-0.5 w-8'}`}
      />
    </div>
  );
}

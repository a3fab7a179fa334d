import { EdgeLabelRenderer } from '@xyflow/react';

interface EdgeLabelProps {
  x: number;
  y: number;
  text: string;
  color: string;
  title?: string;
}

/** A small pill on an edge; read by sighted users, the edge's aria-label carries the same words. */
export function EdgeLabel({ x, y, text, color, title }: EdgeLabelProps) {
  return (
    <EdgeLabelRenderer>
      {/* A zero-size box at the point centres the pill without a CSS transform: a moving
          transform would make the browser re-layerize the whole canvas on every drag frame. */}
      <div
        aria-hidden="true"
        className="nodrag nopan pointer-events-none absolute flex h-0 w-0 items-center justify-center"
        style={{ left: x, top: y }}
      >
        <div
          title={title}
          data-edge-label
          className="w-max max-w-64 shrink-0 rounded-xl border bg-white px-2 py-0.5 text-center text-[14px] leading-5 font-medium [overflow-wrap:anywhere] text-slate-700 dark:bg-slate-900 dark:text-slate-200"
          style={{ borderColor: color }}
        >
          {text}
        </div>
      </div>
    </EdgeLabelRenderer>
  );
}

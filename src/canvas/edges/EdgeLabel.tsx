import { EdgeLabelRenderer } from '@xyflow/react';
import type { Point } from './route-geometry';

interface EdgeLabelProps {
  x: number;
  y: number;
  text: string;
  color: string;
  title?: string;
  /** No free place for the whole label: a chip that shows it on hover or focus. */
  collapsed?: boolean;
}

const pill =
  'rounded-xl border bg-white px-2 py-0.5 text-center text-[14px] leading-5 font-medium text-slate-700 dark:bg-slate-900 dark:text-slate-200';

/** A pill on an edge; read by sighted users, the edge's aria-label carries the same words. */
export function EdgeLabel({ x, y, text, color, title, collapsed = false }: EdgeLabelProps) {
  return (
    <EdgeLabelRenderer>
      {/* A zero-size box at the point centres the pill without a CSS transform: a moving
          transform would make the browser re-layerize the whole canvas on every drag frame. */}
      <div
        className={`nodrag nopan absolute flex h-0 w-0 items-center justify-center ${collapsed ? 'group' : 'pointer-events-none'}`}
        style={{ left: x, top: y }}
      >
        {collapsed ? (
          <>
            <button
              type="button"
              title={title}
              aria-label={`Condition: ${text}`}
              data-edge-label
              data-collapsed
              className={`${pill} pointer-events-auto w-[30px] shrink-0 px-0 focus:outline-2 focus:outline-sky-600`}
              style={{ borderColor: color }}
            >
              …
            </button>
            <div
              aria-hidden="true"
              className={`${pill} pointer-events-none absolute top-4 z-10 hidden w-max max-w-64 [overflow-wrap:anywhere] shadow group-focus-within:block group-hover:block`}
              style={{ borderColor: color }}
            >
              {text}
            </div>
          </>
        ) : (
          <div
            aria-hidden="true"
            title={title}
            data-edge-label
            className={`${pill} w-max max-w-64 shrink-0 [overflow-wrap:anywhere]`}
            style={{ borderColor: color }}
          >
            {text}
          </div>
        )}
      </div>
    </EdgeLabelRenderer>
  );
}

/**
 * The thin line from a point on the edge to a label placed away from it (see `placeLabels`),
 * drawn in the edge's SVG: it ends at the label's centre, under the label.
 */
export function LabelLeader({ from, to, color }: { from: Point; to: Point; color: string }) {
  return (
    <path
      data-edge-leader
      d={`M${from.x},${from.y} L${to.x},${to.y}`}
      fill="none"
      stroke={color}
      strokeWidth={1.25}
      strokeDasharray="3 3"
      pointerEvents="none"
    />
  );
}

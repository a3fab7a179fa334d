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
      <div
        aria-hidden="true"
        title={title}
        className="nodrag nopan pointer-events-none absolute max-w-56 truncate rounded-full border bg-white px-2 py-0.5 text-[11px] leading-4 font-medium shadow-sm dark:bg-slate-900"
        style={{
          transform: `translate(-50%, -50%) translate(${x}px, ${y}px)`,
          borderColor: color,
          color,
        }}
      >
        {text}
      </div>
    </EdgeLabelRenderer>
  );
}

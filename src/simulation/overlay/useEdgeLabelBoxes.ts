import { useStore } from '@xyflow/react';
import { useLayoutEffect, useState, type RefObject } from 'react';
import type { Box } from './geometry';

const sameBoxes = (a: readonly Box[], b: readonly Box[]) =>
  a.length === b.length &&
  a.every((p, i) => {
    const q = b[i]!;
    return p.x === q.x && p.y === q.y && p.width === q.width && p.height === q.height;
  });

/** What the canvas draws over its nodes that the simulation must not cover either. */
const OVER_THE_CANVAS = '[data-edge-label], .react-flow__panel';

/**
 * Screen boxes (relative to `root`) of the edge labels the canvas shows and of its own panels
 * (zoom controls, legend, overview), read from the page (the canvas places them; the
 * simulation only stays clear of them). Read again whenever the view, the nodes or the edges
 * change.
 */
export function useEdgeLabelBoxes(root: RefObject<HTMLElement | null>, enabled: boolean): Box[] {
  // Subscribed only while the simulation shows something: panning or dragging otherwise
  // re-renders nothing here.
  const transform = useStore((s) => (enabled ? s.transform : null));
  const nodes = useStore((s) => (enabled ? s.nodes : null));
  const edges = useStore((s) => (enabled ? s.edges : null));
  const [boxes, setBoxes] = useState<Box[]>([]);
  useLayoutEffect(() => {
    const read = () => {
      const el = root.current;
      const pane = el?.parentElement;
      if (!enabled || !el || !pane) {
        setBoxes((previous) => (previous.length === 0 ? previous : []));
        return;
      }
      const origin = el.getBoundingClientRect();
      const next = [...pane.querySelectorAll(OVER_THE_CANVAS)].flatMap((label) => {
        const r = label.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return [];
        // Outwards to whole pixels, so that what clears the box clears the element.
        const x = Math.floor(r.x - origin.x);
        const y = Math.floor(r.y - origin.y);
        return [
          {
            x,
            y,
            width: Math.ceil(r.right - origin.x) - x,
            height: Math.ceil(r.bottom - origin.y) - y,
          },
        ];
      });
      setBoxes((previous) => (sameBoxes(previous, next) ? previous : next));
    };
    read();
    // Labels are placed from the measured nodes, possibly a commit later.
    if (typeof requestAnimationFrame !== 'function') return;
    const frame = requestAnimationFrame(read);
    return () => cancelAnimationFrame(frame);
  }, [root, enabled, transform, nodes, edges]);
  return boxes;
}

import { useStore } from '@xyflow/react';
import { useLayoutEffect, useState, type RefObject } from 'react';
import type { Box } from './geometry';

const sameBoxes = (a: readonly Box[], b: readonly Box[]) =>
  a.length === b.length &&
  a.every((p, i) => {
    const q = b[i]!;
    return p.x === q.x && p.y === q.y && p.width === q.width && p.height === q.height;
  });

/**
 * Screen boxes (relative to `root`) of the edge labels the canvas shows, read from the page
 * (the canvas places them; the simulation only stays clear of them). Read again whenever the
 * view, the nodes or the edges change.
 */
export function useEdgeLabelBoxes(root: RefObject<HTMLElement | null>, enabled: boolean): Box[] {
  const transform = useStore((s) => s.transform);
  const nodes = useStore((s) => s.nodes);
  const edges = useStore((s) => s.edges);
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
      const next = [...pane.querySelectorAll('[data-edge-label]')].map((label) => {
        const r = label.getBoundingClientRect();
        return {
          x: Math.round(r.x - origin.x),
          y: Math.round(r.y - origin.y),
          width: Math.round(r.width),
          height: Math.round(r.height),
        };
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

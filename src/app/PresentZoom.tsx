import { useEffect, useRef } from 'react';
import { useReactFlow } from '@xyflow/react';
import { PRESENT_SCALE } from '../canvas';

/**
 * Present makes the canvas's text larger too: turning it on zooms the canvas in by the same
 * factor as the panels (about the middle of the view), turning it off zooms back out. A design
 * opened in Present (a reload too) opens at its fit times the factor (`Canvas`'s `openingScale`).
 */
export function PresentZoom({ present }: { present: boolean }) {
  const flow = useReactFlow();
  const was = useRef(present);
  useEffect(() => {
    if (was.current === present) return;
    was.current = present;
    const factor = present ? PRESENT_SCALE : 1 / PRESENT_SCALE;
    void flow.zoomTo(flow.getZoom() * factor, { duration: 0 });
  }, [present, flow]);
  return null;
}

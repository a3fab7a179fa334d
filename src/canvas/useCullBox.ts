import { useCallback, useMemo } from 'react';
import { useStore, type ReactFlowState } from '@xyflow/react';
import type { Frame } from './geometry';

/** A view: React Flow's transform and the pane's size in screen pixels. */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
  width: number;
  height: number;
}

/** `x,y,width,height` of the culling box, or '' when culling is off. */
type BoxKey = string;

/**
 * For large designs, the part of the canvas whose edges are worth drawing: the view and one
 * view-size around it, snapped to a coarse grid so that panning changes it only now and then
 * (each change hands React Flow a new edge list).
 */
export function useCullBox(enabled: boolean, opening: Viewport): Frame | undefined {
  const selector = useCallback(
    (state: ReactFlowState): BoxKey => {
      if (!enabled) return '';
      // Before React Flow has measured its pane (and before the opening view is set), the view
      // the design opens at: what is handed to React Flow first is what it shows first.
      const unmeasured = state.width === 0 || state.height === 0;
      const { width, height } = unmeasured ? opening : state;
      const [tx, ty, zoom] = unmeasured ? [opening.x, opening.y, opening.zoom] : state.transform;
      // Zoom in half-octave steps, so zooming does not change the grid every frame.
      const steppedZoom = 2 ** (Math.round(Math.log2(zoom) * 2) / 2);
      const viewWidth = width / steppedZoom;
      const viewHeight = height / steppedZoom;
      const cellX = viewWidth / 2;
      const cellY = viewHeight / 2;
      const x0 = -tx / zoom;
      const y0 = -ty / zoom;
      const left = Math.floor((x0 - viewWidth) / cellX) * cellX;
      const top = Math.floor((y0 - viewHeight) / cellY) * cellY;
      const right = Math.ceil((x0 + 2 * viewWidth) / cellX) * cellX;
      const bottom = Math.ceil((y0 + 2 * viewHeight) / cellY) * cellY;
      return `${left},${top},${right - left},${bottom - top}`;
    },
    [enabled, opening],
  );
  const key = useStore(selector);
  // One object per box, so what is derived from it is not derived again on every render.
  return useMemo(() => {
    if (key === '') return undefined;
    const [x = 0, y = 0, width = 0, height = 0] = key.split(',').map(Number);
    return { x, y, width, height };
  }, [key]);
}

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

/** `x,y,width,height,far` of the culling box, or '' when culling is off. */
type BoxKey = string;

/**
 * Below this zoom names cannot be read (15 px names under 4.5 px): a large design then shows
 * its account frames only, not thousands of unreadable entities (Fit View at 10,000 nodes
 * zooms to about 0.05, where the box would hold the whole design).
 */
const FAR_ZOOM = 0.3;

/** The part of the canvas worth drawing; `far`: zoomed out too far to read an entity's name. */
export interface CullBox extends Frame {
  far: boolean;
}

/**
 * For large designs, the part of the canvas whose edges are worth drawing: the view and one
 * view-size around it, snapped to a coarse grid so that panning changes it only now and then
 * (each change hands React Flow a new edge list); `far` when zoomed out past `FAR_ZOOM`.
 */
export function useCullBox(enabled: boolean, opening: Viewport): CullBox | undefined {
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
      const far = steppedZoom < FAR_ZOOM ? 1 : 0;
      return `${left},${top},${right - left},${bottom - top},${far}`;
    },
    [enabled, opening],
  );
  const key = useStore(selector);
  // One object per box, so what is derived from it is not derived again on every render.
  return useMemo(() => {
    if (key === '') return undefined;
    const [x = 0, y = 0, width = 0, height = 0, far = 0] = key.split(',').map(Number);
    return { x, y, width, height, far: far === 1 };
  }, [key]);
}

import { getNodesBounds, getViewportForBounds, type ReactFlowInstance } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';
import type { FlowEdge } from './edges/edge-data';
import type { FlowNode } from './nodes/node-data';
import { withEverythingDrawn } from './picture-mode';

/** Space around the design in the picture, in CSS pixels. */
const MARGIN = 32;
/** Longest side of the picture in CSS pixels (twice that in image pixels at 2x). */
const MAX_SIDE = 4096;
/** Image pixels per CSS pixel: text stays sharp on a projector and when zoomed into a slide. */
const PIXEL_RATIO = 2;

export type PictureFormat = 'png' | 'svg';

export interface Picture {
  /** A `data:` URL of the image. */
  url: string;
  /** Size in CSS pixels (the PNG has twice as many). */
  width: number;
  height: number;
}

/**
 * The whole design as a picture, the way React Flow documents it: the bounds of every node,
 * a viewport that fits them at natural size (smaller only past MAX_SIDE), and html-to-image
 * on the viewport element, so edges and their labels come along. The background is the
 * canvas's own, light or dark as on screen.
 */
export async function designPicture(
  flow: ReactFlowInstance<FlowNode, FlowEdge>,
  format: PictureFormat,
): Promise<Picture> {
  const viewportElement = document.querySelector<HTMLElement>(
    'main[aria-label="Canvas"] .react-flow__viewport',
  );
  if (!viewportElement) throw new Error('the canvas is not open');
  const canvas = viewportElement.closest<HTMLElement>('main') ?? viewportElement;
  // A large design hands React Flow only the nodes near the view: every node is there (and so
  // in the bounds) only once the canvas draws everything.
  return withEverythingDrawn(
    canvas,
    () => flow.getNodes().length,
    async () => {
      const bounds = getNodesBounds(flow.getNodes());
      const zoom = Math.min(
        1,
        (MAX_SIDE - 2 * MARGIN) / Math.max(bounds.width, 1),
        (MAX_SIDE - 2 * MARGIN) / Math.max(bounds.height, 1),
      );
      const width = Math.ceil(bounds.width * zoom + 2 * MARGIN);
      const height = Math.ceil(bounds.height * zoom + 2 * MARGIN);
      const view = getViewportForBounds(bounds, width, height, zoom, zoom, 0);
      const options = {
        backgroundColor: backgroundOf(viewportElement),
        width,
        height,
        pixelRatio: PIXEL_RATIO,
        style: {
          width: `${width}px`,
          height: `${height}px`,
          transform: `translate(${view.x}px, ${view.y}px) scale(${view.zoom})`,
        },
        // Connection handles are for editing, not for the picture.
        filter: (node: HTMLElement) => !node.classList?.contains('react-flow__handle'),
      };
      const url = await (format === 'png'
        ? toPng(viewportElement, options)
        : toSvg(viewportElement, options));
      return { url, width, height };
    },
  );
}

/** The first opaque background from the element up: the canvas colour the user sees. */
function backgroundOf(element: HTMLElement): string {
  for (let at: HTMLElement | null = element; at; at = at.parentElement) {
    const colour = getComputedStyle(at).backgroundColor;
    if (colour && colour !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(colour)) return colour;
  }
  return '#ffffff';
}

// How the view fits a design: shared by opening, adding and revealing nodes.

/** Room for the controls (left), the legend and minimap (right) when fitting the view. */
export const FIT_PADDING = { top: '40px', bottom: '24px', left: '56px', right: '184px' } as const;

/**
 * The lowest zoom a design opens at: node names (15 px) render at 12 px, edge labels (14 px)
 * at 11 px. A design that only fits smaller opens on its first account instead.
 */
export const READABLE_ZOOM = 0.8;

/** How much larger Present makes text: the panels' zoom, and the canvas's on top of its fit. */
export const PRESENT_SCALE = 1.25;

/** The furthest the canvas zooms out (and so the least a fit may zoom to). */
export const MIN_ZOOM = 0.05;

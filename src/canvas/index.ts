/** The canvas: the design as a graph, and what the app, the panels and the lessons use of it. */
export { Canvas } from './Canvas';
export { EntityIcon } from './icons/EntityIcon';
export type { GlyphName } from './icons/glyphs';
export { kindLabel } from './presentation';
export { additionFor, targetAccount, type AddableKind } from './add-entity';
export { FIT_PADDING, PRESENT_SCALE } from './view-fit';
export { isLargeDesign } from './useFitOnOpen';
export { bringIntoView, prefersReducedMotion, revealNode, type FlowControls } from './reveal';
export { designPicture, type PictureFormat } from './export-image';
export type { FlowEdge } from './edges/edge-data';
export type { FlowNode } from './nodes/node-data';
export { ACCOUNT_HEADER, ENTITY_HEIGHT, ENTITY_WIDTH } from './geometry';
export { segmentHits } from './edges/route-geometry';
export { accountFrames, entityPositions } from './nodes/build-nodes';

/** The automatic layout (elkjs), loaded on first use. */
export const loadAutoLayout = () => import('./auto-layout');

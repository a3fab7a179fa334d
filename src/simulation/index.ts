/** The simulation's mount points: the bottom panel (loaded on demand) and the canvas overlay. */
import { lazy } from 'react';

export const SimulationPanel = lazy(() => import('./SimulationPanel'));
export { SimulationOverlay } from './overlay/SimulationOverlay';

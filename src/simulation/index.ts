/** The simulation's mount points: the bottom panel (loaded on demand) and the canvas overlay. */
import { lazy } from 'react';

export const SimulationPanel = lazy(() => import('./SimulationPanel'));
export { SimulationOverlay } from './overlay/SimulationOverlay';
// The app's one simulation and its provider (a test provides its own store).
export { simulationStore } from './simulation';
export { SimulationProvider } from './hooks/SimulationProvider';
export { createSimulationStore, type SimulationStore } from './state/simulation-store';
// What a lesson needs to fill and submit the forms as a person would.
export {
  callerChoice,
  callerDefaults,
  callerOptions,
  designRoles,
  type ServiceContext,
} from './state/caller-options';
export { EMPTY_ASSUME_FORM, type AssumeFormValues } from './state/requests';
export type { ClaimRow } from './world/claims';

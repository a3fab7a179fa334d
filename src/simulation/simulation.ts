// The app's one simulation, fed by the app's design store, and the hook to read it.

import { useStore } from 'zustand';
import { rolecraftStore } from '../store';
import {
  createSimulationStore,
  type SimulationActions,
  type SimulationState,
} from './state/simulation-store';

export const simulationStore = createSimulationStore(rolecraftStore);

export function useSimulation<T>(selector: (state: SimulationState & SimulationActions) => T): T {
  return useStore(simulationStore, selector);
}

import { useStore } from 'zustand';
import type { SimulationActions, SimulationState } from '../state/simulation-store';
import { useSimulationStore } from './useSimulationStore';

/** Read from the simulation of the nearest `SimulationProvider`. */
export function useSimulation<T>(selector: (state: SimulationState & SimulationActions) => T): T {
  return useStore(useSimulationStore(), selector);
}

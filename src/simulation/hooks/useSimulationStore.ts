import { useContext } from 'react';
import type { SimulationStore } from '../state/simulation-store';
import { SimulationStoreContext } from './context';

/**
 * The simulation store itself, for event handlers and effects that act at that moment
 * (`store.getState().tick(s)`); render from `useSimulation` instead.
 */
export function useSimulationStore(): SimulationStore {
  const store = useContext(SimulationStoreContext);
  if (!store) throw new Error('no simulation: render this component inside `SimulationProvider`');
  return store;
}

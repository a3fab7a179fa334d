import type { ReactNode } from 'react';
import type { SimulationStore } from '../state/simulation-store';
import { SimulationStoreContext } from './context';

/** Makes `store` the simulation every hook below reads (`useSimulation`, ...). */
export function SimulationProvider({
  store,
  children,
}: {
  store: SimulationStore;
  children: ReactNode;
}) {
  return (
    <SimulationStoreContext.Provider value={store}>{children}</SimulationStoreContext.Provider>
  );
}

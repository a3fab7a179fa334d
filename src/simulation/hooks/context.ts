import { createContext } from 'react';
import type { SimulationStore } from '../state/simulation-store';

/**
 * The simulation the components below read. The app provides its one simulation; a
 * component test provides one built on a fresh design store (`createSimulationStore`).
 */
export const SimulationStoreContext = createContext<SimulationStore | null>(null);

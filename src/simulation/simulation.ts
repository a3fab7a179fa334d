// The app's one simulation, fed by the app's design store. Components read it through
// `SimulationProvider` and the hooks in `hooks/`, never from here.

import { rolecraftStore } from '../store';
import { rememberAnimationSpeed } from './state/remember-speed';
import { createSimulationStore } from './state/simulation-store';

export const simulationStore = createSimulationStore(rolecraftStore);

/** The browser's localStorage, if this page may use one (reading it can throw). */
function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

rememberAnimationSpeed(simulationStore, browserStorage());

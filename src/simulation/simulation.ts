// The app's one simulation, fed by the app's design store. Components read it through
// `SimulationProvider` and the hooks in `hooks/`, never from here.

import { rolecraftStore } from '../store';
import { createSimulationStore } from './state/simulation-store';

export const simulationStore = createSimulationStore(rolecraftStore);

import { createContext } from 'react';
import type { RolecraftStore } from '../store';

/**
 * The store the components below read. The app provides its own instance; a component test
 * provides a fresh one (`createRolecraftStore()`), so nothing in the UI is tied to the singleton.
 */
export const RolecraftStoreContext = createContext<RolecraftStore | null>(null);

import { useContext } from 'react';
import type { RolecraftStore } from '../store';
import { RolecraftStoreContext } from './context';

/**
 * The store instance itself, for event handlers and effects that read or act at that moment
 * (`store.getState().select(ids)`); render from `useRolecraft` instead.
 */
export function useRolecraftStore(): RolecraftStore {
  const store = useContext(RolecraftStoreContext);
  if (!store)
    throw new Error('no rolecraft store: render this component inside `RolecraftProvider`');
  return store;
}

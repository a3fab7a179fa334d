import type { ReactNode } from 'react';
import type { RolecraftStore } from '../store';
import { RolecraftStoreContext } from './context';

/** Makes `store` the one every hook below reads (`useRolecraft`, `useHistory`, ...). */
export function RolecraftProvider({
  store,
  children,
}: {
  store: RolecraftStore;
  children: ReactNode;
}) {
  return <RolecraftStoreContext.Provider value={store}>{children}</RolecraftStoreContext.Provider>;
}

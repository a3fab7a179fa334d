import { useReactFlow } from '@xyflow/react';
import { selectSearchOpen, selectSelect, useRolecraft, useRolecraftStore } from '../../store';
import { SearchDialog } from './SearchDialog';
import { revealNode } from '../../canvas';

/** The Ctrl+K dialog, jumping to the chosen node and focusing it. */
export function SearchHost() {
  const open = useRolecraft(selectSearchOpen);
  const select = useRolecraft(selectSelect);
  const store = useRolecraftStore();
  const flow = useReactFlow();
  if (!open) return null;
  const close = () => store.getState().setSearchOpen(false);
  return <SearchDialog onClose={close} onPick={(entity) => revealNode(flow, entity.id, select)} />;
}

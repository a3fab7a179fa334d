import { useReactFlow } from '@xyflow/react';
import { rolecraftStore, selectSearchOpen, useRolecraft } from '../../store';
import { SearchDialog } from './SearchDialog';
import { revealNode } from '../../canvas/reveal';

const close = () => rolecraftStore.getState().setSearchOpen(false);

/** The Ctrl+K dialog, jumping to the chosen node and focusing it. */
export function SearchHost() {
  const open = useRolecraft(selectSearchOpen);
  const flow = useReactFlow();
  if (!open) return null;
  return <SearchDialog onClose={close} onPick={(entity) => revealNode(flow, entity.id)} />;
}

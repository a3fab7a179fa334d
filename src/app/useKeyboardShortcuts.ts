import { useEffect } from 'react';
import { useRolecraftStore } from '../store';
import { copySelection, paste, redo, undo } from './edit-actions';

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * App-wide shortcuts: Ctrl/⌘+Z undo, Ctrl/⌘+Shift+Z (or Ctrl+Y) redo, Ctrl/⌘+K find a node,
 * Ctrl/⌘+C and Ctrl/⌘+V copy and paste nodes. Text fields keep their own undo and clipboard.
 */
export function useKeyboardShortcuts() {
  const store = useRolecraftStore();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'k') {
        store.getState().setSearchOpen(true);
        event.preventDefault();
        return;
      }
      if (isTextEntry(event.target) || document.querySelector('[aria-modal="true"]')) return;
      if (key === 'z' && !event.shiftKey) undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') redo();
      else if (key === 'c') {
        if (!copySelection()) return;
      } else if (key === 'v') {
        if (!paste()) return;
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}

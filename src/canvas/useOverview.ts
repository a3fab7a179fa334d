import { useCallback, useState } from 'react';
import { useStore, type ReactFlowState } from '@xyflow/react';

const KEY = 'rolecraft.canvas.overview';
/** Below this canvas height the overview would cover the design (at 1280x720 it does). */
const ROOM_FOR_OVERVIEW = 480;

function stored(): boolean | undefined {
  try {
    const value = localStorage.getItem(KEY);
    return value === null ? undefined : value === 'shown';
  } catch {
    return undefined;
  }
}

const selectHeight = (s: ReactFlowState) => s.height;

/**
 * Whether the overview (minimap) is shown: as the user last chose in this browser, else only
 * when the canvas is tall enough for it not to cover the design.
 */
export function useOverview(): [boolean, () => void] {
  const height = useStore(selectHeight);
  const [choice, setChoice] = useState(stored);
  const shown = choice ?? height >= ROOM_FOR_OVERVIEW;
  const toggle = useCallback(() => {
    const next = !shown;
    setChoice(next);
    try {
      localStorage.setItem(KEY, next ? 'shown' : 'hidden');
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, [shown]);
  return [shown, toggle];
}

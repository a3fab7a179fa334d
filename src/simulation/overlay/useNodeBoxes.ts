import { useStore, type ReactFlowState } from '@xyflow/react';
import { useCallback, useMemo } from 'react';
import { ACCOUNT_HEADER } from '../../canvas';
import { toScreen, type Box } from './geometry';

type Boxes = Record<string, Box>;

function sameBoxes(a: Boxes, b: Boxes): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => {
    const p = a[k];
    const q = b[k];
    return !!p && !!q && p.x === q.x && p.y === q.y && p.width === q.width && p.height === q.height;
  });
}

/** Screen boxes (relative to the pane) of the nodes with these ids that exist on the canvas. */
export function useNodeBoxes(ids: readonly string[]): Boxes {
  const key = ids.join('\u0000');
  const selector = useCallback(
    (state: ReactFlowState): Boxes => {
      const out: Boxes = {};
      for (const id of key === '' ? [] : key.split('\u0000')) {
        const node = state.nodeLookup.get(id);
        if (!node) continue;
        const { x, y } = node.internals.positionAbsolute;
        const width = node.measured.width ?? node.width ?? 0;
        const height = node.measured.height ?? node.height ?? 0;
        out[id] = toScreen({ x, y, width, height }, state.transform);
      }
      return out;
    },
    [key],
  );
  return useStore(selector, sameBoxes);
}

export function usePaneSize(): { width: number; height: number } {
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  // One object while the size stays: placements are memoised on it.
  return useMemo(() => ({ width, height }), [width, height]);
}

function sameList(a: readonly Box[], b: readonly Box[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i]!;
      return p.x === q.x && p.y === q.y && p.width === q.width && p.height === q.height;
    })
  );
}

/**
 * Screen boxes of what is in view that the simulation must not cover: every entity node, and
 * the header (name) of every account frame (the frame's inside is free space).
 */
export function useVisibleNodeBoxes(enabled: boolean): Box[] {
  const selector = useCallback(
    (state: ReactFlowState): Box[] => {
      if (!enabled) return [];
      const out: Box[] = [];
      for (const node of state.nodeLookup.values()) {
        const { x, y } = node.internals.positionAbsolute;
        const height = node.measured.height ?? node.height ?? 0;
        const box = toScreen(
          {
            x,
            y,
            width: node.measured.width ?? node.width ?? 0,
            height: node.type === 'account' ? Math.min(height, ACCOUNT_HEADER) : height,
          },
          state.transform,
        );
        if (
          box.x + box.width < 0 ||
          box.y + box.height < 0 ||
          box.x > state.width ||
          box.y > state.height
        )
          continue;
        out.push(box);
      }
      return out;
    },
    [enabled],
  );
  return useStore(selector, sameList);
}

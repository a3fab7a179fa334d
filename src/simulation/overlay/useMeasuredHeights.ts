import { useCallback, useEffect, useRef, useState } from 'react';

type RefCallback = (el: HTMLElement | null) => void;

/**
 * Heights of elements by key, kept current with a ResizeObserver, so stacks of cards can be
 * placed by their real size (folded, unfolded, one card or three).
 */
export function useMeasuredHeights(): [Record<string, number>, (key: string) => RefCallback] {
  const [heights, setHeights] = useState<Record<string, number>>({});
  const observer = useRef<ResizeObserver | null>(null);
  const keys = useRef(new WeakMap<Element, string>());
  const refs = useRef(new Map<string, RefCallback>());

  // Refs attach before effects run, so the observer is made on first use.
  const observe = useCallback((el: HTMLElement) => {
    if (typeof ResizeObserver !== 'function') return;
    observer.current ??= new ResizeObserver((entries) => {
      setHeights((prev) => {
        let next = prev;
        for (const entry of entries) {
          const key = keys.current.get(entry.target);
          const height = Math.round(entry.contentRect.height);
          if (key === undefined || prev[key] === height) continue;
          if (next === prev) next = { ...prev };
          next[key] = height;
        }
        return next;
      });
    });
    observer.current.observe(el);
  }, []);

  useEffect(() => () => observer.current?.disconnect(), []);

  const ref = useCallback(
    (key: string) => {
      let callback = refs.current.get(key);
      if (!callback) {
        callback = (el) => {
          if (!el) return;
          keys.current.set(el, key);
          observe(el);
        };
        refs.current.set(key, callback);
      }
      return callback;
    },
    [observe],
  );
  return [heights, ref];
}

// Scrolls the panel holding an element (the inspector) to show a part of it, moving only that
// panel: `scrollIntoView` also scrolls `overflow: hidden` ancestors, which shifts the whole app.

/** Vertical extent in viewport pixels. */
export interface Extent {
  top: number;
  bottom: number;
}

/** Room kept above what is shown, for a sticky panel heading. */
export const STICKY_ROOM_PX = 44;

/**
 * How far to scroll a view so that `target` shows: as little as it takes, or, given a `head`
 * (what sits above the target: the tabs), so that the head shows too where both fit. A target
 * taller than the view shows its top. Nothing moves while everything asked for shows.
 */
export function scrollDelta(view: Extent, target: Extent, head?: Extent): number {
  const top = view.top + STICKY_ROOM_PX;
  const first = head ?? target;
  if (first.top >= top && target.bottom <= view.bottom) return 0;
  let delta = head ? head.top - top : target.top < top ? target.top - top : 0;
  if (target.bottom - delta > view.bottom) delta = target.bottom - view.bottom;
  if (target.top - delta < top) delta = target.top - top;
  return delta;
}

function scrollingParent(element: HTMLElement): HTMLElement | undefined {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    const { overflowY } = getComputedStyle(parent);
    if (
      (overflowY === 'auto' || overflowY === 'scroll') &&
      parent.scrollHeight > parent.clientHeight
    )
      return parent;
  }
  return undefined;
}

/** Scrolls the nearest scrolling panel around `element` to show `target` (and `head`). */
export function scrollIntoPanel(element: HTMLElement, target: Extent, head?: Extent): void {
  const panel = scrollingParent(element);
  if (!panel) return;
  const box = panel.getBoundingClientRect();
  const delta = scrollDelta({ top: box.top, bottom: box.bottom }, target, head);
  if (delta !== 0) panel.scrollTop += delta;
}

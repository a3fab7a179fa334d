// How the window is shared between the canvas, the inspector and the bottom panel, and
// whether text is enlarged for a projector: chosen by the person, kept per browser.

import { useEffect, useState } from 'react';

export interface RoomLayout {
  /** The bottom panel's height in px (when shown). */
  bottomHeight: number;
  bottomCollapsed: boolean;
  /** The inspector's width in px (when shown). */
  inspectorWidth: number;
  inspectorCollapsed: boolean;
  /** Present: larger text and controls, for a projector. */
  present: boolean;
}

const ROOM_LAYOUT_KEY = 'rolecraft.room-layout';

/** The canvas keeps at least this share of the window's height while the bottom panel is open. */
export const CANVAS_MIN_SHARE = 0.55;
export const BOTTOM_MIN = 120;
export const INSPECTOR_MIN = 240;

export function defaultLayout(viewportHeight: number): RoomLayout {
  return {
    // 30% of the window, so that with the header the canvas keeps more than 55% of it.
    bottomHeight: Math.round(Math.max(BOTTOM_MIN, Math.min(320, viewportHeight * 0.3))),
    bottomCollapsed: false,
    inspectorWidth: 352,
    inspectorCollapsed: false,
    present: false,
  };
}

/** The separator's thickness (Tailwind h-1.5). */
const SPLITTER = 6;

/**
 * The largest bottom panel: what the window has beyond the canvas's share, what is above the
 * canvas (`canvasTop`: header and notices) and the separator.
 */
export function bottomMax(viewportHeight: number, canvasTop: number): number {
  return Math.max(
    BOTTOM_MIN,
    Math.floor(Math.round(viewportHeight * (1 - CANVAS_MIN_SHARE)) - canvasTop - SPLITTER - 1),
  );
}

export function inspectorMax(viewportWidth: number): number {
  return Math.max(INSPECTOR_MIN, Math.round(Math.min(800, viewportWidth * 0.5)));
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The stored layout over the defaults; anything missing or malformed keeps its default. */
export function parseLayout(text: string | null, defaults: RoomLayout): RoomLayout {
  if (!text) return defaults;
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    return defaults;
  }
  if (typeof stored !== 'object' || stored === null) return defaults;
  const s = stored as Record<string, unknown>;
  return {
    bottomHeight: isNumber(s.bottomHeight) ? s.bottomHeight : defaults.bottomHeight,
    bottomCollapsed:
      typeof s.bottomCollapsed === 'boolean' ? s.bottomCollapsed : defaults.bottomCollapsed,
    inspectorWidth: isNumber(s.inspectorWidth) ? s.inspectorWidth : defaults.inspectorWidth,
    inspectorCollapsed:
      typeof s.inspectorCollapsed === 'boolean'
        ? s.inspectorCollapsed
        : defaults.inspectorCollapsed,
    present: typeof s.present === 'boolean' ? s.present : defaults.present,
  };
}

function readLayout(): RoomLayout {
  const defaults = defaultLayout(window.innerHeight);
  try {
    return parseLayout(localStorage.getItem(ROOM_LAYOUT_KEY), defaults);
  } catch {
    return defaults; // storage refused (private mode): the defaults, not an error
  }
}

/** The layout, kept in localStorage as it changes. */
export function useRoomLayout() {
  const [layout, setLayout] = useState(readLayout);
  useEffect(() => {
    try {
      localStorage.setItem(ROOM_LAYOUT_KEY, JSON.stringify(layout));
    } catch {
      // Not kept: the layout still applies to this visit.
    }
  }, [layout]);
  const update = (patch: Partial<RoomLayout>) => setLayout((l) => ({ ...l, ...patch }));
  return [layout, update] as const;
}

// How many lines a node name takes at 15 px in the node's text column, measured with the
// page's own font (a canvas measures text without laying anything out), so a name that needs
// three lines can be set tighter instead of pushing the kind line out of its box.

import { ENTITY_WIDTH } from '../geometry';

/** The name column: the node less its border (2), padding (16), icon (24) and gap (8). */
const COLUMN_PX = ENTITY_WIDTH - 2 - 16 - 24 - 8;
const FONT =
  "600 15px ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, 'Liberation Sans', sans-serif";

/** The name cut where the browser may break it: between camelCase words, after . / _ - */
export function breakParts(name: string): string[] {
  return name.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[./_-])/);
}

let context: CanvasRenderingContext2D | null | undefined;
function measure(text: string): number {
  if (context === undefined) {
    try {
      context =
        typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    } catch {
      context = null;
    }
    if (context) context.font = FONT;
  }
  // Without a canvas: a generous average width for the semibold face.
  return context ? context.measureText(text).width : text.length * 0.62 * 15;
}

const cache = new Map<string, number>();

/** Lines the name wraps to at 15 px (greedy, as the browser breaks at the break chances). */
export function nameLines(name: string): number {
  const known = cache.get(name);
  if (known !== undefined) return known;
  let lines = 1;
  let line = '';
  for (const part of breakParts(name)) {
    const joined = line + part;
    if (line === '' || measure(joined) <= COLUMN_PX) {
      line = joined;
      continue;
    }
    lines++;
    line = part;
  }
  // A part wider than the column breaks anywhere inside it.
  lines += Math.max(0, Math.ceil(measure(line) / COLUMN_PX) - 1);
  cache.set(name, lines);
  return lines;
}

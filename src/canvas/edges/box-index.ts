// A uniform grid over boxes: which boxes lie near a region, without looking at every box.
// Built once per layout change (O(boxes)); a query costs the cells it covers.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Indexed {
  id: string;
  box: Box;
}

const CELL = 256;
/** A cell's key is one number (a string per cell made building the index for 20,000 boxes slow). */
const OFFSET = 2 ** 20;
const STRIDE = 2 ** 21;
const cellKey = (cx: number, cy: number) => (cx + OFFSET) * STRIDE + (cy + OFFSET);

export const boxesOverlap = (a: Box, b: Box, gap = 0) =>
  a.x < b.x + b.width + gap &&
  b.x < a.x + a.width + gap &&
  a.y < b.y + b.height + gap &&
  b.y < a.y + a.height + gap;

export class BoxIndex {
  private readonly cells = new Map<number, Indexed[]>();

  constructor(entries: Iterable<Indexed>) {
    for (const entry of entries) this.add(entry);
  }

  add(entry: Indexed) {
    this.eachCell(entry.box, (key) => {
      const list = this.cells.get(key);
      if (list) list.push(entry);
      else this.cells.set(key, [entry]);
    });
  }

  /** Takes out the entry of `id` that was added with `box`. */
  remove(id: string, box: Box) {
    this.eachCell(box, (key) => {
      const list = this.cells.get(key);
      if (!list) return;
      const at = list.findIndex((entry) => entry.id === id);
      if (at >= 0) list.splice(at, 1);
      if (list.length === 0) this.cells.delete(key);
    });
  }

  /** Whether any box overlaps `region` grown by `gap`. */
  any(region: Box, gap = 0): boolean {
    const grown = {
      x: region.x - gap,
      y: region.y - gap,
      width: region.width + 2 * gap,
      height: region.height + 2 * gap,
    };
    let hit = false;
    this.eachCell(grown, (key) => {
      if (!hit)
        hit = (this.cells.get(key) ?? []).some((entry) => boxesOverlap(entry.box, region, gap));
    });
    return hit;
  }

  private eachCell(box: Box, visit: (key: number) => void) {
    const x0 = Math.floor(box.x / CELL);
    const x1 = Math.floor((box.x + box.width) / CELL);
    const y0 = Math.floor(box.y / CELL);
    const y1 = Math.floor((box.y + box.height) / CELL);
    for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) visit(cellKey(cx, cy));
  }

  /** Every box overlapping `region`, once each. */
  query(region: Box): Indexed[] {
    const found = new Set<Indexed>();
    this.eachCell(region, (key) => {
      for (const entry of this.cells.get(key) ?? [])
        if (boxesOverlap(entry.box, region)) found.add(entry);
    });
    return [...found];
  }
}

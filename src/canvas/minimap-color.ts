import type { FlowNode } from './nodes/node-data';
import { glyphs } from './icons/glyphs';

/** Minimap colours: the icon tile colour of each node; accounts faint. */
export function minimapColor(node: FlowNode): string {
  if (node.type === 'account') return 'rgba(148, 163, 184, 0.35)';
  return glyphs[node.data.glyph].tile;
}

// The services a policy text names (action prefixes and condition key prefixes), read from a
// tolerant parse so a half-typed policy still loads the catalogue it needs.
import { parseTree, type Node } from 'jsonc-parser';

export function servicesNamedIn(text: string): string[] {
  const root = parseTree(text, [], { allowTrailingComma: true });
  const found = new Set<string>();
  const prefixOf = (value: string) => {
    const colon = value.indexOf(':');
    if (colon > 0 && !/[*?]/.test(value.slice(0, colon)))
      found.add(value.slice(0, colon).toLowerCase());
  };
  const visit = (node: Node | undefined) => {
    if (!node) return;
    if (node.type === 'property') {
      const name = node.children?.[0]?.value;
      const value = node.children?.[1];
      if (name === 'Action' || name === 'NotAction') {
        for (const s of stringNodes(value)) prefixOf(String(s.value));
      } else if (name === 'Condition' && value?.type === 'object') {
        for (const block of value.children ?? [])
          for (const key of block.children?.[1]?.children ?? [])
            prefixOf(String(key.children?.[0]?.value ?? ''));
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(root);
  found.delete('aws');
  return [...found].sort();
}

function stringNodes(node: Node | undefined): Node[] {
  if (!node) return [];
  if (node.type === 'string') return [node];
  if (node.type === 'array') return (node.children ?? []).filter((c) => c.type === 'string');
  return [];
}

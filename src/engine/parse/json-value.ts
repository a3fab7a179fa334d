/**
 * The plain value of a jsonc-parser syntax node, built as `JSON.parse` builds it: ordinary
 * objects whose every key is an own property, `__proto__` included (jsonc-parser's `parse`
 * assigns it, which sets the prototype; its `getNodeValue` builds prototype-less objects that
 * break `String(value)` and template literals). Values are remembered per node, so asking for
 * a statement's value after the document's builds nothing twice; they are shared, never
 * mutate them.
 */
import { parseTree, type Node } from 'jsonc-parser';

const values = new WeakMap<Node, unknown>();

/** Sets `key` as an own, enumerable property, even when it is `__proto__`. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  else target[key] = value;
}

/** The node's value; the last of repeated keys wins, as in `JSON.parse`. Depth is capped by the caller's pre-scan. */
export function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'array':
    case 'object': {
      if (values.has(node)) return values.get(node);
      let value: unknown;
      if (node.type === 'array') value = (node.children ?? []).map(nodeValue);
      else {
        const object: Record<string, unknown> = {};
        for (const prop of node.children ?? []) {
          const [key, valueNode] = prop.children ?? [];
          if (key && valueNode) setOwn(object, String(key.value), nodeValue(valueNode));
        }
        value = object;
      }
      values.set(node, value);
      return value;
    }
    case 'null':
    case 'string':
    case 'number':
    case 'boolean':
      return node.value;
    default:
      return undefined;
  }
}

/**
 * Strict JSON text (no comments, no trailing commas) as a value built like `JSON.parse` builds
 * it; undefined when the text is not JSON. For text `JSON.parse` refuses that strict JSON
 * takes; the caller caps the depth first.
 */
export function parseJsonValue(text: string): unknown {
  const errors: unknown[] = [];
  const root = parseTree(text, errors as never[], {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  return root && errors.length === 0 ? nodeValue(root) : undefined;
}

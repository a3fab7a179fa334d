import { entityCollections, type Design } from './types';

/** The entity lists of a design and its managed policies: what its access, world and lookups are derived from. */
type Entities = readonly unknown[];

const entitiesOf = (design: Design): Entities => [
  ...entityCollections.map((c) => design[c]),
  // Shared managed policies change without any principal changing.
  design.managedPolicies,
];

const sameEntities = (a: Entities, b: Entities) => a.every((list, i) => list === b[i]);

/**
 * Whether two design versions hold the same principals, resources and policies (the same
 * objects: an edit replaces what it changes), so every access answer agrees: moving a node, a
 * draft or the design's name changes no access.
 */
export const sameAccessInputs = (a: Design, b: Design): boolean =>
  sameEntities(entitiesOf(a), entitiesOf(b));

/**
 * Memoises a derivation that reads only a design's entities (not its layout, name or drafts):
 * a design that differs from the last one only there (a drop, a rename of the design) gets the
 * last value back instead of a new derivation of every entity. Commands keep untouched entity
 * lists by identity, so comparing the eight lists (and the managed policies) is enough.
 *
 * The value may hold the first design it was derived from; `derive` must not read the parts
 * of it that are not entities.
 */
export function onEntities<T>(derive: (design: Design) => T): (design: Design) => T {
  const byDesign = new WeakMap<Design, T>();
  let last: { entities: Entities; value: T } | undefined;
  return (design) => {
    if (byDesign.has(design)) return byDesign.get(design)!;
    const entities = entitiesOf(design);
    const value = last && sameEntities(last.entities, entities) ? last.value : derive(design);
    last = { entities, value };
    byDesign.set(design, value);
    return value;
  };
}

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

/** A derivation memoised on a design's entities (see `onEntities`). */
export interface EntityMemo<T> {
  (design: Design): T;
  /** The value for these entities when it has been derived already (no derivation). */
  peek(design: Design): T | undefined;
  /** Keeps a value derived for this design another way (in slices): the same as `derive` would give. */
  put(design: Design, value: T): void;
}

/**
 * Memoises a derivation that reads only a design's entities (not its layout, name or drafts):
 * a design that differs from the last one only there (a drop, a rename of the design) gets the
 * last value back instead of a new derivation of every entity. Commands keep untouched entity
 * lists by identity, so comparing the eight lists (and the managed policies) is enough.
 *
 * The value may hold the first design it was derived from; `derive` must not read the parts
 * of it that are not entities.
 */
export function onEntities<T>(derive: (design: Design) => T): EntityMemo<T> {
  const byDesign = new WeakMap<Design, T>();
  let last: { entities: Entities; value: T } | undefined;
  const put = (design: Design, value: T) => {
    last = { entities: entitiesOf(design), value };
    byDesign.set(design, value);
  };
  const peek = (design: Design): T | undefined => {
    if (byDesign.has(design)) return byDesign.get(design);
    if (!last || !sameEntities(last.entities, entitiesOf(design))) return undefined;
    byDesign.set(design, last.value);
    return last.value;
  };
  const memo = (design: Design) => {
    if (byDesign.has(design)) return byDesign.get(design)!;
    const entities = entitiesOf(design);
    const value = last && sameEntities(last.entities, entities) ? last.value : derive(design);
    last = { entities, value };
    byDesign.set(design, value);
    return value;
  };
  return Object.assign(memo, { peek, put });
}

/**
 * Called between two slices of a long derivation: a promise to wait for (the page paints and
 * answers input meanwhile), or nothing to go straight on. The caller decides when (after a
 * few milliseconds of work): below the store there is no clock.
 */
export type Pause = () => Promise<void> | void;

/**
 * Runs a derivation written as a generator that yields between its steps: all at once, or
 * with `pause()` asked at each step.
 */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

export async function drainInSlices<T>(steps: Generator<void, T>, pause: Pause): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    const wait = pause();
    if (wait) await wait;
  }
}

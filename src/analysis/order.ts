/**
 * The order of the result's lists: `String.prototype.localeCompare` (ECMA-402 defines it as
 * `new Intl.Collator().compare`), with the collator made once rather than per comparison.
 */
const collator = new Intl.Collator();

export const compareText = (a: string, b: string): number => collator.compare(a, b);

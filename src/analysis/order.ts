/**
 * The order of the result's lists: `String.prototype.localeCompare` (ECMA-402 defines it as
 * `new Intl.Collator().compare`), with the collator made once rather than per comparison.
 */
const collator = new Intl.Collator();

export const compareText = (a: string, b: string): number => collator.compare(a, b);

/**
 * Each text's place in `compareText` order (texts the collator holds equal share one), so a
 * list of many entries over few texts sorts by numbers: the same order as comparing the texts
 * (the sort is stable either way), with one collator comparison per pair of distinct texts
 * rather than per pair of entries.
 */
export function textRanks(texts: Iterable<string>): Map<string, number> {
  const sorted = [...new Set(texts)].sort(compareText);
  const ranks = new Map<string, number>();
  let rank = 0;
  sorted.forEach((text, i) => {
    if (i > 0 && compareText(sorted[i - 1]!, text) !== 0) rank++;
    ranks.set(text, rank);
  });
  return ranks;
}

/**
 * The list sorted by numeric keys, the first key first (as `sort` with a comparator of the
 * keys would, and stable): each entry's keys read once, not once per comparison.
 */
export function sortByKeys<T>(list: readonly T[], keys: ((entry: T) => number)[]): T[] {
  const columns = keys.map((key) => Float64Array.from(list, key));
  const order = Array.from(list, (_, i) => i).sort((a, b) => {
    for (const c of columns) {
      const d = c[a]! - c[b]!;
      if (d !== 0) return d;
    }
    return a - b;
  });
  return order.map((i) => list[i]!);
}

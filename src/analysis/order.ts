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

/**
 * Ranks of a fixed universe of texts (the design's ARNs), made once and shared by every list
 * of the result; a list with a text outside it gets ranks over both (same order either way).
 */
export class TextOrder {
  private ranks?: Map<string, number>;

  constructor(private readonly universe: () => Iterable<string>) {}

  covering(texts: Iterable<string>): Map<string, number> {
    this.ranks ??= textRanks(this.universe());
    let extra: string[] | undefined;
    for (const t of texts) if (!this.ranks.has(t)) (extra ??= []).push(t);
    if (extra) this.ranks = textRanks([...this.ranks.keys(), ...extra]);
    return this.ranks;
  }
}

/**
 * The rows made per start in the order `sortByKeys(every row, [start's rank, key])` gives
 * (stable): starts stably by rank, and the rows of the starts that share a rank, in their
 * order, stably by `key`. Sorting a few rows per start instead of every row at once.
 */
export function orderedByStart<S, T>(
  starts: readonly S[],
  startRank: (start: S) => number,
  rowsOf: (start: S) => readonly T[],
  key: (row: T) => number,
): T[] {
  const ranks = new Float64Array(starts.length);
  for (let i = 0; i < starts.length; i++) ranks[i] = startRank(starts[i]!);
  const order = Array.from(starts, (_, i) => i).sort((a, b) => ranks[a]! - ranks[b]! || a - b);
  const out: T[] = [];
  for (let i = 0; i < order.length;) {
    let j = i + 1;
    while (j < order.length && ranks[order[j]!] === ranks[order[i]!]) j++;
    const rows =
      j === i + 1
        ? rowsOf(starts[order[i]!]!)
        : order.slice(i, j).flatMap((s) => [...rowsOf(starts[s]!)]);
    const keys = new Float64Array(rows.length);
    for (let k = 0; k < rows.length; k++) keys[k] = key(rows[k]!);
    let sorted = true;
    for (let k = 1; k < keys.length && sorted; k++) sorted = keys[k - 1]! <= keys[k]!;
    if (sorted) for (const row of rows) out.push(row);
    else
      for (const k of Array.from(rows, (_, n) => n).sort((a, b) => keys[a]! - keys[b]! || a - b))
        out.push(rows[k]!);
    i = j;
  }
  return out;
}

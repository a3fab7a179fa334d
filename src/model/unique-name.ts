/**
 * The one way to pick a fresh name: `base`, else `base2`, `base3`… (with `separator` between,
 * `Untitled design 2`, `role_2`): the first that no name in `taken` uses.
 */
export function uniqueName(base: string, taken: Iterable<string>, separator = ''): string {
  const used = taken instanceof Set ? (taken as ReadonlySet<string>) : new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const numbered = `${base}${separator}${n}`;
    if (!used.has(numbered)) return numbered;
  }
}

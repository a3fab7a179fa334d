// The combobox's list as data: which options match what was typed, the rows they make
// (group headings between groups), and which rows are in view.

export interface ComboboxOption {
  value: string;
  label: string;
  /** A heading the option is listed under; consecutive options share one. */
  group?: string;
}

export type ComboboxRow =
  { kind: 'group'; label: string } | { kind: 'option'; option: ComboboxOption; index: number };

/**
 * The options whose label holds every word typed, in any order and case, in their order;
 * all of them when nothing is typed.
 */
export function filterOptions(
  options: readonly ComboboxOption[],
  query: string,
): readonly ComboboxOption[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return options;
  return options.filter((o) => {
    const label = o.label.toLowerCase();
    return words.every((w) => label.includes(w));
  });
}

/** One row per option, and a heading row wherever the group changes. */
export function comboboxRows(options: readonly ComboboxOption[]): ComboboxRow[] {
  const rows: ComboboxRow[] = [];
  let group: string | undefined;
  options.forEach((option, index) => {
    if (option.group !== undefined && option.group !== group)
      rows.push({ kind: 'group', label: option.group });
    group = option.group;
    rows.push({ kind: 'option', option, index });
  });
  return rows;
}

/** The rows to mount: those in view at `scrollTop`, and `overscan` more on each side. */
export function visibleWindow(
  total: number,
  scrollTop: number,
  rowHeight: number,
  visibleRows: number,
  overscan: number,
): { start: number; end: number } {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const start = Math.max(0, Math.min(first, total - 1) - overscan);
  const end = Math.min(total, first + visibleRows + overscan + 1);
  return { start, end: Math.max(start, end) };
}

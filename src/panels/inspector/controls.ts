// Shared classes of the policy and organization controls, light and dark.

export const smallButtonClass =
  'shrink-0 rounded border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-500 disabled:opacity-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700';

export const removeButtonClass =
  'shrink-0 rounded px-1.5 py-0.5 text-xs text-red-700 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-500 dark:text-red-300 dark:hover:bg-red-950';

export const quietButtonClass =
  'shrink-0 rounded px-1.5 py-0.5 text-xs text-sky-700 hover:bg-sky-50 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-500 dark:text-sky-300 dark:hover:bg-slate-800';

export const compactInputClass =
  'min-w-0 flex-1 rounded border border-slate-300 bg-white px-1.5 py-0.5 font-mono text-xs text-slate-900 focus:border-sky-500 focus:ring-2 focus:ring-sky-500/40 focus:outline-none aria-invalid:border-red-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-50 dark:aria-invalid:border-red-400';

export const selectClass =
  'shrink-0 rounded border border-slate-300 bg-white px-1 py-0.5 text-xs text-slate-900 focus:border-sky-500 focus:ring-2 focus:ring-sky-500/40 focus:outline-none dark:border-slate-600 dark:bg-slate-800 dark:text-slate-50';

/** A picker's input (`Combobox`), as small as `selectClass`, with room for its ▾ marker. */
export const pickerInputClass =
  'w-full min-w-0 rounded border border-slate-300 bg-white py-0.5 pr-5 pl-1 text-xs text-slate-900 focus:border-sky-500 focus:ring-2 focus:ring-sky-500/40 focus:outline-none dark:border-slate-600 dark:bg-slate-800 dark:text-slate-50';

export const noteClass = 'text-xs text-slate-500 dark:text-slate-400';

// A searchable, virtualized picker (the WAI-ARIA "editable combobox with list autocomplete"):
// the input filters, the listbox mounts only the rows in view, so a picker over 10,000
// principals costs a screenful of DOM elements, not 10,000 <option>s.

import {
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { createPortal } from 'react-dom';
import { comboboxRows, filterOptions, visibleWindow, type ComboboxOption } from './combobox-model';

export type { ComboboxOption } from './combobox-model';

interface ComboboxProps {
  /** The field's name, shown above it (or only to screen readers with `hideLabel`). */
  label: string;
  hideLabel?: boolean;
  /** The picked option's value; '' for none. With `freeText`, the text itself. */
  value: string;
  options: readonly ComboboxOption[];
  onChange: (value: string) => void;
  /** The text in an empty field: what to do, or that there is nothing to pick. */
  placeholder?: string;
  /** Any text is a value; the options are suggestions (an ARN, say). */
  freeText?: boolean;
  hint?: ReactNode;
  className?: string;
  labelClassName?: string;
  inputClassName?: string;
  disabled?: boolean;
  spellCheck?: boolean;
}

/** Rows of the list in view at once; the list scrolls past that. */
const VISIBLE_ROWS = 10;
/** Rows mounted beyond each edge of the view, so a fast scroll does not flash blank. */
const OVERSCAN = 4;

const defaultInputClass =
  'w-full min-w-0 rounded border border-slate-300 bg-white py-0.5 pr-5 pl-1.5 text-xs text-slate-900 focus-visible:outline-2 focus-visible:outline-sky-600 disabled:opacity-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100';

/** One row's height in px: 1.75rem, so it follows the root font size (Present mode). */
function rowHeight(): number {
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return Math.round(rem * 1.75);
}

interface Placement {
  style: CSSProperties;
  row: number;
}

/** Where the list opens: under the input, or above it when the window has no room below. */
function placeList(input: HTMLElement, rows: number): Placement {
  const row = rowHeight();
  const box = input.getBoundingClientRect();
  const height = Math.min(Math.max(rows, 1), VISIBLE_ROWS) * row + 2;
  const below = window.innerHeight - box.bottom;
  const up = below < height + 4 && box.top > below;
  const width = Math.max(box.width, 224);
  const left = Math.max(4, Math.min(box.left, window.innerWidth - width - 4));
  return {
    row,
    style: {
      position: 'fixed',
      left,
      width,
      maxHeight: Math.min(VISIBLE_ROWS * row + 2, up ? box.top - 8 : below - 8),
      ...(up ? { bottom: window.innerHeight - box.top + 2 } : { top: box.bottom + 2 }),
    },
  };
}

export function Combobox({
  label,
  hideLabel,
  value,
  options,
  onChange,
  placeholder,
  freeText = false,
  hint,
  className,
  labelClassName,
  inputClassName,
  disabled,
  spellCheck,
}: ComboboxProps) {
  const id = useId();
  const inputId = `${id}-input`;
  const labelId = `${id}-label`;
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const input = useRef<HTMLInputElement>(null);
  const scroller = useRef<HTMLDivElement>(null);

  const [open, setOpen] = useState(false);
  /** What the person typed since opening; null while they have not typed. */
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(-1);
  const [scrollTop, setScrollTop] = useState(0);
  const [placement, setPlacement] = useState<Placement | null>(null);

  const selected = freeText ? undefined : options.find((o) => o.value === value);
  const shown = freeText ? value : (selected?.label ?? '');
  const text = query ?? shown;
  // Until the person types, the whole list shows (with the current pick active).
  const filtered = useMemo(
    () => (open ? filterOptions(options, query ?? '') : []),
    [open, options, query],
  );
  const rows = useMemo(() => comboboxRows(filtered), [filtered]);
  const activeIndex = Math.min(active, filtered.length - 1);

  // Free text shows suggestions only while there is something to suggest.
  const expanded =
    open &&
    !(
      freeText &&
      (filtered.length === 0 || (filtered.length === 1 && filtered[0]?.value === value))
    );
  const row = placement?.row ?? 28;
  const view = visibleWindow(rows.length, scrollTop, row, VISIBLE_ROWS, OVERSCAN);

  // Keep the list beside its input while it is open (the panels scroll and resize).
  useLayoutEffect(() => {
    if (!open || !input.current) return;
    const place = () => input.current && setPlacement(placeList(input.current, rows.length));
    place();
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, true);
    return () => {
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place, true);
    };
  }, [open, rows.length]);

  /** Scrolls the list so that option `index` is in view. */
  const reveal = (index: number) => {
    const at = rows.findIndex((r) => r.kind === 'option' && r.index === index);
    const list = scroller.current;
    if (at < 0 || !list) return;
    const top = at * row;
    const bottom = top + row;
    let next = list.scrollTop;
    if (top < next) next = top;
    else if (bottom > next + list.clientHeight) next = bottom - list.clientHeight;
    list.scrollTop = next;
    setScrollTop(next);
  };

  const openList = () => {
    if (open || disabled) return;
    const start = freeText ? -1 : options.findIndex((o) => o.value === value);
    setOpen(true);
    setQuery(null);
    setActive(start);
    // The row at `start` goes in view once the list has its height (next frame).
    const top = Math.max(0, start) * rowHeight();
    setScrollTop(top);
    requestAnimationFrame(() => {
      if (scroller.current) scroller.current.scrollTop = top;
    });
  };
  const close = () => {
    setOpen(false);
    setQuery(null);
    setActive(-1);
  };
  const pick = (option: ComboboxOption | undefined) => {
    close();
    if (option && option.value !== value) onChange(option.value);
  };
  const move = (to: number) => {
    if (filtered.length === 0) return;
    const next = Math.max(0, Math.min(filtered.length - 1, to));
    setActive(next);
    reveal(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const page = VISIBLE_ROWS - 1;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open || event.altKey) return openList();
        return move(activeIndex + 1);
      case 'ArrowUp':
        event.preventDefault();
        if (!open) return openList();
        return move(activeIndex - 1);
      case 'PageDown':
        if (!open) return;
        event.preventDefault();
        return move(activeIndex + page);
      case 'PageUp':
        if (!open) return;
        event.preventDefault();
        return move(activeIndex - page);
      case 'Enter':
        if (!open) return;
        // Free text with no suggestion chosen: Enter closes the list and submits the form.
        if (activeIndex < 0 && freeText) return close();
        event.preventDefault();
        if (activeIndex >= 0) pick(filtered[activeIndex]);
        else close();
        return;
      case 'Escape':
        if (!open) return;
        // Escape closes the list only: the inspector or a dialog around it stays open.
        event.preventDefault();
        event.stopPropagation();
        return close();
      case 'Tab':
        if (open) close();
        return;
    }
  };

  const list =
    expanded && placement
      ? createPortal(
          <div
            ref={scroller}
            style={placement.style}
            className="z-[60] overflow-y-auto rounded border border-slate-300 bg-white text-xs text-slate-900 shadow-lg dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
            onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
            // A click in the list keeps the focus in the input.
            onMouseDown={(e) => e.preventDefault()}
          >
            <ul
              id={listId}
              role="listbox"
              aria-labelledby={labelId}
              className="relative m-0 list-none p-0"
              style={{ height: Math.max(rows.length, 1) * row }}
            >
              {rows.length === 0 && (
                <li
                  role="presentation"
                  className="px-2 text-slate-500 dark:text-slate-400"
                  style={{ lineHeight: `${row}px` }}
                >
                  {options.length === 0 ? 'Nothing to pick' : 'No match'}
                </li>
              )}
              {rows.slice(view.start, view.end).map((r, i) => {
                const style: CSSProperties = {
                  position: 'absolute',
                  top: (view.start + i) * row,
                  height: row,
                  lineHeight: `${row}px`,
                  left: 0,
                  right: 0,
                };
                if (r.kind === 'group')
                  return (
                    <li
                      key={`group:${r.label}:${view.start + i}`}
                      role="presentation"
                      style={style}
                      className="truncate px-2 text-[0.7rem] font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400"
                    >
                      {r.label}
                    </li>
                  );
                const isActive = r.index === activeIndex;
                return (
                  <li
                    key={r.option.value}
                    id={optionId(r.index)}
                    role="option"
                    aria-selected={isActive}
                    aria-setsize={filtered.length}
                    aria-posinset={r.index + 1}
                    title={r.option.label}
                    style={style}
                    className={`cursor-pointer truncate px-2 ${r.option.group ? 'pl-4' : ''} ${isActive ? 'bg-sky-100 dark:bg-sky-900' : ''} ${!freeText && r.option.value === value ? 'font-semibold' : ''}`}
                    onMouseMove={() => r.index !== activeIndex && setActive(r.index)}
                    onClick={() => pick(r.option)}
                  >
                    {r.option.label}
                  </li>
                );
              })}
            </ul>
          </div>,
          document.body,
        )
      : null;

  return (
    <div className={`flex min-w-0 flex-col gap-0.5 ${className ?? ''}`}>
      <label
        id={labelId}
        htmlFor={inputId}
        className={
          hideLabel
            ? 'sr-only'
            : (labelClassName ?? 'text-[11px] font-medium text-slate-700 dark:text-slate-300')
        }
      >
        {label}
      </label>
      <div className="relative">
        <input
          ref={input}
          id={inputId}
          type="text"
          role="combobox"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={expanded && activeIndex >= 0 ? optionId(activeIndex) : undefined}
          aria-describedby={hint ? hintId : undefined}
          autoComplete="off"
          spellCheck={spellCheck}
          disabled={disabled}
          placeholder={placeholder}
          value={text}
          className={inputClassName ?? defaultInputClass}
          onFocus={(e) => e.currentTarget.select()}
          onClick={() => (open ? undefined : openList())}
          onBlur={close}
          onKeyDown={onKeyDown}
          onChange={(e) => {
            const typed = e.currentTarget.value;
            if (!open) openList();
            setQuery(typed);
            // Typing makes the first match active, so Enter picks it (not for free text:
            // there Enter keeps what was typed).
            setActive(typed.trim() === '' || freeText ? -1 : 0);
            setScrollTop(0);
            if (scroller.current) scroller.current.scrollTop = 0;
            if (freeText) onChange(typed);
          }}
        />
        <span
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 right-1.5 -translate-y-1/2 text-[0.6rem] text-slate-500"
        >
          ▾
        </span>
      </div>
      {hint && (
        <span id={hintId} className="text-[10px] text-slate-600 dark:text-slate-400">
          {hint}
        </span>
      )}
      {list}
    </div>
  );
}

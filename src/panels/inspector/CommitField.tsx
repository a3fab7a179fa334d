import { useId, useState, type InputHTMLAttributes } from 'react';

interface CommitFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'id'
> {
  label: string;
  value: string;
  /** Called with the new text on Enter or when focus leaves, if it changed. */
  onCommit: (value: string) => void;
  hint?: string;
  /** Why a value cannot be kept, or undefined when it can: a refused value is not committed. */
  validate?: (value: string) => string | undefined;
}

const inputClass =
  'w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/40 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-50';

/**
 * A labelled text field that edits a local draft and commits it as one document change (one
 * undo step) on Enter or blur; Escape puts the stored value back.
 */
export function CommitField({ label, value, onCommit, hint, validate, ...rest }: CommitFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [base, setBase] = useState(value);
  const [error, setError] = useState<string | undefined>();
  if (base !== value) {
    // The stored value changed underneath (undo, another edit): show it.
    setBase(value);
    setDraft(value);
    setError(undefined);
  }
  const commit = () => {
    if (draft === value) return setError(undefined);
    const refusal = validate?.(draft);
    setError(refusal);
    if (refusal === undefined) onCommit(draft);
  };
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-600 dark:text-slate-300">
        {label}
      </label>
      <input
        id={id}
        {...rest}
        className={inputClass}
        value={draft}
        aria-describedby={described || undefined}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setDraft(value);
            setError(undefined);
          }
        }}
      />
      {error && (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      )}
    </div>
  );
}

/** The same field with room for a combobox's ▾ marker. */
const comboboxClass =
  'w-full rounded border border-slate-300 bg-white py-1 pr-5 pl-2 text-sm text-slate-900 focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/40 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-50';

export { comboboxClass, inputClass };

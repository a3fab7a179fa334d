import { useId, useState } from 'react';
import { compactInputClass } from './controls';

interface NameFieldProps {
  /** Accessible name: `Name of policy ReadArtifacts`. */
  label: string;
  value: string;
  /** Why a name cannot be used, or undefined when it can. */
  problem: (name: string) => string | undefined;
  onCommit: (name: string) => void;
}

/**
 * A compact name field: the name is committed (one undo step) on Enter or when focus leaves,
 * if it changed and is usable; otherwise it says why and keeps what was typed. Escape puts
 * the stored name back.
 */
export function NameField({ label, value, problem, onCommit }: NameFieldProps) {
  const errorId = useId();
  const [draft, setDraft] = useState(value);
  const [base, setBase] = useState(value);
  const [error, setError] = useState<string | undefined>();
  if (base !== value) {
    // The stored name changed underneath (undo, another edit): show it.
    setBase(value);
    setDraft(value);
    setError(undefined);
  }
  const commit = () => {
    const name = draft.trim();
    if (name === value) {
      setDraft(value);
      setError(undefined);
      return;
    }
    const why = problem(name);
    setError(why);
    if (!why) onCommit(name);
  };
  return (
    <span className="flex min-w-0 flex-1 flex-col">
      <input
        aria-label={label}
        className={compactInputClass}
        value={draft}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
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
        <span id={errorId} role="alert" className="mt-0.5 text-xs text-red-700 dark:text-red-300">
          {error}
        </span>
      )}
    </span>
  );
}

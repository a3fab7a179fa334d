// Editable rows of key and value: session tags (with a transitive switch) and token claims.

import { useId } from 'react';
import type { ClaimRow } from '../world/claims';
import type { TagRow } from '../state/requests';
import { buttonClass, inputClass } from './fields';

export function ClaimsEditor({
  rows,
  onChange,
  title,
  keys = [],
  values = new Map(),
}: {
  rows: ClaimRow[];
  onChange: (rows: ClaimRow[]) => void;
  title: string;
  /** Claim names to offer (the provider's and those its trusts test). */
  keys?: readonly string[];
  /** Values to offer per claim name (lowercase), from the design's trusts. */
  values?: ReadonlyMap<string, readonly string[]>;
}) {
  const id = useId();
  const update = (i: number, patch: Partial<ClaimRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div role="group" aria-label={title} className="col-span-full flex flex-col gap-1">
      <span className="text-[11px] font-semibold">{title}</span>
      {rows.map((row, i) => (
        <div key={i} className="flex items-center gap-1">
          <input
            aria-label={`Claim ${i + 1} name`}
            className={`${inputClass} basis-2/5 font-mono`}
            value={row.key}
            list={`${id}-keys`}
            onChange={(e) => update(i, { key: e.currentTarget.value })}
          />
          <input
            aria-label={`Claim ${i + 1} value`}
            className={`${inputClass} flex-1 font-mono`}
            value={row.value}
            list={`${id}-values-${i}`}
            placeholder="value (commas for a list)"
            onChange={(e) => update(i, { value: e.currentTarget.value })}
          />
          <datalist id={`${id}-values-${i}`}>
            {(values.get(row.key.trim().toLowerCase()) ?? []).map((v) => (
              <option key={v} value={v} />
            ))}
          </datalist>
          <button
            type="button"
            className={buttonClass}
            aria-label={`Remove claim ${i + 1}`}
            onClick={() => onChange(rows.filter((_r, j) => j !== i))}
          >
            ×
          </button>
        </div>
      ))}
      <datalist id={`${id}-keys`}>
        {keys.map((k) => (
          <option key={k} value={k} />
        ))}
      </datalist>
      <div>
        <button
          type="button"
          className={buttonClass}
          onClick={() => onChange([...rows, { key: '', value: '' }])}
        >
          Add claim
        </button>
      </div>
    </div>
  );
}

export function TagsEditor({
  rows,
  onChange,
}: {
  rows: TagRow[];
  onChange: (rows: TagRow[]) => void;
}) {
  const update = (i: number, patch: Partial<TagRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div
      role="group"
      aria-label="Session tags"
      className={`col-span-full flex gap-1 ${rows.length === 0 ? 'items-center' : 'flex-col'}`}
    >
      <span className="text-[11px] font-semibold">
        Session tags{rows.length === 0 ? ': none' : ''}
      </span>
      {rows.map((row, i) => (
        <div key={i} className="flex items-center gap-1">
          <input
            aria-label={`Tag ${i + 1} key`}
            className={`${inputClass} basis-1/3`}
            value={row.key}
            onChange={(e) => update(i, { key: e.currentTarget.value })}
          />
          <input
            aria-label={`Tag ${i + 1} value`}
            className={`${inputClass} flex-1`}
            value={row.value}
            onChange={(e) => update(i, { value: e.currentTarget.value })}
          />
          <label className="flex items-center gap-1 text-[11px]">
            <input
              type="checkbox"
              checked={row.transitive}
              onChange={(e) => update(i, { transitive: e.currentTarget.checked })}
            />
            Transitive<span className="sr-only"> tag {i + 1}</span>
          </label>
          <button
            type="button"
            className={buttonClass}
            aria-label={`Remove tag ${i + 1}`}
            onClick={() => onChange(rows.filter((_r, j) => j !== i))}
          >
            ×
          </button>
        </div>
      ))}
      <div>
        <button
          type="button"
          className={buttonClass}
          onClick={() => onChange([...rows, { key: '', value: '', transitive: false }])}
        >
          Add tag
        </button>
      </div>
    </div>
  );
}

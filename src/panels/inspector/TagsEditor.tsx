import { useState } from 'react';
import type { Tags } from '../../model';
import { inputClass } from './CommitField';

interface TagsEditorProps {
  tags: Tags;
  onChange: (tags: Tags) => void;
}

/** Key/value rows; every change is one document change. */
export function TagsEditor({ tags, onChange }: TagsEditorProps) {
  const entries = Object.entries(tags);
  const [newKey, setNewKey] = useState('');
  const [newValue, setNewValue] = useState('');
  const add = () => {
    const key = newKey.trim();
    if (!key) return;
    onChange({ ...tags, [key]: newValue });
    setNewKey('');
    setNewValue('');
  };
  return (
    <fieldset className="space-y-1.5">
      <legend className="text-xs font-medium text-slate-600 dark:text-slate-300">Tags</legend>
      {entries.length === 0 && (
        <p className="text-xs text-slate-500 dark:text-slate-400">No tags.</p>
      )}
      {entries.map(([key, value]) => (
        <div key={`${key}=${value}`} className="flex items-center gap-1.5">
          <span className="w-24 truncate font-mono text-xs" title={key}>
            {key}
          </span>
          <input
            aria-label={`Value of tag ${key}`}
            className={inputClass}
            defaultValue={value}
            onBlur={(e) => e.target.value !== value && onChange({ ...tags, [key]: e.target.value })}
          />
          <button
            type="button"
            aria-label={`Remove tag ${key}`}
            className="rounded px-1.5 text-slate-500 hover:bg-slate-200 dark:hover:bg-slate-700"
            onClick={() => {
              const next = { ...tags };
              delete next[key];
              onChange(next);
            }}
          >
            ×
          </button>
        </div>
      ))}
      <div className="flex items-center gap-1.5">
        <input
          aria-label="New tag key"
          placeholder="key"
          className={`${inputClass} !w-24 shrink-0`}
          value={newKey}
          onChange={(e) => setNewKey(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && add()}
        />
        <input
          aria-label="New tag value"
          placeholder="value"
          className={inputClass}
          value={newValue}
          onChange={(e) => setNewValue(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && add()}
        />
        <button
          type="button"
          onClick={add}
          disabled={!newKey.trim()}
          className="shrink-0 rounded border border-slate-300 px-2 py-1 text-xs whitespace-nowrap disabled:opacity-50 dark:border-slate-600"
        >
          Add tag
        </button>
      </div>
    </fieldset>
  );
}

import { useId, useMemo, useState } from 'react';
import { allEntities, type Entity } from '../../model';
import { kindLabel } from '../../canvas';
import { selectDesignContent, useRolecraft } from '../../store';
import { Modal } from './Modal';

const MAX_RESULTS = 50;

interface SearchDialogProps {
  onPick: (entity: Entity) => void;
  onClose: () => void;
}

function matches(entity: Entity, query: string): boolean {
  const q = query.toLowerCase();
  return entity.name.toLowerCase().includes(q) || kindLabel(entity).toLowerCase().includes(q);
}

/** Ctrl+K: type part of a name, pick from the list, and the canvas jumps to that node. */
export function SearchDialog({ onPick, onClose }: SearchDialogProps) {
  const design = useRolecraft(selectDesignContent);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const results = useMemo(
    () =>
      allEntities(design)
        .filter((e) => matches(e, query.trim()))
        .slice(0, MAX_RESULTS),
    [design, query],
  );
  const current = results[Math.min(active, results.length - 1)];
  const optionId = (index: number) => `${listId}-option-${index}`;
  const pick = (entity: Entity | undefined) => {
    if (!entity) return;
    onClose();
    onPick(entity);
  };
  return (
    <Modal label="Find a node" onClose={onClose}>
      <input
        role="combobox"
        aria-label="Node name"
        aria-expanded={results.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(results.indexOf(current)) : undefined}
        placeholder="Find a node by name…"
        value={query}
        className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-sky-500 focus:outline-none dark:border-slate-600 dark:bg-slate-800"
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            setActive((i) => Math.min(i + 1, results.length - 1));
            e.preventDefault();
          } else if (e.key === 'ArrowUp') {
            setActive((i) => Math.max(i - 1, 0));
            e.preventDefault();
          } else if (e.key === 'Enter') {
            pick(current);
            e.preventDefault();
          }
        }}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Matching nodes"
        className="mt-2 max-h-72 overflow-auto"
      >
        {results.map((entity, index) => (
          <li
            key={entity.id}
            id={optionId(index)}
            role="option"
            aria-selected={entity === current}
            className={`flex cursor-pointer justify-between rounded px-2 py-1.5 text-sm ${
              entity === current ? 'bg-sky-100 dark:bg-sky-900' : ''
            }`}
            onMouseEnter={() => setActive(index)}
            onClick={() => pick(entity)}
          >
            <span className="truncate font-medium">{entity.name}</span>
            <span className="ml-3 shrink-0 text-xs text-slate-500 dark:text-slate-400">
              {kindLabel(entity)}
            </span>
          </li>
        ))}
        {results.length === 0 && (
          <li className="px-2 py-1.5 text-sm text-slate-500">No node matches.</li>
        )}
      </ul>
    </Modal>
  );
}

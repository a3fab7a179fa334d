import { useEffect, useId, useRef, useState } from 'react';
import { renameDesign } from '../model';
import {
  selectApply,
  selectDesignId,
  selectDesignName,
  selectDesigns,
  selectSaveStatus,
  useRolecraft,
} from '../store';
import { CommitField, Modal } from '../panels';
import { deleteCurrentDesign, duplicateDesign, newDesign, openDesign } from './persistence';

const statusText = { idle: '', saving: 'Saving…', saved: 'All changes saved', failed: 'Not saved' };

const menuButton =
  'w-full rounded px-2 py-1 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800';

/** The open design's name and save state, and the designs kept in this browser. */
export function DesignsMenu() {
  const name = useRolecraft(selectDesignName);
  const currentId = useRolecraft(selectDesignId);
  const designs = useRolecraft(selectDesigns);
  const saveStatus = useRolecraft(selectSaveStatus);
  const apply = useRolecraft(selectApply);
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const run = (action: () => Promise<void>) => {
    setOpen(false);
    void action();
  };

  return (
    <div
      ref={root}
      className="relative flex items-center gap-2"
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        setOpen(false);
        toggle.current?.focus();
      }}
    >
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
        className="flex max-w-64 items-center gap-1 rounded-md px-2 py-1 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800"
      >
        <span className="sr-only">Designs: </span>
        <span className="truncate">{name}</span>
        <span aria-hidden="true">▾</span>
      </button>
      <span role="status" className="text-xs whitespace-nowrap text-slate-500 dark:text-slate-400">
        {statusText[saveStatus]}
      </span>
      {open && (
        <div
          id={panelId}
          role="group"
          aria-label="Designs"
          className="absolute top-full left-0 z-40 mt-1 w-80 space-y-3 rounded-lg border border-slate-200 bg-white p-3 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          <CommitField
            key={currentId}
            label="Design name"
            value={name}
            onCommit={(value) => value.trim() && apply(renameDesign, { name: value.trim() })}
          />
          <div className="flex flex-wrap gap-1">
            <button type="button" className={menuButton + ' w-auto'} onClick={() => run(newDesign)}>
              New design
            </button>
            <button
              type="button"
              className={menuButton + ' w-auto'}
              onClick={() => run(duplicateDesign)}
            >
              Duplicate design
            </button>
            <button
              type="button"
              className={menuButton + ' w-auto text-red-700 dark:text-red-400'}
              onClick={() => {
                setOpen(false);
                setConfirming(true);
              }}
            >
              Delete design
            </button>
          </div>
          <section aria-label="Saved designs">
            <h3 className="mb-1 text-xs font-semibold text-slate-600 dark:text-slate-300">
              Saved in this browser
            </h3>
            <ul className="max-h-64 overflow-auto">
              {designs.map((d) => (
                <li key={d.id}>
                  <button
                    type="button"
                    aria-current={d.id === currentId ? 'true' : undefined}
                    className={`${menuButton} ${d.id === currentId ? 'font-semibold' : ''}`}
                    onClick={() => run(() => openDesign(d.id))}
                  >
                    {d.name}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
      {confirming && (
        <Modal label="Delete design" role="alertdialog" onClose={() => setConfirming(false)}>
          <p className="text-sm">
            Delete the design <strong>{name}</strong> from this browser? Export it first to keep a
            copy.
          </p>
          <div className="mt-4 flex justify-end gap-2">
            <button
              type="button"
              className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-600"
              onClick={() => setConfirming(false)}
            >
              Cancel
            </button>
            <button
              type="button"
              className="rounded-md bg-red-600 px-3 py-1.5 text-sm font-medium text-white"
              onClick={() => {
                setConfirming(false);
                void deleteCurrentDesign();
              }}
            >
              Delete design
            </button>
          </div>
        </Modal>
      )}
    </div>
  );
}

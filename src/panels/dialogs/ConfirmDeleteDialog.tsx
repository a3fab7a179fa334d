import { useId, useState } from 'react';
import { findEntity } from '../../model';
import {
  selectConfirmDelete,
  selectDesignContent,
  selectPendingDelete,
  useRolecraft,
  useRolecraftStore,
} from '../../store';
import { Modal } from './Modal';

/** Asks before a delete that would leave policies or memberships naming what goes. */
export function ConfirmDeleteDialog() {
  const pending = useRolecraft(selectPendingDelete);
  const design = useRolecraft(selectDesignContent);
  const confirmDelete = useRolecraft(selectConfirmDelete);
  const store = useRolecraftStore();
  const [removeTrust, setRemoveTrust] = useState(true);
  const descriptionId = useId();
  if (!pending) return null;
  const names = pending.ids.map((id) => findEntity(design, id)?.name ?? id);
  const cancel = () => store.getState().setPendingDelete(null);
  return (
    <Modal label="Confirm delete" role="alertdialog" onClose={cancel} describedBy={descriptionId}>
      <h2 className="mb-2 text-base font-semibold">
        Delete {names.length === 1 ? names[0] : `${names.length} items`}?
      </h2>
      <div id={descriptionId} className="space-y-2 text-sm">
        {names.length > 1 && <p>This deletes {names.join(', ')}.</p>}
        {pending.breaks.length > 0 && (
          <>
            <p>
              {pending.breaks.length === 1
                ? 'One reference would break:'
                : `${pending.breaks.length} references would break:`}
            </p>
            <ul className="max-h-48 list-disc space-y-0.5 overflow-auto pl-5 text-xs">
              {pending.breaks.map((b, i) => (
                <li key={i}>{b.message.replace(/`/g, '')}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      {pending.breaks.length > 0 && (
        <label className="mt-3 flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={removeTrust}
            onChange={(e) => setRemoveTrust(e.target.checked)}
          />
          Also remove them from trust policies
        </label>
      )}
      <div className="mt-4 flex justify-end gap-2">
        <button
          type="button"
          onClick={cancel}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-600"
        >
          Cancel
        </button>
        <button
          type="button"
          onClick={() => confirmDelete(removeTrust)}
          className="rounded-md bg-red-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-700"
        >
          Delete
        </button>
      </div>
    </Modal>
  );
}

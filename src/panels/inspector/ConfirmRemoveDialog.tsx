import { useEffect, useId, useState, type ReactNode, type RefObject } from 'react';
import { Modal } from '../dialogs/Modal';

export interface RemoveRequest {
  /** `Remove policy ReadArtifacts?` */
  title: string;
  /** What goes with it, and any consequence worth a second look. */
  details: string[];
  onConfirm: () => void;
  /** The confirm button's words; `Remove` unless told (`Detach`, `Delete`). */
  confirm?: string;
}

/** Asks before a policy, a level or a whole organization path goes (Undo brings it back). */
function ConfirmRemoveDialog({
  request,
  onClose,
}: {
  request: RemoveRequest;
  onClose: () => void;
}) {
  const descriptionId = useId();
  return (
    <Modal label={request.title} role="alertdialog" onClose={onClose} describedBy={descriptionId}>
      <h2 className="mb-2 text-base font-semibold">{request.title}</h2>
      <div id={descriptionId} className="space-y-1 text-sm">
        {request.details.map((line) => (
          <p key={line}>{line}</p>
        ))}
        <p className="text-slate-600 dark:text-slate-300">Undo (Ctrl+Z) brings it back.</p>
      </div>
      <div className="mt-4 flex justify-end gap-2">
        <button
          type="button"
          onClick={onClose}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-600"
        >
          Cancel
        </button>
        <button
          type="button"
          onClick={() => {
            onClose();
            request.onConfirm();
          }}
          className="rounded-md bg-red-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500"
        >
          {request.confirm ?? 'Remove'}
        </button>
      </div>
    </Modal>
  );
}

/**
 * A remove that asks first: `ask(request)` opens the dialog (render `dialog`). When what had the
 * focus went with the removal, the focus moves to `fallback` rather than to the page.
 */
export function useConfirmRemove(fallback: RefObject<HTMLElement | null>): {
  ask: (request: RemoveRequest) => void;
  dialog: ReactNode;
} {
  const [request, setRequest] = useState<RemoveRequest | null>(null);
  const [closed, setClosed] = useState(0);
  useEffect(() => {
    if (closed === 0) return;
    const frame = requestAnimationFrame(() => {
      const active = document.activeElement;
      if (!active || active === document.body || !active.isConnected) fallback.current?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [closed, fallback]);
  const dialog = request && (
    <ConfirmRemoveDialog
      request={request}
      onClose={() => {
        setRequest(null);
        setClosed((n) => n + 1);
      }}
    />
  );
  return { ask: setRequest, dialog };
}

import { useEffect } from 'react';
import { selectToasts, useRolecraft, type RolecraftState, type Toast } from '../../store';

const selectDismissToast = (s: RolecraftState) => s.dismissToast;

const INFO_MS = 4000;

function ToastItem({ toast }: { toast: Toast }) {
  const dismiss = useRolecraft(selectDismissToast);
  useEffect(() => {
    if (toast.tone === 'error') return; // errors stay until dismissed
    const timer = setTimeout(() => dismiss(toast.id), INFO_MS);
    return () => clearTimeout(timer);
  }, [toast, dismiss]);
  return (
    <div
      role={toast.tone === 'error' ? 'alert' : 'status'}
      className={`flex items-start gap-3 rounded-lg border px-3 py-2 text-sm shadow-lg ${
        toast.tone === 'error'
          ? 'border-red-300 bg-red-50 text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100'
          : 'border-slate-200 bg-white text-slate-900 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-100'
      }`}
    >
      <p className="flex-1 break-words">{toast.message}</p>
      <button
        type="button"
        aria-label="Dismiss"
        className="rounded px-1 hover:bg-black/10"
        onClick={() => dismiss(toast.id)}
      >
        ×
      </button>
    </div>
  );
}

/** Messages at the bottom right; errors are alerts and stay until dismissed. */
export function Toasts() {
  const toasts = useRolecraft(selectToasts);
  return (
    <div className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-96 max-w-[92vw] flex-col gap-2">
      {toasts.map((toast) => (
        <div key={toast.id} className="pointer-events-auto">
          <ToastItem toast={toast} />
        </div>
      ))}
    </div>
  );
}

// The banner under the header: the open design changed in another tab, opened read-only, or
// not saved; and designs that could not be read, kept aside, to download as stored.
import { useStore } from 'zustand';
import { designNotices, setNotice } from './design-notices';
import {
  downloadUnreadable,
  duplicateDesign,
  forgetUnreadable,
  reloadOpenDesign,
} from './persistence';

const button =
  'rounded border border-amber-500 bg-white px-2 py-0.5 text-amber-950 hover:bg-amber-100 dark:bg-amber-900 dark:text-amber-50';

export function DesignNotices() {
  const notice = useStore(designNotices, (s) => s.notice);
  const unreadable = useStore(designNotices, (s) => s.unreadable);
  if (!notice && unreadable.length === 0) return null;
  return (
    <div
      role="region"
      aria-label="Design notices"
      className="space-y-1 border-b border-amber-300 bg-amber-50 px-3 py-1.5 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
    >
      {notice && (
        <div role="alert" className="flex flex-wrap items-center gap-2">
          <p className="min-w-0 flex-1">{notice.message}</p>
          {notice.kind === 'stale' && (
            <button type="button" className={button} onClick={() => void reloadOpenDesign()}>
              Reload design
            </button>
          )}
          {(notice.kind === 'stale' || notice.kind === 'read-only') && (
            <button type="button" className={button} onClick={() => void duplicateDesign()}>
              Save as a copy
            </button>
          )}
          {notice.kind === 'storage' && (
            <button type="button" className={button} onClick={() => setNotice(undefined)}>
              Dismiss
            </button>
          )}
        </div>
      )}
      {unreadable.map((u) => (
        <div key={u.key} className="flex flex-wrap items-center gap-2">
          <p className="min-w-0 flex-1">
            A stored design (<code>{u.id}</code>) could not be opened and is kept aside: {u.reason}
          </p>
          <button type="button" className={button} onClick={() => void downloadUnreadable(u.key)}>
            Download raw record
          </button>
          <button type="button" className={button} onClick={() => void forgetUnreadable(u.key)}>
            Delete it
          </button>
        </div>
      ))}
    </div>
  );
}

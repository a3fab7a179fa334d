import { useEffect, useId, useState } from 'react';
import { SHARE_LINK_LIMIT } from '../io';
import { Modal } from '../panels';
import { currentShareLink } from './export-actions';
import { exportCurrentDesign } from './persistence';

const button = 'rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-600';
const primary = 'rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white';

type CopyState = 'copying' | 'copied' | 'refused';

/**
 * "Copy share link": the link (copied at once when it fits in a chat message), or, for a
 * design too large for a link, the reason and the file instead.
 */
export function ShareDialog({ onClose }: { onClose: () => void }) {
  const [link] = useState(currentShareLink);
  const fits = link.length <= SHARE_LINK_LIMIT;
  const [copy, setCopy] = useState<CopyState>('copying');
  const describedBy = useId();

  const copyLink = () => {
    setCopy('copying');
    navigator.clipboard.writeText(link).then(
      () => setCopy('copied'),
      () => setCopy('refused'),
    );
  };
  useEffect(() => {
    if (fits) copyLink();
    // Copy once, when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <Modal label="Share link" onClose={onClose} describedBy={describedBy}>
      <div id={describedBy} className="space-y-2 text-sm">
        {fits ? (
          <p>
            Whoever opens this link gets a copy of this design, opened as a new design. The design
            travels inside the link, after the <code>#</code>: it is not uploaded anywhere.
          </p>
        ) : (
          <p>
            This design makes a link of {link.length.toLocaleString('en')} characters; chat tools
            cut links longer than {SHARE_LINK_LIMIT.toLocaleString('en')}. Share the design file
            instead.
          </p>
        )}
      </div>
      <label className="mt-3 block text-xs font-semibold text-slate-600 dark:text-slate-300">
        Share link
        <input
          readOnly
          value={link}
          onFocus={(e) => e.currentTarget.select()}
          className="mt-1 block w-full rounded border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs font-normal dark:border-slate-600 dark:bg-slate-800"
        />
      </label>
      <p role="status" className="mt-2 min-h-5 text-xs text-slate-600 dark:text-slate-300">
        {copy === 'copied' && 'Link copied to the clipboard.'}
        {copy === 'refused' && 'The browser did not allow copying: copy the link from the box.'}
      </p>
      <div className="mt-3 flex justify-end gap-2">
        {fits ? (
          <button type="button" className={button} onClick={copyLink}>
            Copy again
          </button>
        ) : (
          <>
            <button type="button" className={button} onClick={copyLink}>
              Copy the link anyway
            </button>
            <button
              type="button"
              className={primary}
              onClick={() => {
                exportCurrentDesign();
                onClose();
              }}
            >
              Download the design file
            </button>
          </>
        )}
        <button type="button" className={fits ? primary : button} onClick={onClose}>
          Done
        </button>
      </div>
    </Modal>
  );
}

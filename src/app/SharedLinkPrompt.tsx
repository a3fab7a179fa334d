import { useEffect, useState } from 'react';
import { isShareFragment, readShareFragment, type Shared } from '../io';
import { Modal } from '../panels';
import { useRolecraftStore } from '../store';
import { openLesson } from '../lessons';
import { asNewDesign, openAsNewDesign } from './persistence';

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** What a shared design holds, in a sentence. */
function summary({ design }: Shared): string {
  return [
    count(design.accounts.length, 'account'),
    count(design.roles.length, 'role'),
    count(design.users.length, 'user'),
    count(design.identityProviders.length, 'identity provider'),
  ].join(', ');
}

/** Removes the share fragment from the address, so a reload does not ask again. */
function clearFragment() {
  const { pathname, search } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${search}`);
}

/**
 * Opening a share link: says what the link holds and opens it as a new design only when asked,
 * so no design in this browser is ever replaced. Works for a link pasted into an open tab too.
 */
export function SharedLinkPrompt() {
  const store = useRolecraftStore();
  const [shared, setShared] = useState<Shared | undefined>();

  useEffect(() => {
    const read = () => {
      if (!isShareFragment(window.location.hash)) return;
      const result = readShareFragment(window.location.hash);
      clearFragment();
      if (result.ok) setShared(result);
      else
        store.getState().showToast('error', `the share link could not be opened: ${result.reason}`);
    };
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, [store]);

  if (!shared) return null;
  const close = () => setShared(undefined);
  return (
    <Modal label="Open shared design" onClose={close}>
      <h2 className="text-base font-semibold">Open a shared design?</h2>
      <p className="mt-2 text-sm">
        This link holds a copy of the design <strong>{shared.design.name}</strong> (
        {summary(shared)}
        ).
        {shared.lesson &&
          ` It was shared at step ${shared.lesson.step + 1} of the lesson “${shared.lesson.id}”.`}{' '}
        It opens as a new design; the designs in this browser stay as they are.
      </p>
      <div className="mt-4 flex justify-end gap-2">
        <button
          type="button"
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-600"
          onClick={close}
        >
          Not now
        </button>
        <button
          type="button"
          className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white"
          onClick={() => {
            close();
            const opening = shared.lesson
              ? openLesson(shared.lesson.id, shared.lesson.step, asNewDesign(shared.design))
              : openAsNewDesign(shared.design);
            void opening.then(() =>
              store.getState().showToast('info', `Opened the shared design ${shared.design.name}`),
            );
          }}
        >
          Open as a new design
        </button>
      </div>
    </Modal>
  );
}

import { useId } from 'react';
import { Modal } from '../../panels';
import { catalog } from '../catalog';
import { openLesson } from '../controller';
import { closeGallery } from '../lesson-ui';
import { LessonPicture } from './LessonPicture';

/** The gallery: a card per lesson; opening one opens its design as a new design. */
export default function ScenariosDialog() {
  const headingId = useId();
  return (
    <Modal label="Scenarios" onClose={closeGallery} width="w-[60rem]">
      <div className="mb-3 flex items-baseline justify-between gap-4">
        <h2 id={headingId} className="text-base font-bold">
          Scenarios: why use a role
        </h2>
        <button
          type="button"
          onClick={closeGallery}
          className="rounded px-2 py-0.5 text-sm text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
        >
          Close
        </button>
      </div>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
        Each lesson opens as a new design (yours stay as they are) and plays step by step on the
        canvas with the real engine. Change anything to see the outcome change.
      </p>
      <ul
        aria-labelledby={headingId}
        className="grid max-h-[60vh] grid-cols-1 gap-3 overflow-auto sm:grid-cols-3"
      >
        {catalog.lessons.map((lesson) => (
          <li key={lesson.id}>
            <button
              type="button"
              aria-labelledby={`${headingId}-${lesson.id}-title`}
              aria-describedby={`${headingId}-${lesson.id}`}
              onClick={() => void openLesson(lesson.id)}
              className="flex h-full w-full flex-col gap-1 rounded-lg border border-slate-200 p-2 text-left hover:border-sky-500 hover:bg-sky-50 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-700 dark:hover:bg-slate-800"
            >
              <LessonPicture design={lesson.design} />
              <span id={`${headingId}-${lesson.id}-title`} className="text-sm font-semibold">
                {lesson.title}
              </span>
              <span
                id={`${headingId}-${lesson.id}`}
                className="text-xs text-slate-600 dark:text-slate-300"
              >
                {lesson.summary}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {catalog.problems.length > 0 && (
        <p role="alert" className="mt-2 text-xs text-red-700 dark:text-red-300">
          Left out (not a valid lesson file):{' '}
          {catalog.problems.map((p) => `${p.file}: ${p.errors[0]}`).join('; ')}
        </p>
      )}
    </Modal>
  );
}

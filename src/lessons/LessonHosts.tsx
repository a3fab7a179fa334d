import { lazy, Suspense } from 'react';
import { useRolecraft } from '../store';
import { useLessonUi } from './lesson-ui';

const ScenariosDialog = lazy(() => import('./ui/ScenariosDialog'));
const LessonPanel = lazy(() => import('./ui/LessonPanel'));

/** The gallery dialog, while it is open. */
export function ScenariosHost() {
  const open = useLessonUi((s) => s.galleryOpen);
  return open ? (
    <Suspense fallback={null}>
      <ScenariosDialog />
    </Suspense>
  ) : null;
}

/** The lesson panel, while a lesson is open. */
export function LessonHost() {
  const active = useRolecraft((s) => s.activeLesson !== null);
  return active ? (
    <Suspense fallback={null}>
      <LessonPanel />
    </Suspense>
  ) : null;
}

/** Guided lessons: the gallery and the lesson panel (loaded on demand), and opening a lesson by id. */
import type { Design } from '../model';
export { openGallery } from './lesson-ui';
export { LessonHost, ScenariosHost } from './LessonHosts';

/**
 * Opens a lesson at a step (0-based; share links use it); loads the lessons on first use.
 * `design`: a design to open instead of the lesson's own (a share link's, with its edits).
 */
export async function openLesson(id: string, step = 0, design?: Design): Promise<boolean> {
  const { openLesson: open } = await import('./controller');
  return open(id, step, design);
}

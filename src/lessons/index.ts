/** Guided lessons: the gallery and the lesson panel (loaded on demand), and opening a lesson by id. */
export { openGallery } from './lesson-ui';
export { LessonHost, ScenariosHost } from './LessonHosts';

/** Opens a lesson at a step (0-based; share links use it); loads the lessons on first use. */
export async function openLesson(id: string, step = 0): Promise<boolean> {
  const { openLesson: open } = await import('./controller');
  return open(id, step);
}

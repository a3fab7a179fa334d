// The lesson UI's own state: whether the gallery is open, and what "Do it for me" reported
// for each step of the open lesson. Which lesson and step are open lives in the app store
// (`activeLesson`), where share links and the rest of the app can read it.

import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { ActionOutcome } from './runtime';

export interface LessonUiState {
  galleryOpen: boolean;
  /** Outcomes of the last "Do it for me" of each step, by step index. */
  outcomes: Record<number, ActionOutcome[]>;
  /** Counts lesson openings (and resets), so the canvas fits the view to each. */
  opened: number;
}

export const lessonUi = createStore<LessonUiState>()(() => ({
  galleryOpen: false,
  outcomes: {},
  opened: 0,
}));

export function useLessonUi<T>(selector: (state: LessonUiState) => T): T {
  return useStore(lessonUi, selector);
}

export function openGallery() {
  lessonUi.setState({ galleryOpen: true });
}

export function closeGallery() {
  lessonUi.setState({ galleryOpen: false });
}

// Opening, stepping through, resetting and closing a lesson in the app: the lesson's design
// opens as a design of its own (the user's designs stay as they are) with a fresh simulation.

import { rolecraftStore } from '../store';
import { simulationStore } from '../simulation';
import { openDesignDocument } from '../app';
import { lessonById } from './catalog';
import type { Lesson } from './lesson-types';
import type { Design } from '../model';
import { lessonUi } from './lesson-ui';
import { enterStep, performStep, type LessonContext } from './runtime';

const ctx: LessonContext = { app: rolecraftStore, sim: simulationStore };

/** The open lesson and its step, when one is open. */
function activeLesson(): { lesson: Lesson; step: number } | undefined {
  const active = rolecraftStore.getState().activeLesson;
  const lesson = active ? lessonById(active.id) : undefined;
  return lesson && active ? { lesson, step: active.step } : undefined;
}

/** Opens a lesson at a step (the first by default): its design, a fresh simulation, the panel. */
export async function openLesson(id: string, step = 0, design?: Design): Promise<boolean> {
  const lesson = lessonById(id);
  if (!lesson) {
    rolecraftStore.getState().showToast('error', `there is no lesson \`${id}\``);
    return false;
  }
  lessonUi.setState({ galleryOpen: false, outcomes: {} });
  await openDesignDocument(design ?? structuredClone(lesson.design));
  simulationStore.getState().reset();
  goToStep(lesson, step);
  lessonUi.setState((s) => ({ opened: s.opened + 1 }));
  return true;
}

export function goToStep(lesson: Lesson, step: number) {
  const index = Math.max(0, Math.min(lesson.steps.length - 1, Math.trunc(step)));
  rolecraftStore.getState().setActiveLesson({ id: lesson.id, step: index });
  const current = lesson.steps[index];
  if (current) enterStep(ctx, current);
}

/** "Do it for me": performs the open step's actions and keeps what they reported. */
export function doItForMe() {
  const active = activeLesson();
  const step = active?.lesson.steps[active.step];
  if (!active || !step) return;
  const outcomes = performStep(ctx, step);
  lessonUi.setState((s) => ({ outcomes: { ...s.outcomes, [active.step]: outcomes } }));
}

/** Shows what the open step points at again. */
export function showStepAgain() {
  const active = activeLesson();
  const step = active?.lesson.steps[active.step];
  if (step) enterStep(ctx, step);
}

/** Restores the lesson's design and simulation and goes back to its first step. */
export async function resetLesson() {
  const active = activeLesson();
  if (active) await openLesson(active.lesson.id, 0);
}

export function closeLesson() {
  rolecraftStore.getState().setActiveLesson(null);
  lessonUi.setState({ outcomes: {} });
}

// Opening another design (designs menu, import) ends the lesson.
rolecraftStore.subscribe((state, previous) => {
  if (state.design.id === previous.design.id || !state.activeLesson) return;
  const lesson = lessonById(state.activeLesson.id);
  if (lesson && state.design.id !== lesson.design.id) closeLesson();
});

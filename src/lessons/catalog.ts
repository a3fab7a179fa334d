// Every lesson under ./library, one JSON file each: adding a file adds a lesson to the
// gallery. A file that does not read is left out and reported (the schema test fails on it).

import type { Lesson } from './lesson-types';
import { readLesson } from './read-lesson';

const files = import.meta.glob<unknown>('./library/*.json', { eager: true, import: 'default' });

interface LessonProblem {
  file: string;
  errors: string[];
}

export interface LessonCatalog {
  lessons: Lesson[];
  problems: LessonProblem[];
}

/** Reads lesson files (by path) into lessons in gallery order. */
export function readCatalog(byPath: Record<string, unknown>): LessonCatalog {
  const lessons: Lesson[] = [];
  const problems: LessonProblem[] = [];
  for (const [path, content] of Object.entries(byPath)) {
    const file = path.split('/').pop() ?? path;
    const read = readLesson(content, file.replace(/\.json$/, ''));
    if (read.ok) lessons.push(read.lesson);
    else problems.push({ file, errors: read.errors });
  }
  lessons.sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
  return { lessons, problems };
}

export const catalog: LessonCatalog = readCatalog(files);

export function lessonById(id: string): Lesson | undefined {
  return catalog.lessons.find((l) => l.id === id);
}

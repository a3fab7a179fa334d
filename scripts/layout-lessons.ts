// Lays out the design of each lesson file that has nodes without a position (or every lesson
// with --force) with the canvas's own auto layout, and writes the positions into the file.
// Run after writing or changing a lesson: `npx tsx scripts/layout-lessons.ts [--force]`.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { layoutDesign } from '../src/canvas/auto-layout';
import { allEntities } from '../src/model';
import { readLesson } from '../src/lessons/read-lesson';

const folder = join(import.meta.dirname, '../src/lessons/library');
const force = process.argv.includes('--force');

for (const file of readdirSync(folder).filter((f) => f.endsWith('.json'))) {
  const path = join(folder, file);
  const raw = JSON.parse(readFileSync(path, 'utf8'));
  const read = readLesson(raw, file.replace(/\.json$/, ''));
  if (!read.ok) {
    console.error(`${file}:\n  ${read.errors.join('\n  ')}`);
    process.exitCode = 1;
    continue;
  }
  const { design } = read.lesson;
  const missing = allEntities(design).some((e) => !design.layout[e.id]);
  if (!missing && !force) continue;
  const positions = await layoutDesign(design);
  const rounded = Object.fromEntries(
    Object.entries(positions).map(([id, p]) => [
      id,
      Object.fromEntries(Object.entries(p).map(([k, v]) => [k, Math.round(v as number)])),
    ]),
  );
  raw.design.layout = rounded;
  writeFileSync(path, `${JSON.stringify(raw, null, 2)}\n`);
  console.log(`${file}: laid out ${Object.keys(rounded).length} nodes`);
}

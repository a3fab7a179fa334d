// The schema test of the lesson library: every file under ./library reads as a lesson, its
// design's policies pass the validator without an error or warning (with the service
// catalogue), and its texts stay short. A trainer's new file is held to the same.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePolicy, type PolicyType } from '../engine';
import { loadCatalogForPolicy } from '../engine/catalog/index.ts';
import { allEntities, parsePolicyText, policySlots, type PolicySlot } from '../model';
import { catalog, readCatalog } from './catalog';
import { readLesson } from './read-lesson';

const folder = join(import.meta.dirname, 'library');
const files = readdirSync(folder).filter((f) => f.endsWith('.json'));
const raw = (file: string): unknown => JSON.parse(readFileSync(join(folder, file), 'utf8'));

const NINE = [
  'Many principals, one role',
  'Short-term access',
  'No long-term keys',
  'Lambda execution role',
  'Break glass',
  'Corporate directory (SAML)',
  'Web identity at scale',
  'Cross-account access',
  'GitHub Actions deploys',
];

const policyTypeOf: Record<PolicySlot['kind'], PolicyType> = {
  trust: 'trust',
  resource: 'resource',
  boundary: 'boundary',
  permission: 'identity',
  scp: 'scp',
  rcp: 'rcp',
};

describe('lesson files', () => {
  it('the gallery holds every file, the issue’s nine first and in its order', () => {
    expect(catalog.problems).toEqual([]);
    expect(catalog.lessons.map((l) => `${l.id}.json`).sort()).toEqual([...files].sort());
    // The nine of the issue, in its order; a trainer's tenth comes after them.
    expect(catalog.lessons.slice(0, 9).map((l) => l.title)).toEqual(NINE);
    expect(new Set(catalog.lessons.map((l) => l.order)).size).toBe(catalog.lessons.length);
  });

  it.each(files)('%s reads as a lesson', (file) => {
    const read = readLesson(raw(file), file.replace(/\.json$/, ''));
    expect(read.ok ? [] : read.errors).toEqual([]);
  });

  it.each(files)('%s: every policy passes the validator', async (file) => {
    const read = readLesson(raw(file), file.replace(/\.json$/, ''));
    if (!read.ok) throw new Error(read.errors.join('\n'));
    const { design } = read.lesson;
    const problems: string[] = [];
    for (const entity of allEntities(design)) {
      for (const { slot, text } of policySlots(design, entity)) {
        if (slot.kind === 'resource' && text.trim() === '') continue;
        const parsed = parsePolicyText(text);
        if (!parsed.ok) {
          problems.push(`${entity.name} ${slot.kind}: ${parsed.reason}`);
          continue;
        }
        const diagnostics = validatePolicy(text, policyTypeOf[slot.kind], {
          catalog: await loadCatalogForPolicy(parsed.document),
        });
        for (const d of diagnostics)
          problems.push(`${entity.name} ${slot.kind}: ${d.severity} ${d.code} ${d.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(files)('%s: texts are short, every step cites its AWS concept', (file) => {
    const read = readLesson(raw(file), file.replace(/\.json$/, ''));
    if (!read.ok) throw new Error(read.errors.join('\n'));
    const { lesson } = read;
    expect(lesson.summary.length).toBeLessThanOrEqual(110);
    for (const step of lesson.steps) {
      expect(step.text.length, step.title).toBeLessThanOrEqual(420);
      expect(step.cite, step.title).toBeTruthy();
    }
    expect(lesson.steps.some((s) => s.actions.length > 0)).toBe(true);
  });
});

const minimal = {
  id: 'x',
  order: 1,
  title: 'T',
  summary: 'S',
  concept: 'C',
  design: {
    accounts: [{ id: 'a', awsAccountId: '111111111111' }],
    users: [{ id: 'u', account: 'a', name: 'u' }],
  },
  steps: [{ title: 'Step', text: 'Text', actions: [] }],
};

describe('readCatalog', () => {
  it('a tenth file is a tenth lesson; a broken one is reported, not shown', () => {
    const byPath = Object.fromEntries(files.map((f) => [`./library/${f}`, raw(f)]));
    const read = readCatalog({
      ...byPath,
      './library/tenth.json': { ...minimal, id: 'tenth', order: 10, title: 'Tenth' },
      './library/broken.json': { ...minimal, id: 'broken', steps: 'none' },
    });
    expect(read.lessons.map((l) => l.title).slice(-1)).toEqual(['Tenth']);
    expect(read.lessons).toHaveLength(files.length + 1);
    expect(read.problems).toEqual([
      { file: 'broken.json', errors: ['steps: expected a list, got `none`'] },
    ]);
  });
});

describe('readLesson', () => {
  it('reads a minimal lesson; policies written as objects become text', () => {
    const read = readLesson(
      {
        ...minimal,
        design: {
          ...minimal.design,
          roles: [
            {
              id: 'r',
              account: 'a',
              name: 'R',
              trustPolicy: { Version: '2012-10-17', Statement: [] },
            },
          ],
        },
      },
      'x',
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.lesson.design.id).toBe('lesson-x');
    expect(read.lesson.design.roles[0]!.trustPolicy).toBe(
      JSON.stringify({ Version: '2012-10-17', Statement: [] }, null, 2),
    );
  });

  const step = (extra: object) => ({ ...minimal, steps: [{ ...minimal.steps[0], ...extra }] });
  it.each([
    [
      'the id must match the file',
      { ...minimal, id: 'y' },
      'id: `y` must match the file name `x.json`',
    ],
    ['unknown fields are mistakes', { ...minimal, titel: 'T' }, 'lesson.titel: unknown field'],
    ['a lesson needs steps', { ...minimal, steps: [] }, 'steps: a lesson needs a step'],
    [
      'actions are known ones',
      step({ actions: [{ do: 'dance' }] }),
      'steps[0].actions[0].do: expected one of `assume`, `call`, `reassume`, `advance`, `edit-policy`, got `dance`',
    ],
    [
      'steps name entities of the design',
      step({ highlight: { entities: ['nobody'] } }),
      "steps[0].highlight.entities[0]: `nobody` is no entity of the lesson's design",
    ],
    [
      'an expectation says what to tell',
      step({
        actions: [{ do: 'assume', caller: 'u', role: 'u', expect: { outcome: 'OK' } }],
      }),
      'steps[0].actions[0].expect.notice: expected non-empty text, got `nothing`',
    ],
    [
      'outcomes are OK or an error code',
      step({
        actions: [
          { do: 'assume', caller: 'u', role: 'u', expect: { outcome: 'denied', notice: 'n' } },
        ],
      }),
      'steps[0].actions[0].expect.outcome: expected `OK` or an error code such as `AccessDenied`, got `denied`',
    ],
    [
      'the design is a Rolecraft design',
      { ...minimal, design: { users: [{ id: 'u', account: 'nowhere', name: 'u' }] } },
      'design: user `u` is in account `nowhere`, which is not in the design',
    ],
  ])('%s', (_name, input, error) => {
    const read = readLesson(input, 'x');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.errors).toContain(error);
  });
});

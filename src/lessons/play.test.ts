import { describe, expect, it } from 'vitest';
import { createRolecraftStore } from '../store';
import { createSimulationStore } from '../simulation';
import { catalog, lessonById } from './catalog';
import type { Lesson } from './lesson-types';
import { performStep, type ActionOutcome, type LessonContext } from './runtime';

function open(lesson: Lesson): LessonContext {
  const app = createRolecraftStore();
  app.getState().loadDesign(structuredClone(lesson.design));
  return { app, sim: createSimulationStore(app) };
}

function play(ctx: LessonContext, lesson: Lesson): ActionOutcome[][] {
  return lesson.steps.map((step) => performStep(ctx, step));
}

describe('every lesson plays to its end with the real engine', () => {
  it.each(catalog.lessons.map((l) => [l.title, l] as const))('%s', (_title, lesson) => {
    const ctx = open(lesson);
    const outcomes = play(ctx, lesson);
    const notices = outcomes.flat().filter((o) => o.notice);
    expect(notices).toEqual([]);
    // Every promised outcome is an event in the simulation's log.
    const promised = lesson.steps.flatMap((s) => s.actions).filter((a) => 'expect' in a);
    expect(ctx.sim.getState().events.length).toBeGreaterThanOrEqual(promised.length);
  });
});

describe('breaking a lesson', () => {
  it('Break glass: without MFA in the trust, the assume without MFA succeeds and the step says so', () => {
    const lesson = lessonById('break-glass')!;
    const ctx = open(lesson);
    const app = ctx.app.getState();
    const role = app.design.roles.find((r) => r.id === 'break-glass')!;
    const trust = JSON.parse(role.trustPolicy);
    delete trust.Statement[0].Condition;
    app.apply((d) => ({
      ...d,
      roles: d.roles.map((r) =>
        r.id === role.id ? { ...r, trustPolicy: JSON.stringify(trust, null, 2) } : r,
      ),
    }));
    const outcomes = play(ctx, lesson);
    const withoutMfa = outcomes[3]!;
    expect(withoutMfa[0]).toMatchObject({
      outcome: 'OK',
      expected: 'AccessDenied',
      notice: 'the trust no longer requires MFA: the call now succeeds without it',
    });
    // The other steps still hold.
    expect(outcomes.flat().filter((o) => o.notice)).toHaveLength(1);
  });
});

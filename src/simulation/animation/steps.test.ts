import { describe, expect, it } from 'vitest';
import { StsSimulator } from '../../sts/index.ts';
import { sampleDesign } from '../../model';
import { designToWorld } from '../world/design-world';
import { assumeSteps, decidingStep } from './steps';
import { phaseOf, positionAt, stepDurations, totalDuration } from './timeline';

const ALICE = 'arn:aws:iam::111111111111:user/alice';
const DEVELOPER = 'arn:aws:iam::111111111111:role/Developer';
const DEPLOY = 'arn:aws:iam::222222222222:role/Deploy';
const MFA = { SerialNumber: 'arn:aws:iam::111111111111:mfa/alice', TokenCode: '123456' };
const names = { caller: 'alice', role: 'Developer' };

const simulator = () => new StsSimulator({ world: designToWorld(sampleDesign()).world });

describe('assumeSteps', () => {
  it('travels to STS, lights every check in the engine’s order, then brings credentials to the role', () => {
    const result = simulator().assume({
      by: { principal: ALICE },
      roleArn: DEVELOPER,
      params: { RoleSessionName: 'alice', ...MFA },
    });
    const steps = assumeSteps(result, names);
    expect(steps.map((s) => [s.kind, s.from ?? '', s.to ?? ''])[0]).toEqual([
      'travel',
      'caller',
      'sts',
    ]);
    expect(steps.filter((s) => s.kind === 'check').map((s) => s.id)).toEqual(
      result.checks.map((c) => `check:${c.id}`),
    );
    expect(steps.slice(-2).map((s) => [s.kind, s.tone, s.to ?? ''])).toEqual([
      ['travel', 'pass', 'role'],
      ['outcome', 'pass', ''],
    ]);
    expect(steps.every((s) => s.tone !== 'fail')).toBe(true);
    expect(decidingStep(steps)).toBeUndefined();
  });

  it('ends a refused assume at the failed check, with its policy reference and reason', () => {
    const result = simulator().assume({
      by: { principal: ALICE },
      roleArn: DEPLOY,
      params: { RoleSessionName: 'alice' },
    });
    const steps = assumeSteps(result, { caller: 'alice', role: 'Deploy' });
    const trust = steps.find((s) => s.id === 'check:trust-principal');
    expect(trust).toMatchObject({ tone: 'fail', reference: { assume: { type: 'trust' } } });
    expect(trust?.reason).toContain('names `arn:aws:iam::111111111111:user/alice`');
    const outcome = steps[steps.length - 1];
    expect(outcome).toMatchObject({
      kind: 'outcome',
      label: 'AccessDenied',
      tone: 'fail',
      decidedBy: 'check:trust-principal',
    });
    expect(steps.some((s) => s.id === 'travel:credentials')).toBe(false);
    expect(decidingStep(steps)).toBe(trust);
  });

  it('stops a chained assume asking for two hours at the duration check', () => {
    const sim = simulator();
    const first = sim.assume({
      by: { principal: ALICE },
      roleArn: DEVELOPER,
      params: { RoleSessionName: 'alice', ...MFA },
    });
    if (!first.ok) throw new Error('first assume failed');
    const result = sim.assume({
      by: { accessKeyId: first.session.accessKeyId },
      roleArn: DEPLOY,
      params: { RoleSessionName: 'deploy', ExternalId: 'rolecraft-deploy', DurationSeconds: 7200 },
    });
    const steps = assumeSteps(result, { caller: 'Developer/alice', role: 'Deploy' });
    expect(steps.map((s) => `${s.id}:${s.tone}`)).toEqual([
      'travel:request:neutral',
      'check:credentials:pass',
      'check:parameters:pass',
      'check:duration:fail',
      'outcome:fail',
    ]);
    expect(decidingStep(steps)?.reason).toMatch(/role chaining limits the session to 3600 seconds/);
  });

  it('keeps the layer checks behind sts:TagSession as details', () => {
    const result = simulator().assume({
      by: { principal: ALICE },
      roleArn: DEVELOPER,
      params: { RoleSessionName: 'alice', ...MFA, Tags: [{ Key: 'team', Value: 'web' }] },
    });
    const tag = assumeSteps(result, names).find((s) => s.id === 'check:tag-session');
    expect(tag?.tone).toBe('fail');
    expect(tag?.details?.length).toBeGreaterThan(0);
  });
});

describe('timeline', () => {
  const steps = assumeSteps(
    simulator().assume({
      by: { principal: ALICE },
      roleArn: DEVELOPER,
      params: { RoleSessionName: 'alice', ...MFA },
    }),
    names,
  );

  it('gives travel more time than a check', () => {
    const normal = stepDurations(steps, { reducedMotion: false });
    expect(normal).toHaveLength(steps.length);
    expect(normal[0]).toBeGreaterThan(normal[1]!);
  });

  it.each([
    ['0.5x', 2],
    ['1x', 1],
    ['2x', 0.5],
    ['instant', 0],
  ] as const)('at %s every step takes %f times as long as at 1x', (speed, factor) => {
    const normal = stepDurations(steps, { reducedMotion: false });
    const paced = stepDurations(steps, { reducedMotion: false, speed });
    expect(paced).toEqual(normal.map((d) => Math.round(d * factor)));
  });

  it.each(['0.5x', '1x', '2x', 'instant'] as const)(
    'with reduced motion shows every step at once (at %s too)',
    (speed) => {
      const reduced = stepDurations(steps, { reducedMotion: true, speed });
      expect(reduced).toHaveLength(steps.length);
      expect(reduced.every((d) => d === 0)).toBe(true);
      expect(positionAt(reduced, 0)).toEqual({
        index: steps.length - 1,
        progress: 1,
        done: true,
      });
    },
  );

  it.each([
    [0, { index: 0, progress: 0, done: false }],
    [450, { index: 0, progress: 0.5, done: false }],
    [900, { index: 1, progress: 0, done: false }],
    [1125, { index: 1, progress: 0.5, done: false }],
    [2000, { index: 3, progress: expect.any(Number), done: false }],
    [-5, { index: 0, progress: 0, done: false }],
    [100_000, { index: 3, progress: 1, done: true }],
  ])('at %i ms shows %j', (elapsed, expected) => {
    expect(positionAt([900, 450, 450, 450], elapsed)).toEqual(expected);
  });

  it('visits every step once, in order, as time passes', () => {
    const durations = stepDurations(steps, { reducedMotion: false });
    const seen: number[] = [];
    for (let t = 0; t <= totalDuration(durations); t += 25) {
      const { index } = positionAt(durations, t);
      if (seen[seen.length - 1] !== index) seen.push(index);
    }
    expect(seen).toEqual(steps.map((_s, i) => i));
  });

  it('marks steps done, current or pending', () => {
    const position = { index: 2, progress: 0.3, done: false };
    expect([0, 1, 2, 3].map((i) => phaseOf(i, position))).toEqual([
      'done',
      'done',
      'current',
      'pending',
    ]);
    expect(phaseOf(3, { index: 3, progress: 1, done: true })).toBe('done');
    expect(positionAt([], 10)).toEqual({ index: -1, progress: 1, done: true });
  });
});

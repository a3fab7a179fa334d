import { describe, expect, it } from 'vitest';
import {
  addPermissionPolicy,
  removeTrustPrincipal,
  sampleDesign,
  setPositions,
  type Role,
} from '../../model';
import { createRolecraftStore } from '../../store';
import { EMPTY_ASSUME_FORM, type AssumeFormValues, type CallerChoice } from './requests';
import { rememberAnimationSpeed } from './remember-speed';
import { createSimulationStore } from './simulation-store';

const ALICE: CallerChoice = {
  kind: 'user',
  entityId: 'user-alice',
  arn: 'arn:aws:iam::111111111111:user/alice',
};
const DEVELOPER = 'arn:aws:iam::111111111111:role/Developer';
const DEPLOY = 'arn:aws:iam::222222222222:role/Deploy';
const withMfa: AssumeFormValues = {
  ...EMPTY_ASSUME_FORM,
  sessionName: 'alice',
  mfa: true,
  serialNumber: 'arn:aws:iam::111111111111:mfa/alice',
  tokenCode: '123456',
};

function setup() {
  const design = createRolecraftStore(sampleDesign());
  const sim = createSimulationStore(design);
  return { design, sim, s: () => sim.getState() };
}

function finish(sim: ReturnType<typeof setup>['sim']) {
  sim.getState().skipAnimation();
  return sim.getState().animation!;
}

describe('simulation store', () => {
  it('assumes a role: an animation from alice to Developer, then a live session', () => {
    const { sim, s } = setup();
    s().assume(ALICE, DEVELOPER, withMfa);
    const run = s().animation!;
    expect(run).toMatchObject({
      kind: 'assume',
      callerEntityId: 'user-alice',
      roleEntityId: 'role-developer',
      endpointLabel: 'STS',
      index: 0,
      done: false,
    });
    expect(run.newSession).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(s().sessions.map((x) => x.accessKeyId)).toEqual([run.newSession]);
    expect(s().events.map((e) => e.eventName)).toEqual(['AssumeRole']);
    expect(finish(sim).done).toBe(true);
    expect(s().focus).toBeNull();
  });

  it('on a refusal opens the deciding trust statement and selects the role', () => {
    const { design, sim, s } = setup();
    s().assume(ALICE, DEPLOY, { ...EMPTY_ASSUME_FORM, sessionName: 'alice' });
    expect(s().focus).toBeNull();
    finish(sim);
    const focus = s().focus!;
    expect(focus).toMatchObject({
      entityId: 'role-deploy',
      slot: { kind: 'trust' },
      policyName: 'trust policy of Deploy',
    });
    expect(design.getState().selectedIds).toEqual(['role-deploy']);
  });

  it('points a failed trust condition at the statement’s text', () => {
    const { sim, s } = setup();
    s().assume(ALICE, DEVELOPER, { ...EMPTY_ASSUME_FORM, sessionName: 'alice' });
    finish(sim);
    const focus = s().focus!;
    expect(focus.statementIndex).toBe(0);
    const text = focus.text.slice(focus.range!.start, focus.range!.end);
    expect(JSON.parse(text)).toMatchObject({
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    });
  });

  it('on a refusal asks the editor to open the trust policy of Deploy at its statement', () => {
    const { design, sim, s } = setup();
    s().assume(ALICE, DEPLOY, { ...EMPTY_ASSUME_FORM, sessionName: 'alice' });
    expect(design.getState().policyReveal).toBeNull();
    finish(sim);
    const reveal = design.getState().policyReveal!;
    const role = design.getState().design.roles.find((r) => r.id === 'role-deploy') as Role;
    expect(reveal).toMatchObject({
      entityId: 'role-deploy',
      slot: { kind: 'trust' },
      text: role.trustPolicy,
      focus: false,
    });
    const statement = JSON.parse(role.trustPolicy.slice(reveal.range!.start, reveal.range!.end));
    expect(statement).toMatchObject({
      Principal: { AWS: 'arn:aws:iam::111111111111:role/Developer' },
    });
  });

  it('an identity policy Deny opens that permission policy, not the first one', () => {
    const { design, sim, s } = setup();
    design.getState().apply(addPermissionPolicy, {
      entityId: 'user-alice',
      policy: {
        id: 'policy-alice-deny',
        name: 'NoDeveloper',
        attachment: 'inline',
        text: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' },
            { Sid: 'NoDeveloper', Effect: 'Deny', Action: 'sts:AssumeRole', Resource: DEVELOPER },
          ],
        }),
      },
    });
    s().assume(ALICE, DEVELOPER, withMfa);
    finish(sim);
    const reveal = design.getState().policyReveal!;
    expect(reveal).toMatchObject({
      entityId: 'user-alice',
      slot: { kind: 'permission', policyId: 'policy-alice-deny' },
    });
    expect(JSON.parse(reveal.text!.slice(reveal.range!.start, reveal.range!.end))).toMatchObject({
      Sid: 'NoDeveloper',
    });
    expect(design.getState().selectedIds).toEqual(['user-alice']);
  });

  it('"Show in editor" on a step selects its entity and reveals with the keyboard focus', () => {
    const { design, sim, s } = setup();
    s().assume(ALICE, DEVELOPER, withMfa);
    const run = finish(sim);
    expect(design.getState().policyReveal).toBeNull();
    const index = run.steps.findIndex((x) => x.id === 'check:trust-principal');
    s().revealStep(run, index);
    expect(design.getState().selectedIds).toEqual(['role-developer']);
    expect(design.getState().policyReveal).toMatchObject({
      entityId: 'role-developer',
      slot: { kind: 'trust' },
      focus: true,
    });
    expect(s().focus?.policyName).toBe('trust policy of Developer');
  });

  it('a session policy that decides stays in the panel: nothing to open in the design', () => {
    const { design, sim, s } = setup();
    s().assume(ALICE, DEVELOPER, {
      ...withMfa,
      sessionPolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: '*', Resource: '*' },
          { Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' },
        ],
      }),
    });
    const session = finish(sim).newSession!;
    design.getState().clearSelection();
    s().call(session, 'sts:AssumeRole', DEPLOY);
    const run = finish(sim);
    expect(s().focus).toMatchObject({ policyName: 'session policy 1', statementIndex: 1 });
    expect(s().focus?.entityId).toBeUndefined();
    expect(design.getState().policyReveal).toBeNull();
    expect(design.getState().selectedIds).toEqual([]);
    const index = run.steps.findIndex((x) => x.label === 'Session policies');
    s().revealStep(run, index);
    expect(design.getState().policyReveal).toBeNull();
  });

  it('runs the clock: play state, speed, step, tick and scrub', () => {
    const { s } = setup();
    const start = s().startMs;
    s().setSpeed(600);
    s().step();
    expect(s().nowMs).toBe(start + 600_000);
    s().tick(0.5);
    expect(s().nowMs).toBe(start + 900_000);
    s().scrubTo(start - 10_000);
    expect(s().nowMs).toBe(start);
    s().play();
    expect(s().playing).toBe(true);
    s().pause();
    expect(s().playing).toBe(false);
  });

  it('expires a session: a call then fails with ExpiredToken; Re-assume gives fresh credentials', () => {
    const { sim, s } = setup();
    s().assume(ALICE, DEVELOPER, withMfa);
    const first = finish(sim).newSession!;
    s().scrubTo(s().startMs + 3600_000);
    s().call(first, 'sts:GetCallerIdentity', '*');
    expect(finish(sim).steps.map((x) => x.label)).toContain('ExpiredToken');
    expect(s().events[s().events.length - 1]).toMatchObject({ errorCode: 'ExpiredToken' });
    s().reassume(first);
    const second = finish(sim).newSession!;
    expect(second).not.toBe(first);
    expect(s().hidden).toEqual([first]);
    expect(s().sessions.find((x) => x.accessKeyId === second)?.expiration).toBe(
      s().startMs + 2 * 3600_000,
    );
  });

  it('a chained session asking for two hours is refused at the duration check', () => {
    const { sim, s } = setup();
    s().assume(ALICE, DEVELOPER, withMfa);
    const dev = finish(sim).newSession!;
    s().assume({ kind: 'session', accessKeyId: dev }, DEPLOY, {
      ...EMPTY_ASSUME_FORM,
      sessionName: 'deploy',
      externalId: 'rolecraft-deploy',
      duration: '7200',
    });
    const run = finish(sim);
    expect(run.callerEntityId).toBe('role-developer');
    expect(run.steps[run.steps.length - 1]).toMatchObject({
      label: 'ValidationError',
      reason: expect.stringContaining('role chaining'),
    });
  });

  it('follows design changes: a removed trust principal refuses the next assume', () => {
    const { design, sim, s } = setup();
    design.getState().apply(removeTrustPrincipal, 'role-developer', {
      type: 'AWS',
      value: 'arn:aws:iam::111111111111:user/alice',
    });
    s().assume(ALICE, DEVELOPER, withMfa);
    const run = finish(sim);
    expect(run.steps.find((x) => x.id === 'check:trust-principal')?.tone).toBe('fail');
  });

  it('starts afresh when another design is opened', () => {
    const { design, sim, s } = setup();
    s().assume(ALICE, DEVELOPER, withMfa);
    finish(sim);
    design.getState().loadDesign({ ...sampleDesign(), id: 'design-other' });
    expect(s()).toMatchObject({ sessions: [], events: [], animation: null });
  });

  it('resets time, sessions and the log', () => {
    const { sim, s } = setup();
    s().assume(ALICE, DEVELOPER, withMfa);
    finish(sim);
    s().step();
    s().reset();
    expect(s()).toMatchObject({
      nowMs: s().startMs,
      sessions: [],
      events: [],
      animation: null,
      playing: false,
    });
  });

  it('with reduced motion shows the whole run at once: no step waits', () => {
    const { s } = setup();
    s().setReducedMotion(true);
    s().setAnimationSpeed('0.5x');
    s().assume(ALICE, DEVELOPER, withMfa);
    const run = s().animation!;
    expect(run.durations.every((d) => d === 0)).toBe(true);
    expect(run).toMatchObject({ done: true, index: run.steps.length - 1 });
    expect(s().runs.assume).toBe(run);
  });

  it('runs at the animation speed picked; Instant shows the run whole, a refusal with its statement', () => {
    const { s } = setup();
    s().assume(ALICE, DEVELOPER, withMfa);
    const normal = s().animation!.durations;
    s().setAnimationSpeed('2x');
    s().assume(ALICE, DEVELOPER, withMfa);
    expect(s().animation!.durations).toEqual(normal.map((d) => Math.round(d / 2)));
    s().setAnimationSpeed('instant');
    s().assume(ALICE, DEPLOY, { ...EMPTY_ASSUME_FORM, sessionName: 'alice' });
    expect(s().animation!.done).toBe(true);
    expect(s().focus).toMatchObject({ entityId: 'role-deploy' });
  });

  it('a repeated assume replaces the card of the same role session, not stacks another', () => {
    const { sim, s } = setup();
    s().assume(ALICE, DEVELOPER, withMfa);
    const first = finish(sim).newSession!;
    s().assume(ALICE, DEVELOPER, withMfa);
    const second = finish(sim).newSession!;
    expect(second).not.toBe(first);
    expect(s().hidden).toEqual([first]);
    // Another session name is another session: both cards show.
    s().assume(ALICE, DEVELOPER, { ...withMfa, sessionName: 'alice-2' });
    finish(sim);
    expect(s().hidden).toEqual([first]);
  });

  it('marks runs stale when the design changes, not when a node moves', () => {
    const { design, sim, s } = setup();
    s().assume(ALICE, DEVELOPER, withMfa);
    finish(sim);
    design.getState().apply(setPositions, { positions: { 'role-developer': { x: 5, y: 5 } } });
    expect(s().runs.assume?.stale).toBeUndefined();
    design.getState().apply(removeTrustPrincipal, 'role-developer', {
      type: 'AWS',
      value: 'arn:aws:iam::111111111111:user/alice',
    });
    expect(s().runs.assume?.stale).toBe(true);
    expect(s().animation?.stale).toBe(true);
    // A run still animating when the design changes stops, stale.
    s().assume(ALICE, DEVELOPER, withMfa);
    expect(s().animation).toMatchObject({ done: false });
    expect(s().animation?.stale).toBeUndefined();
    design.getState().apply(removeTrustPrincipal, 'role-deploy', {
      type: 'AWS',
      value: 'arn:aws:iam::111111111111:role/Developer',
    });
    expect(s().animation).toMatchObject({ done: true, stale: true });
  });
});

describe('remembered animation speed', () => {
  const memory = (initial: Record<string, string> = {}) => {
    const items = new Map(Object.entries(initial));
    return {
      items,
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
    };
  };

  it('starts at the speed this browser kept, and keeps every change', () => {
    const { sim, s } = setup();
    const storage = memory({ 'rolecraft.animationSpeed': 'instant' });
    rememberAnimationSpeed(sim, storage);
    expect(s().animationSpeed).toBe('instant');
    s().setAnimationSpeed('0.5x');
    expect(storage.items.get('rolecraft.animationSpeed')).toBe('0.5x');
  });

  it('ignores what it does not know, and storage that refuses', () => {
    const { sim, s } = setup();
    rememberAnimationSpeed(sim, memory({ 'rolecraft.animationSpeed': 'ludicrous' }));
    expect(s().animationSpeed).toBe('1x');
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    rememberAnimationSpeed(sim, refusing);
    expect(() => s().setAnimationSpeed('2x')).not.toThrow();
    expect(s().animationSpeed).toBe('2x');
  });
});

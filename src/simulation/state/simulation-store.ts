// The simulation's own state, apart from the undoable design: the STS simulator with its
// clock, sessions and event log, the play state of the clock, and the animation showing now.
// The design feeds the simulator's world; nothing here ever changes the design.

import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  DEFAULT_START,
  SimulatedClock,
  StsSimulator,
  type AssumeInput,
  type CloudTrailEvent,
  type SessionRecord,
  type SimulatedAssume,
} from '../../sts/index.ts';
import { actionService, arnAccount } from '../../engine';
import { findEntity, sameAccessInputs, type Design, type EntityId } from '../../model';
import type { RolecraftStore } from '../../store';
import { callSteps } from '../animation/call-steps';
import { assumeSteps, decidingStep, type AnimationStep } from '../animation/steps';
import {
  DEFAULT_ANIMATION_SPEED,
  stepDurations,
  totalDuration,
  type AnimationSpeed,
} from '../animation/timeline';
import { stepSeconds, type Speed } from '../format';
import { designToWorld, type DesignWorld } from '../world/design-world';
import {
  locateCheck,
  locateStatement,
  type FocusSubject,
  type StatementFocus,
} from '../world/locate';
import type { ClaimRow } from '../world/claims';
import type { ServiceContext } from './caller-options';
import { assumeInput, type AssumeFormValues, type CallerChoice } from './requests';
import { sessionLabel, subjectOfAssume, subjectOfCall, worldForCall } from './subjects';

interface AssumeOrigin {
  callerName: string;
  callerEntityId: EntityId | undefined;
  roleEntityId: EntityId | undefined;
  roleName: string;
  subject: FocusSubject;
}

export type SimulationTab = 'assume' | 'call' | 'log';

/** Who makes an API call: a live session, or a design user signing with its long-term keys. */
type CallCaller =
  { kind: 'session'; accessKeyId: string } | { kind: 'user'; entityId: EntityId; arn: string };

/**
 * What a form should show, set from outside it (a lesson's "Do it for me" fills the form it
 * then submits): the form applies it when it is for the design it shows.
 */
type FormFill =
  | {
      tab: 'assume';
      designId: string;
      nonce: number;
      /** A caller option's key (`user:ID`, `service:ID`, `federated:ID`, `session:KEY`). */
      callerKey: string;
      roleId: EntityId;
      form: AssumeFormValues;
      claims: ClaimRow[];
      service: ServiceContext;
    }
  | {
      tab: 'call';
      designId: string;
      nonce: number;
      /** An access key id, or `user:ID`. */
      callerKey: string;
      action: string;
      resource: string;
    };

/** A fill as asked for; the store numbers it. */
type WithoutNonce<T> = T extends unknown ? Omit<T, 'nonce'> : never;
type FormFillRequest = WithoutNonce<FormFill>;

export interface AnimationRun {
  id: number;
  kind: 'assume' | 'call';
  title: string;
  steps: AnimationStep[];
  durations: number[];
  /** The step showing now. */
  index: number;
  done: boolean;
  /** Canvas endpoints of the travelling token (absent when not drawn on the canvas). */
  callerEntityId?: EntityId;
  roleEntityId?: EntityId;
  targetEntityId?: EntityId;
  /** What the endpoint badge reads: `STS`, or the service a call goes to. */
  endpointLabel: string;
  subject: FocusSubject;
  /** The policy statement behind each step (by index), located when the run started. */
  focuses: (StatementFocus | null)[];
  /** The session this run created, whose card appears once the token arrives. */
  newSession?: string;
  /** The design changed (beyond its layout) since this run: its answer may no longer hold. */
  stale?: boolean;
}

export interface SimulationState {
  startMs: number;
  nowMs: number;
  playing: boolean;
  speed: Speed;
  reducedMotion: boolean;
  /** How fast runs animate (the person's choice; reduced motion shows every step at once). */
  animationSpeed: AnimationSpeed;
  sessions: SessionRecord[];
  /** Sessions whose card the person closed or replaced (by access key id). */
  hidden: string[];
  events: CloudTrailEvent[];
  animation: AnimationRun | null;
  /** The latest run of each kind, for the tab that shows it (the animation is one of them). */
  runs: Partial<Record<AnimationRun['kind'], AnimationRun>>;
  /** The policy statement shown for the step a person picked or a failure decided. */
  focus: StatementFocus | null;
  tab: SimulationTab;
  /** The caller picked for the next call: a session's access key id, or `user:ID`. */
  callSession: string | null;
  /** The latest request to fill a form from outside it. */
  formFill: FormFill | null;
  /** Policies of the design the simulation could not read (invalid JSON), by name. */
  skipped: string[];
}

export interface SimulationActions {
  play: () => void;
  pause: () => void;
  setSpeed: (speed: Speed) => void;
  step: () => void;
  /** Moves the clock forward by wall-clock seconds of play at the current speed. */
  tick: (wallSeconds: number) => void;
  scrubTo: (ms: number) => void;
  reset: () => void;
  setReducedMotion: (reduce: boolean) => void;
  setAnimationSpeed: (speed: AnimationSpeed) => void;
  setTab: (tab: SimulationTab) => void;
  setCallSession: (accessKeyId: string | null) => void;
  assume: (caller: CallerChoice, roleArn: string, form: AssumeFormValues) => void;
  reassume: (accessKeyId: string) => void;
  call: (accessKeyId: string, action: string, resource: string) => void;
  /** A call by a session or by a user with long-term keys. */
  callAs: (caller: CallCaller, action: string, resource: string) => void;
  /** Asks a form to show these values (and switches to its tab). */
  fillForm: (fill: FormFillRequest) => void;
  hideSession: (accessKeyId: string) => void;
  /** Moves the running animation to a step (the driver calls it as time passes). */
  showStep: (index: number, done: boolean) => void;
  skipAnimation: () => void;
  /** Shows the statement behind a step of a run in the panel and selects its entity. */
  focusStep: (run: AnimationRun, index: number) => void;
  /** Shows it in the panel and opens it in the inspector's policy editor, selected and highlighted. */
  revealStep: (run: AnimationRun, index: number) => void;
  clearFocus: () => void;
}

export type SimulationStore = StoreApi<SimulationState & SimulationActions>;

const SIMULATION_SEED = 'rolecraft';

/** A run as it shows once the design it answered for has changed. */
const staled = (run: AnimationRun): AnimationRun =>
  run.stale ? run : { ...run, stale: true, index: run.steps.length - 1, done: true };

export function createSimulationStore(
  designStore: RolecraftStore,
  start: string = DEFAULT_START,
): SimulationStore {
  const startMs = new SimulatedClock(start).now();
  let design: Design = designStore.getState().design;
  let world: DesignWorld = designToWorld(design);
  let clock = new SimulatedClock(startMs);
  let simulator = new StsSimulator({ world: world.world, clock, seed: SIMULATION_SEED });
  let runs = 0;

  const store = createStore<SimulationState & SimulationActions>()((set, get) => {
    const snapshot = () => ({
      sessions: simulator.sessions.all(),
      events: [...simulator.log.events()],
    });

    const listenClock = () => clock.subscribe((nowMs) => set({ nowMs }));
    let unlistenClock = listenClock();

    const entityOfArn = (arn: string | undefined) =>
      arn ? world.sources.entityByArn.get(arn) : undefined;

    const startRun = (
      run: Omit<AnimationRun, 'id' | 'durations' | 'index' | 'done' | 'focuses'>,
    ) => {
      const { reducedMotion, animationSpeed } = get();
      const durations = stepDurations(run.steps, { reducedMotion, speed: animationSpeed });
      const focuses = run.steps.map((step) => focusOf(step, run.subject));
      // Nothing to wait for (reduced motion, Instant): the run shows whole at once.
      const instant = totalDuration(durations) === 0;
      const next: AnimationRun = {
        ...run,
        id: ++runs,
        durations,
        focuses,
        index: instant ? run.steps.length - 1 : 0,
        done: instant,
      };
      const previous = get().animation;
      const settled =
        previous && !previous.done
          ? { ...previous, index: previous.steps.length - 1, done: true }
          : previous;
      const byKind = { ...get().runs };
      if (settled) byKind[settled.kind] = settled;
      byKind[next.kind] = next;
      set({ animation: next, runs: byKind, focus: null, ...snapshot() });
      if (instant && next.steps[next.steps.length - 1]?.tone === 'fail') focusFailure(next);
    };

    const focusOf = (step: AnimationStep, subject: FocusSubject): StatementFocus | null => {
      const ref = step.reference;
      if (!ref) return null;
      const focus =
        'assume' in ref
          ? locateCheck(ref.assume, subject, world.sources)
          : locateStatement(ref.call, subject, world.sources);
      return focus ?? null;
    };

    /**
     * Selects the entity holding a statement (so the inspector shows it) and asks its policy
     * editor to pick the statement out. Session policies are no entity's: the panel shows those.
     */
    const openInEditor = (focus: StatementFocus, moveFocus: boolean) => {
      const { entityId, slot, range, text } = focus;
      if (!entityId) return;
      const app = designStore.getState();
      app.select([entityId]);
      if (!slot) return;
      app.revealPolicy({
        entityId,
        slot,
        text,
        focus: moveFocus,
        ...(range ? { range: { start: range.start, end: range.end } } : {}),
      });
    };

    /** Shows the statement that decided a failure in the panel and opens it in the editor. */
    const focusFailure = (run: AnimationRun) => {
      const deciding = decidingStep(run.steps);
      const at = (step: AnimationStep | undefined) =>
        step ? (run.focuses[run.steps.indexOf(step)] ?? null) : null;
      const focus = at(deciding) ?? at(run.steps[run.steps.length - 1]);
      set({ focus });
      if (focus) openInEditor(focus, false);
    };

    /** How each session was obtained, so Re-assume can show the same caller and policies. */
    const issued = new Map<string, AssumeOrigin>();

    const showAssume = (result: SimulatedAssume, origin: AssumeOrigin, title: string) => {
      if (result.ok) {
        issued.set(result.session.accessKeyId, origin);
        // Assuming the same role session again replaces its card rather than stacking another.
        const { assumedRoleArn, accessKeyId } = result.session;
        const replaced = get()
          .sessions.filter(
            (s) => s.assumedRoleArn === assumedRoleArn && s.accessKeyId !== accessKeyId,
          )
          .map((s) => s.accessKeyId)
          .filter((key) => !get().hidden.includes(key));
        if (replaced.length > 0) set({ hidden: [...get().hidden, ...replaced] });
      }
      startRun({
        kind: 'assume',
        title,
        steps: assumeSteps(result, { caller: origin.callerName, role: origin.roleName }),
        endpointLabel: 'STS',
        subject: origin.subject,
        ...(origin.callerEntityId ? { callerEntityId: origin.callerEntityId } : {}),
        ...(origin.roleEntityId ? { roleEntityId: origin.roleEntityId } : {}),
        ...(result.ok ? { newSession: result.session.accessKeyId } : {}),
      });
    };

    const runAssume = (
      input: AssumeInput,
      callerName: string,
      callerEntityId: EntityId | undefined,
    ) => {
      const roleEntityId = entityOfArn(input.roleArn);
      const role = roleEntityId ? findEntity(design, roleEntityId) : undefined;
      const roleName = role?.name ?? input.roleArn;
      const origin: AssumeOrigin = {
        callerName,
        callerEntityId,
        roleEntityId,
        roleName,
        subject: subjectOfAssume(input.by, input.roleArn, simulator),
      };
      showAssume(simulator.assume(input), origin, `${callerName} → ${roleName}`);
    };

    const callerNameOf = (choice: CallerChoice): { name: string; entityId?: EntityId } => {
      if (choice.kind === 'session') {
        const session = simulator.sessions.get(choice.accessKeyId);
        return {
          name: session ? sessionLabel(session) : choice.accessKeyId,
          entityId: entityOfArn(session?.roleArn),
        };
      }
      const entity = findEntity(design, choice.entityId);
      return { name: entity?.name ?? choice.entityId, entityId: entity?.id };
    };

    return {
      startMs,
      nowMs: startMs,
      playing: false,
      speed: 60,
      reducedMotion: false,
      animationSpeed: DEFAULT_ANIMATION_SPEED,
      sessions: [],
      hidden: [],
      events: [],
      animation: null,
      runs: {},
      focus: null,
      tab: 'assume',
      callSession: null,
      formFill: null,
      skipped: world.skipped.map((s) => s.source.name),

      play: () => set({ playing: true }),
      pause: () => set({ playing: false }),
      setSpeed: (speed) => set({ speed }),
      step: () => clock.advance(stepSeconds(get().speed)),
      tick: (wallSeconds) => {
        if (wallSeconds > 0) clock.advance(wallSeconds * get().speed);
      },
      scrubTo: (ms) => clock.set(Math.max(startMs, ms)),
      reset: () => {
        unlistenClock();
        clock = new SimulatedClock(startMs);
        simulator = new StsSimulator({ world: world.world, clock, seed: SIMULATION_SEED });
        unlistenClock = listenClock();
        issued.clear();
        set({
          nowMs: startMs,
          playing: false,
          hidden: [],
          animation: null,
          runs: {},
          focus: null,
          callSession: null,
          formFill: null,
          ...snapshot(),
        });
      },
      setReducedMotion: (reducedMotion) => set({ reducedMotion }),
      setAnimationSpeed: (animationSpeed) => set({ animationSpeed }),
      setTab: (tab) => set({ tab }),
      setCallSession: (callSession) => set({ callSession }),

      assume: (caller, roleArn, form) => {
        const { name, entityId } = callerNameOf(caller);
        runAssume(assumeInput(caller, roleArn, form), name, entityId);
      },

      reassume: (accessKeyId) => {
        const old = simulator.sessions.get(accessKeyId);
        const origin = issued.get(accessKeyId);
        const result = simulator.reassume(accessKeyId);
        if (!old || !origin || !result) return;
        set({ hidden: result.ok ? [...get().hidden, accessKeyId] : get().hidden });
        showAssume(result, origin, `Re-assume ${sessionLabel(old)}`);
      },

      call: (accessKeyId, action, resource) =>
        get().callAs({ kind: 'session', accessKeyId }, action, resource),

      callAs: (caller, action, resource) => {
        const session =
          caller.kind === 'session' ? simulator.sessions.get(caller.accessKeyId) : undefined;
        const user = caller.kind === 'user' ? findEntity(design, caller.entityId) : undefined;
        const who =
          caller.kind === 'user'
            ? (user?.name ?? caller.arn)
            : session
              ? sessionLabel(session)
              : caller.accessKeyId;
        const callWorld = worldForCall(world, resource);
        if (callWorld !== world) simulator.setWorld(callWorld.world);
        const result = simulator.call(
          caller.kind === 'user' ? { principal: caller.arn } : { accessKeyId: caller.accessKeyId },
          { action, resource },
        );
        if (callWorld !== world) simulator.setWorld(world.world);
        const targetEntityId = callWorld.sources.entityByArn.get(resource);
        const from = caller.kind === 'user' ? user?.id : entityOfArn(session?.roleArn);
        const subject = subjectOfCall(session, resource, callWorld);
        if (caller.kind === 'user') {
          subject.identityArn = caller.arn;
          const account = arnAccount(caller.arn);
          if (account) subject.scpAccount = account;
        }
        startRun({
          kind: 'call',
          title: `${who}: ${action}`,
          steps: callSteps(result, { session: who, action, resource }),
          callerEntityId: from,
          roleEntityId: from,
          targetEntityId,
          endpointLabel: actionService(action) || 'API',
          subject,
        });
      },

      fillForm: (fill) =>
        set({ formFill: { ...fill, nonce: (get().formFill?.nonce ?? 0) + 1 }, tab: fill.tab }),

      hideSession: (accessKeyId) => set({ hidden: [...get().hidden, accessKeyId] }),

      showStep: (index, done) => {
        const run = get().animation;
        if (!run || run.done) return;
        const next = { ...run, index: Math.min(index, run.steps.length - 1), done };
        set({ animation: next, runs: { ...get().runs, [next.kind]: next } });
        if (done && next.steps[next.steps.length - 1]?.tone === 'fail') focusFailure(next);
      },
      skipAnimation: () => {
        const run = get().animation;
        if (run && !run.done) get().showStep(run.steps.length - 1, true);
      },
      focusStep: (run, index) => {
        const focus = run.focuses[index] ?? null;
        set({ focus });
        if (focus?.entityId) designStore.getState().select([focus.entityId]);
      },
      revealStep: (run, index) => {
        const focus = run.focuses[index] ?? null;
        set({ focus });
        if (focus) openInEditor(focus, true);
      },
      clearFocus: () => set({ focus: null }),
    };
  });

  designStore.subscribe((state) => {
    if (state.design === design) return;
    const other = state.design.id !== design.id;
    const edited = !sameAccessInputs(state.design, design);
    design = state.design;
    const next = designToWorld(design);
    // A change the world does not depend on (a drop, a rename of the design) keeps it.
    if (next !== world) {
      world = next;
      simulator.setWorld(world.world);
      store.setState({ skipped: world.skipped.map((s) => s.source.name) });
    }
    // Another design (opened, imported, new) starts a simulation of its own.
    if (other) store.getState().reset();
    else if (edited) {
      // Runs answered for the design as it was: say so rather than show them as current.
      const { animation, runs: byKind } = store.getState();
      const stale: SimulationState['runs'] = {};
      for (const [kind, run] of Object.entries(byKind) as [AnimationRun['kind'], AnimationRun][])
        stale[kind] = staled(run);
      store.setState({
        animation: animation ? (stale[animation.kind] ?? staled(animation)) : null,
        runs: stale,
      });
    }
  });

  return store;
}

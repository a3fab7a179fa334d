// What a lesson step does to the app: picks things out on the canvas and in the inspector,
// and performs its actions ("Do it for me") through the paths a person's clicks take: it
// fills the assume or call form and then calls the same simulation action the form's submit
// calls, moves the clock as the scrubber does, and edits policy text with the model's
// `setPolicyText`. Each action's outcome is read from the event it appended to the log.

import { arnAccount } from '../engine';
import {
  arnOf,
  attachedPolicies,
  findEntity,
  policyTextAt,
  setPolicyText,
  type Design,
  type EntityId,
  type PolicySlot,
} from '../model';
import { isExpired, type CloudTrailEvent, type SessionRecord } from '../sts/index.ts';
import type { RolecraftStore } from '../store';
import {
  EMPTY_ASSUME_FORM,
  callerChoice,
  callerDefaults,
  callerOptions,
  designRoles,
  type AssumeFormValues,
  type ClaimRow,
  type ServiceContext,
  type SimulationStore,
} from '../simulation';
import type { LessonAction, LessonHighlight, LessonSlot, LessonStep } from './lesson-types';

export interface LessonContext {
  app: RolecraftStore;
  sim: SimulationStore;
}

/** What one action did, as the lesson panel reports it. */
export interface ActionOutcome {
  /** A line saying what was done and what came back. */
  summary: string;
  /** `OK` or the event's error code; absent for actions that call nothing. */
  outcome?: string;
  expected?: string;
  /** The error message STS or the call returned. */
  detail?: string;
  /** Set when the promised outcome did not happen: the step says so instead of going on. */
  notice?: string;
}

/** The design's policy slot a lesson names (a permission policy by name or id). */
function resolveSlot(design: Design, entityId: EntityId, slot: LessonSlot): PolicySlot | undefined {
  if (typeof slot === 'string') return { kind: slot };
  const entity = findEntity(design, entityId);
  const policies =
    entity?.kind === 'user' || entity?.kind === 'group' || entity?.kind === 'role'
      ? attachedPolicies(design, entity)
      : [];
  const policy = policies.find((p) => p.name === slot.permission || p.id === slot.permission);
  return policy ? { kind: 'permission', policyId: policy.id } : undefined;
}

function nameOf(design: Design, id: EntityId): string {
  return findEntity(design, id)?.name ?? id;
}

/** Selects what a step talks about and opens the policy it names, with its text picked out. */
function showHighlight(ctx: LessonContext, highlight: LessonHighlight | undefined) {
  const app = ctx.app.getState();
  if (!highlight) return;
  const present = highlight.entities.filter((id) => findEntity(app.design, id));
  app.select(present);
  const first = present[0];
  if (!highlight.policy || !first) return;
  const slot = resolveSlot(app.design, first, highlight.policy.slot);
  const text = slot && policyTextAt(app.design, first, slot);
  if (!slot || text === undefined) return;
  const start = highlight.policy.find ? text.indexOf(highlight.policy.find) : -1;
  app.revealPolicy({
    entityId: first,
    slot,
    text,
    ...(start >= 0 && highlight.policy.find
      ? { range: { start, end: start + highlight.policy.find.length } }
      : {}),
  });
}

/** Opens the step: its highlight and the simulation tab it talks about. */
export function enterStep(ctx: LessonContext, step: LessonStep) {
  if (step.show) ctx.sim.getState().setTab(step.show);
  showHighlight(ctx, step.highlight);
}

const outcomeOf = (event: CloudTrailEvent | undefined) =>
  event ? (event.errorCode ?? 'OK') : undefined;

function judged(
  summary: string,
  event: CloudTrailEvent | undefined,
  expect: { outcome: string; notice: string },
): ActionOutcome {
  const outcome = outcomeOf(event);
  const result: ActionOutcome = { summary, expected: expect.outcome };
  if (outcome !== undefined) result.outcome = outcome;
  if (event?.errorMessage) result.detail = event.errorMessage;
  if (outcome !== expect.outcome) result.notice = expect.notice;
  return result;
}

/** The newest session of a role that STS issued in this simulation (expired or not). */
function latestSession(ctx: LessonContext, roleId: EntityId): SessionRecord | undefined {
  const design = ctx.app.getState().design;
  const role = findEntity(design, roleId);
  const arn = role ? arnOf(design, role) : undefined;
  const sessions = ctx.sim.getState().sessions.filter((s) => s.roleArn === arn);
  return sessions[sessions.length - 1];
}

/** Runs `act` and returns the event it appended to the simulation's log. */
function appended(ctx: LessonContext, act: () => void): CloudTrailEvent | undefined {
  const before = ctx.sim.getState().events.length;
  act();
  const events = ctx.sim.getState().events;
  return events.length > before ? events[events.length - 1] : undefined;
}

const callerKindOf = {
  user: 'user',
  service: 'service',
  'identity-provider': 'federated',
} as const;

function assume(ctx: LessonContext, action: Extract<LessonAction, { do: 'assume' }>) {
  const design = ctx.app.getState().design;
  const sim = ctx.sim.getState();
  const entity = findEntity(design, action.caller);
  const kind =
    entity && entity.kind in callerKindOf
      ? callerKindOf[entity.kind as keyof typeof callerKindOf]
      : undefined;
  const expired = new Set(
    sim.sessions.filter((s) => isExpired(s, sim.nowMs)).map((s) => s.accessKeyId),
  );
  const option = callerOptions(design, sim.sessions, expired).find(
    (o) => o.key === `${kind}:${action.caller}`,
  );
  const role = designRoles(design).find((r) => r.entityId === action.role);
  const who = `${nameOf(design, action.caller)} → ${nameOf(design, action.role)}`;
  if (!option || !role) {
    return {
      summary: `AssumeRole ${who}: not possible`,
      notice: `${!option ? nameOf(design, action.caller) : nameOf(design, action.role)} is no longer in the design: Reset lesson brings it back`,
    };
  }
  const defaults = callerDefaults(design, option, role);
  const overrides: Partial<AssumeFormValues> = {};
  const f = action.form ?? {};
  if (f.sessionName !== undefined) overrides.sessionName = f.sessionName;
  if (f.duration !== undefined) overrides.duration = String(f.duration);
  if (f.externalId !== undefined) overrides.externalId = f.externalId;
  if (f.mfa !== undefined) overrides.mfa = f.mfa;
  if (f.sourceIdentity !== undefined) overrides.sourceIdentity = f.sourceIdentity;
  const form: AssumeFormValues = { ...EMPTY_ASSUME_FORM, ...defaults.form, ...overrides };
  const claims: ClaimRow[] = defaults.claims.map((row) => ({ ...row }));
  for (const [key, value] of Object.entries(action.claims ?? {})) {
    const row = claims.find((r) => r.key.toLowerCase() === key.toLowerCase());
    if (row) row.value = value;
    else claims.push({ key, value });
  }
  const service: ServiceContext =
    option.kind === 'service'
      ? {
          sourceAccount: action.service?.sourceAccount ?? arnAccount(role.arn) ?? '',
          sourceArn: action.service?.sourceArn ?? '',
        }
      : { sourceAccount: '', sourceArn: '' };
  sim.fillForm({
    tab: 'assume',
    designId: design.id,
    callerKey: option.key,
    roleId: role.entityId,
    form,
    claims,
    service,
  });
  const event = appended(ctx, () =>
    sim.assume(callerChoice(option, service, claims), role.arn, form),
  );
  return judged(`${event?.eventName ?? 'AssumeRole'} ${who}`, event, action.expect);
}

function call(ctx: LessonContext, action: Extract<LessonAction, { do: 'call' }>): ActionOutcome {
  const design = ctx.app.getState().design;
  const sim = ctx.sim.getState();
  if ('user' in action.caller) {
    const user = findEntity(design, action.caller.user);
    const arn = user ? arnOf(design, user) : undefined;
    if (!user || !arn)
      return {
        summary: `${action.action}: not possible`,
        notice: `${action.caller.user} is no longer in the design: Reset lesson brings it back`,
      };
    sim.fillForm({
      tab: 'call',
      designId: design.id,
      callerKey: `user:${user.id}`,
      action: action.action,
      resource: action.resource,
    });
    const event = appended(ctx, () =>
      sim.callAs({ kind: 'user', entityId: user.id, arn }, action.action, action.resource),
    );
    return judged(`${action.action} by ${user.name} (long-term keys)`, event, action.expect);
  }
  const roleName = nameOf(design, action.caller.session);
  const session = latestSession(ctx, action.caller.session);
  if (!session)
    return {
      summary: `${action.action}: no session`,
      notice: `there is no session of ${roleName} to call with: the assume before this step did not succeed`,
    };
  sim.fillForm({
    tab: 'call',
    designId: design.id,
    callerKey: session.accessKeyId,
    action: action.action,
    resource: action.resource,
  });
  const event = appended(ctx, () =>
    sim.callAs(
      { kind: 'session', accessKeyId: session.accessKeyId },
      action.action,
      action.resource,
    ),
  );
  return judged(`${action.action} with a session of ${roleName}`, event, action.expect);
}

function reassume(ctx: LessonContext, action: Extract<LessonAction, { do: 'reassume' }>) {
  const design = ctx.app.getState().design;
  const roleName = nameOf(design, action.role);
  const session = latestSession(ctx, action.role);
  if (!session)
    return {
      summary: `Re-assume ${roleName}: no session`,
      notice: `there is no session of ${roleName} to renew: the assume before this step did not succeed`,
    };
  ctx.sim.getState().setTab('assume');
  const event = appended(ctx, () => ctx.sim.getState().reassume(session.accessKeyId));
  return judged(`Re-assume ${roleName}`, event, action.expect);
}

function advance(ctx: LessonContext, seconds: number): ActionOutcome {
  const sim = ctx.sim.getState();
  sim.pause();
  sim.scrubTo(sim.nowMs + seconds * 1000);
  const minutes = seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
  return { summary: `Clock moved forward ${minutes}` };
}

function editPolicy(ctx: LessonContext, action: Extract<LessonAction, { do: 'edit-policy' }>) {
  const app = ctx.app.getState();
  const name = nameOf(app.design, action.entity);
  const slot = resolveSlot(app.design, action.entity, action.slot);
  const text = slot && policyTextAt(app.design, action.entity, slot);
  const at = text?.indexOf(action.find) ?? -1;
  if (!slot || text === undefined || at < 0)
    return {
      summary: `Edit the policy of ${name}: not done`,
      notice: `the policy of ${name} no longer contains \`${action.find}\`: it was changed; Reset lesson restores it`,
    };
  const next = text.slice(0, at) + action.replace + text.slice(at + action.find.length);
  app.apply(setPolicyText, { entityId: action.entity, slot, text: next });
  app.select([action.entity]);
  app.revealPolicy({
    entityId: action.entity,
    slot,
    text: next,
    range: { start: at, end: at + action.replace.length },
  });
  return { summary: `Edited the policy of ${name}: \`${action.find}\` → \`${action.replace}\`` };
}

function performAction(ctx: LessonContext, action: LessonAction): ActionOutcome {
  switch (action.do) {
    case 'assume':
      return assume(ctx, action);
    case 'call':
      return call(ctx, action);
    case 'reassume':
      return reassume(ctx, action);
    case 'advance':
      return advance(ctx, action.seconds);
    case 'edit-policy':
      return editPolicy(ctx, action);
  }
}

/** "Do it for me": the step's actions in order, stopping at the first that breaks its promise. */
export function performStep(ctx: LessonContext, step: LessonStep): ActionOutcome[] {
  const outcomes: ActionOutcome[] = [];
  for (const action of step.actions) {
    const outcome = performAction(ctx, action);
    outcomes.push(outcome);
    if (outcome.notice) break;
  }
  if (step.show) ctx.sim.getState().setTab(step.show);
  return outcomes;
}

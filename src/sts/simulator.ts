// The simulation the UI drives: a clock, a world of principals and roles, the sessions
// STS has handed out, and the event log. Every STS call and every API call is recorded.

import { describePrincipal } from './arn.ts';
import { assumeRole } from './assume.ts';
import { principalCaller, sessionCaller } from './callers.ts';
import { callWithPrincipal, callWithSession, type CallRequest, type CallResult } from './call.ts';
import { SimulatedClock, type Clock } from './clock.ts';
import { mergeContext } from './context.ts';
import { EventLog, type CloudTrailEvent, type UserIdentity } from './events.ts';
import { IdGenerator } from './random.ts';
import { SessionStore } from './session-store.ts';
import { assumeEvent, callEvent, principalIdentity, sessionIdentity } from './trail.ts';
import type { AssumeRoleParams, AssumeRoleResult, Caller, ContextMap, StsApi } from './types.ts';
import { WorldIndex, type StsWorld } from './world.ts';

/** Who makes a call: a principal of the world, a session by its access key, or an identity provider's user. */
export type CallerRef =
  | { principal: string; context?: ContextMap }
  | { accessKeyId: string; context?: ContextMap }
  | { federated: string; context?: ContextMap };

export interface AssumeInput {
  by: CallerRef;
  roleArn: string;
  params: AssumeRoleParams;
  /** Defaults to AssumeRole, or to the federated call that fits the provider. */
  api?: StsApi;
}

export interface SimulatorOptions {
  world?: StsWorld;
  clock?: Clock;
  /** Seed of every generated identifier; the same seed and calls give the same credentials. */
  seed?: string | number;
}

export type SimulatedCall = CallResult & { event: CloudTrailEvent };
export type SimulatedAssume = AssumeRoleResult & { event: CloudTrailEvent };

function defaultApi(by: CallerRef): StsApi {
  if (!('federated' in by)) return 'AssumeRole';
  return describePrincipal(by.federated, true)?.kind === 'saml-provider'
    ? 'AssumeRoleWithSAML'
    : 'AssumeRoleWithWebIdentity';
}

export class StsSimulator {
  readonly clock: Clock;
  readonly sessions = new SessionStore();
  readonly log = new EventLog();
  private world: WorldIndex;
  private readonly seed: string | number;
  private ids: IdGenerator;
  private eventIds: IdGenerator;
  private readonly issuedBy = new Map<string, AssumeInput>();

  constructor(options: SimulatorOptions = {}) {
    this.clock = options.clock ?? new SimulatedClock();
    this.world = new WorldIndex(options.world ?? {});
    this.seed = options.seed ?? 'rolecraft';
    this.ids = new IdGenerator(this.seed);
    // A separate stream, so logging more or fewer calls never changes the credentials.
    this.eventIds = new IdGenerator(`${String(this.seed)}\u0000events`);
  }

  /** Forgets every session and event and restarts the identifiers, so a replay gives the same credentials. */
  reset(start?: string | number): void {
    this.sessions.clear();
    this.log.clear();
    this.issuedBy.clear();
    this.ids = new IdGenerator(this.seed);
    this.eventIds = new IdGenerator(`${String(this.seed)}\u0000events`);
    if (start !== undefined) this.clock.set(start);
  }

  /** Replaces the world (after the design changed); sessions keep running against it. */
  setWorld(world: StsWorld): void {
    this.world = new WorldIndex(world);
  }

  assume(input: AssumeInput): SimulatedAssume {
    const api = input.api ?? defaultApi(input.by);
    const nowMs = this.clock.now();
    const caller = this.callerOf(input.by);
    const role = this.world.role(input.roleArn);
    let result: AssumeRoleResult;
    if (typeof caller === 'string') {
      result = {
        ok: false,
        api,
        evaluations: [],
        error: { code: 'InvalidClientTokenId', message: caller, checkId: 'credentials' },
        checks: [
          {
            id: 'credentials',
            kind: 'credentials',
            label: 'Caller credentials',
            status: 'fail',
            passed: false,
            reason: caller,
          },
        ],
      };
    } else if (!role) {
      const message = `role \`${input.roleArn}\` does not exist, so no principal is authorized to assume it`;
      result = {
        ok: false,
        api,
        evaluations: [],
        error: { code: 'AccessDenied', message, checkId: 'trust-principal' },
        checks: [
          {
            id: 'trust-principal',
            kind: 'trust-principal',
            label: 'Trust policy principal',
            status: 'fail',
            passed: false,
            reason: message,
          },
        ],
      };
    } else {
      result = assumeRole({ api, caller, role, params: input.params }, { nowMs, ids: this.ids });
    }
    if (result.ok) {
      this.sessions.add(result.session);
      this.issuedBy.set(result.session.accessKeyId, input);
    }
    const principal =
      'accessKeyId' in input.by
        ? (this.sessions.get(input.by.accessKeyId)?.assumedRoleArn ?? '')
        : 'principal' in input.by
          ? input.by.principal
          : input.by.federated;
    const event = assumeEvent({
      nowMs,
      ids: this.eventIds,
      identity: this.identityOf(input.by),
      context: input.by.context,
      api,
      roleArn: input.roleArn,
      params: input.params,
      principal,
      result,
    });
    this.log.append(event);
    return { ...result, event };
  }

  /** Assumes the role again exactly as the session was obtained, for fresh credentials. */
  reassume(accessKeyId: string): SimulatedAssume | undefined {
    const input = this.issuedBy.get(accessKeyId);
    return input && this.assume(input);
  }

  call(by: CallerRef, call: CallRequest): SimulatedCall {
    const nowMs = this.clock.now();
    const result = this.evaluateCall(by, call, nowMs);
    const denied = result.outcome === 'ExplicitDeny' || result.outcome === 'ImplicitDeny';
    const errorCode = denied
      ? 'AccessDenied'
      : result.outcome === 'Allow'
        ? undefined
        : result.outcome;
    const event = callEvent({
      nowMs,
      ids: this.eventIds,
      identity: this.identityOf(by),
      context: mergeContext(by.context ?? {}, call.context ?? {}),
      action: call.action,
      resource: call.resource,
      outcome: result.outcome,
      errorCode,
      errorMessage: errorCode ? result.message : undefined,
      recipientAccountId: call.resourceAccount ?? this.world.resourceAccount(call.resource),
    });
    this.log.append(event);
    return { ...result, event };
  }

  private evaluateCall(by: CallerRef, call: CallRequest, nowMs: number): CallResult {
    const withContext = { ...call, context: mergeContext(by.context ?? {}, call.context ?? {}) };
    if ('accessKeyId' in by) {
      const session = this.sessions.get(by.accessKeyId);
      if (!session)
        return {
          outcome: 'InvalidClientTokenId',
          message: `the security token \`${by.accessKeyId}\` is not valid`,
        };
      return callWithSession(session, this.world, withContext, nowMs);
    }
    if ('federated' in by) {
      return {
        outcome: 'InvalidClientTokenId',
        message: `an identity from \`${by.federated}\` signs no AWS requests until it assumes a role`,
      };
    }
    const principal = this.world.principal(by.principal) ?? { arn: by.principal };
    return callWithPrincipal(principal, this.world, withContext, nowMs);
  }

  private callerOf(by: CallerRef): Caller | string {
    if ('federated' in by) return { federated: by.federated, context: by.context };
    if ('principal' in by) return principalCaller(this.world, by.principal, by.context);
    const session = this.sessions.get(by.accessKeyId);
    if (!session) return `the security token \`${by.accessKeyId}\` is not valid`;
    return sessionCaller(this.world, session, by.context);
  }

  private identityOf(by: CallerRef): UserIdentity {
    if ('accessKeyId' in by) {
      const session = this.sessions.get(by.accessKeyId);
      return session ? sessionIdentity(session) : { type: 'Unknown', accessKeyId: by.accessKeyId };
    }
    if ('federated' in by) return principalIdentity(by.federated, this.ids, by.context ?? {});
    return principalIdentity(by.principal, this.ids);
  }
}

/**
 * STS on a simulated clock: AssumeRole, AssumeRoleWithSAML and AssumeRoleWithWebIdentity
 * evaluated by the policy engine, sessions that expire, calls made with session credentials,
 * and a CloudTrail-shaped event log. Pure and deterministic: time comes from a Clock and
 * every identifier from a seeded generator.
 */
export type {
  AssumeRoleParams,
  AssumeRoleRequest,
  AssumeRoleResult,
  Caller,
  Check,
  ContextMap,
  PolicyLevels,
  PolicyReference,
  RoleDefinition,
  SessionRecord,
  StsApi,
} from './types.ts';
export { SimulatedClock, parseInstant, DEFAULT_START } from './clock.ts';
export { IdGenerator } from './random.ts';
export { CHAINED_MAX_DURATION_SECONDS } from './params.ts';
export { assumeRole, prepareAssume, trustRequest } from './assume.ts';
export { callerPolicyInputs, rolePolicyInputs } from './authorize.ts';
export type { PreparedAssume } from './assume.ts';
export { isExpired, secondsRemaining } from './session-store.ts';
export { toJsonLines } from './events.ts';
export type { CloudTrailEvent } from './events.ts';
export { describeRole, assumedRoleArn } from './arn.ts';
export { StsSimulator } from './simulator.ts';
export type { CallerRef, AssumeInput, SimulatedAssume } from './simulator.ts';
export { sessionCalls, principalCalls } from './call.ts';
export type { CallsOf } from './call.ts';
export type { CallResult, CallInputs } from './call.ts';
export { principalCaller, sessionCaller } from './callers.ts';
export { WorldIndex } from './world.ts';
export type { StsWorld, PrincipalDefinition, ResourceDefinition } from './world.ts';

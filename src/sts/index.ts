/**
 * STS on a simulated clock: AssumeRole, AssumeRoleWithSAML and AssumeRoleWithWebIdentity
 * evaluated by the policy engine, sessions that expire, calls made with session credentials,
 * and a CloudTrail-shaped event log. Pure and deterministic: time comes from a Clock and
 * every identifier from a seeded generator.
 */
export type {
  AssumeRoleParams,
  AssumeRoleRequest,
  AssumeRoleResponse,
  AssumeRoleResult,
  AssumedRoleUser,
  Caller,
  CallerSessionState,
  Check,
  CheckKind,
  CheckStatus,
  ContextMap,
  ContextValue,
  Credentials,
  FederatedCaller,
  PolicyDocument,
  PolicyLevels,
  PolicyReference,
  PrincipalCaller,
  RoleDefinition,
  RoleEvaluation,
  SessionRecord,
  SessionTag,
  StsApi,
  StsError,
  StsErrorCode,
} from './types.ts';
export { SimulatedClock, parseInstant, formatInstant, DEFAULT_START } from './clock.ts';
export type { Clock, ClockListener } from './clock.ts';
export { IdGenerator, SeededRandom, ACCESS_KEY_ID, SECRET_ACCESS_KEY } from './random.ts';
export {
  validateParameters,
  checkDuration,
  MAX_SESSION_TAGS,
  MIN_DURATION_SECONDS,
  DEFAULT_DURATION_SECONDS,
  CHAINED_MAX_DURATION_SECONDS,
} from './params.ts';
export type { ParameterIssue, DurationLimits, DurationVerdict } from './params.ts';
export { assumeRole, prepareAssume, trustRequest } from './assume.ts';
export { callerPolicyInputs, rolePolicyInputs } from './authorize.ts';
export type { AssumeEnvironment, PreparedAssume } from './assume.ts';
export { SessionStore, isExpired, secondsRemaining } from './session-store.ts';
export type { SessionStatus } from './session-store.ts';
export { EventLog, toJsonLines } from './events.ts';
export type {
  CloudTrailEvent,
  UserIdentity,
  UserIdentityType,
  SessionContext,
  EventListener,
} from './events.ts';
export { describePrincipal, describeRole, assumedRoleArn } from './arn.ts';
export type { PrincipalInfo, RoleInfo } from './arn.ts';
export { StsSimulator } from './simulator.ts';
export type {
  CallerRef,
  AssumeInput,
  SimulatorOptions,
  SimulatedCall,
  SimulatedAssume,
} from './simulator.ts';
export {
  callWithSession,
  callWithPrincipal,
  sessionContext,
  sessionCallInputs,
  principalCallInputs,
} from './call.ts';
export type { CallRequest, CallResult, CallOutcome, CallInputs } from './call.ts';
export { principalCaller, sessionCaller } from './callers.ts';
export { WorldIndex } from './world.ts';
export type { StsWorld, PrincipalDefinition, ResourceDefinition } from './world.ts';

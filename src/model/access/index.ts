/**
 * The design -> engine adapter: the ONLY place that turns a design into engine and STS
 * requests. Trust edges, permission edges, the simulation world, the analysis and the CLI
 * all ask here, so the canvas and the simulator give one answer to one question.
 *
 * - Policy resolution: `principalPolicies` (a user's or role's identity policies with its
 *   groups', boundary, tags, SCP levels), `targetPolicies` (a role's trust policy or a
 *   resource's policy, RCP levels), each policy kept with its `PolicySource`.
 * - The simulation world: `designWorld(design)` (what the STS simulator runs on) and
 *   `worldForResource` (an S3 object takes its bucket's policy).
 * - Defaults: `DEFAULT_CONTEXT` (the request context assumed when the person said nothing;
 *   the README shows it), `DEFAULT_NOW_MS`, the default STS parameters and token claims.
 * - Questions: `canAssume(design, { source, role })` and `canCall(design, { source, action,
 *   resource })` answer `allowed`, `conditional` (with the `needs` the label names and a
 *   `context` that meets them) or `denied` (with the `layer`, `reason` and deciding
 *   `statement` from the engine's explanation). `access(design)` keeps the compiled policies
 *   of one design for many questions.
 */
export { access, canAssume, canCall, DesignAccess } from './access';
export { contextText } from './context-text';
export {
  DEFAULT_CONTEXT,
  DEFAULT_SESSION_NAME,
  CHAINED_SESSION_NAME,
  defaultClaims,
  federatedAssumeParams,
  serviceAssumeParams,
  userAssumeParams,
} from './defaults';
export { type ConditionNeed } from './solve';
export { principalPolicies, targetPolicies, type PolicySource } from './sources';
export { accessSummary, denialWords, type AccessVerdict } from './verdict';
export {
  designWorld,
  designWorldInSlices,
  worldForResource,
  type DesignWorld,
  type WorldSources,
} from './world';

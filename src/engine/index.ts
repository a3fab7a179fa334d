/**
 * Rolecraft's IAM policy engine: parse, validate, evaluate and explain policies as AWS does.
 * Pure TypeScript: no DOM, no wall clock; runs in Node, the browser and Web Workers.
 *
 * Typical use:
 * ```ts
 * const set = compilePolicies({ identity: [policy], resource: bucketPolicy }); // once
 * const { decision } = evaluate({ principal, action, resource, context, now }, set); // many times
 * const { explanation } = evaluate(request, set, { explain: true }); // for the UI
 * ```
 * @packageDocumentation
 */
export type {
  PolicyDocument,
  ContextValue,
  Decision,
  RequestInput,
  PolicyInputs,
  PolicyKind,
  DecidingKind,
  PolicyType,
  SourceRange,
  Diagnostic,
} from './types.ts';
export { compilePolicies } from './evaluate/compile.ts';
export type { CompiledPolicySet } from './evaluate/compile.ts';
export { evaluate, evaluateBatch } from './evaluate/evaluate.ts';
export type { Explanation, PolicyExplanation, StatementRef } from './evaluate/explain.ts';
export type { StatementExplanation } from './evaluate/statement.ts';
export type { ConditionExplanation } from './conditions/condition.ts';
export { parseArn, arnAccount, formatArn, isAwsAccountId, rootArnAccount } from './names/arn.ts';
export { actionService, actionName } from './names/action.ts';
export { wildcardMatches } from './match/glob.ts';
export { readIsoDate, parseDate } from './time/iso-date.ts';
export {
  wellKnownIdentityProviders,
  identityProviderPreset,
  webIdentityHostsNamedByHost,
  wellKnownProviderOfIssuer,
  claimKeysOf,
  isCognitoIdentityPoolId,
  consoleTrustConditions,
  oidcIssuerOf,
  SAML_AWS_AUDIENCE,
} from './principal/identity-providers.ts';
export type {
  IdentityProviderPreset,
  WellKnownIdentityProvider,
  TrustConditionBlock,
} from './principal/identity-providers.ts';
export { operatorSummaries, parseOperatorName } from './conditions/operator-table.ts';
export type { SetQualifier } from './conditions/operator-table.ts';
export type { OperatorValueType } from './conditions/operator.ts';
export { parsePolicy } from './parse/parse-policy.ts';
export { parseJsonValue, setOwn } from './parse/json-value.ts';
export { firstJsonSyntaxError, describeJsonSyntaxError } from './parse/json-syntax.ts';
export {
  MAX_POLICY_DEPTH,
  MAX_DESIGN_DEPTH,
  scanJsonDepth,
  scanValidJsonDepth,
  scanValueDepth,
} from './parse/json-limits.ts';
export { validatePolicy, isValidPolicy, policyTypes } from './validate/validate-policy.ts';
export { createCatalog, keyPattern } from './catalog/catalog.ts';
export type { IamCatalog, CatalogData } from './catalog/catalog.ts';

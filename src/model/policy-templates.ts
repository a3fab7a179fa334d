/**
 * Starting texts for policies a user adds, each accepted by the engine's validator for its
 * policy type, and the names they start with.
 */

const policyText = (statements: object[]): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);

/**
 * A new identity policy: one Allow of an action every principal may call anyway, so adding the
 * policy grants nothing until the user edits it.
 */
export const NEW_PERMISSION_POLICY_TEXT = policyText([
  { Sid: 'Statement1', Effect: 'Allow', Action: 'sts:GetCallerIdentity', Resource: '*' },
]);

/** A new permissions boundary that allows everything: it limits nothing until narrowed. */
export const OPEN_BOUNDARY_TEXT = policyText([
  { Sid: 'AllowWithinBoundary', Effect: 'Allow', Action: '*', Resource: '*' },
]);

/** The SCP AWS attaches to the root, every OU and every account of a new organization. */
export const FULL_AWS_ACCESS_NAME = 'FullAWSAccess';
export const FULL_AWS_ACCESS_TEXT = policyText([{ Effect: 'Allow', Action: '*', Resource: '*' }]);

/** A new SCP: AWS's classic first guardrail, a Deny (SCPs grant nothing by themselves). */
export const NEW_SCP_TEXT = policyText([
  {
    Sid: 'DenyLeaveOrganization',
    Effect: 'Deny',
    Action: 'organizations:LeaveOrganization',
    Resource: '*',
  },
]);

/**
 * A new RCP: RCPs may only Deny (AWS keeps RCPFullAWSAccess attached to every level, and the
 * engine adds it implicitly); this one refuses S3 requests that are not over TLS.
 */
export const NEW_RCP_TEXT = policyText([
  {
    Sid: 'EnforceSecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: '*',
    Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } },
  },
]);

/** IAM policy names: 1 to 128 of letters, digits and `+=,.@_-`. */
export function isValidIamPolicyName(name: string): boolean {
  return /^[\w+=,.@-]{1,128}$/.test(name);
}

/** Organizations names (policies, OUs): 1 to 128 characters, not only spaces. */
export function isValidOrganizationName(name: string): boolean {
  return name.trim() !== '' && name.length <= 128;
}

/**
 * Condition keys whose type in the service reference data contradicts AWS's own
 * documentation, with the corrected type. The catalogue applies them on load.
 */
export const keyTypeCorrections: ReadonlyMap<string, string> = new Map([
  // Amazon Cognito Developer Guide, Role trust and permissions: the policy "specifies that one
  // of the array members of the multi-value amr claim" has the value, with ForAnyValue:StringLike.
  ['cognito-identity.amazonaws.com:amr', 'ArrayOfString'],
]);

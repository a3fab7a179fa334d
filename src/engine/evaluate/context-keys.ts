/**
 * Context keys resolved once into small integer ids, so a condition finds its key in the
 * request by comparing numbers: policy keys get an id when they are compiled, and a request's
 * key is lower-cased once per distinct spelling (cached), never per request.
 */
const keyIds = new Map<string, number>();
/**
 * Request spellings to ids; `-1` (no policy asks for the key) holds only while no key is
 * added. A prototype-less object: property keys are interned, so a lookup is cheaper than a Map's.
 */
let spellings: Record<string, number> = Object.create(null) as Record<string, number>;
let spellingCount = 0;
let spellingsFor = 0;

/** The id of a lower-case key name (registered on first use: policy keys, derived keys). */
export function keyIdOf(keyLower: string): number {
  let id = keyIds.get(keyLower);
  if (id === undefined) {
    id = keyIds.size;
    keyIds.set(keyLower, id);
  }
  return id;
}

/** How many key ids exist: a request read when there were fewer is read again. */
export function keyIdCount(): number {
  return keyIds.size;
}

/** The id of a request's key as spelled, or -1 when no policy asks for it. */
export function requestKeyId(key: string): number {
  if (spellingsFor !== keyIds.size || spellingCount >= 4096) {
    spellings = Object.create(null) as Record<string, number>;
    spellingCount = 0;
    spellingsFor = keyIds.size;
  }
  let id = spellings[key];
  if (id === undefined) {
    id = keyIds.get(key.toLowerCase()) ?? -1;
    spellings[key] = id;
    spellingCount++;
  }
  return id;
}

/** The ids of the keys AWS derives from the principal, resource and time (README "Derived context"). */
export const PRINCIPAL_ARN = keyIdOf('aws:principalarn');
export const PRINCIPAL_ACCOUNT = keyIdOf('aws:principalaccount');
export const USERNAME = keyIdOf('aws:username');
export const PRINCIPAL_IS_SERVICE = keyIdOf('aws:principalisawsservice');
export const PRINCIPAL_SERVICE_NAME = keyIdOf('aws:principalservicename');
export const RESOURCE_ACCOUNT = keyIdOf('aws:resourceaccount');
export const CURRENT_TIME = keyIdOf('aws:currenttime');
export const EPOCH_TIME = keyIdOf('aws:epochtime');

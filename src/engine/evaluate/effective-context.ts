/** The whole effective context of a request (given and derived keys), as an explanation shows it. */
import type { ContextValue } from '../types.ts';
import { keyIdOf } from './context-keys.ts';
import type { RequestState } from './context.ts';

const derivedNames = [
  'aws:PrincipalArn',
  'aws:PrincipalAccount',
  'aws:username',
  'aws:PrincipalIsAWSService',
  'aws:PrincipalServiceName',
  'aws:ResourceAccount',
  'aws:CurrentTime',
  'aws:EpochTime',
];
const derivedIds = derivedNames.map((name) => keyIdOf(name.toLowerCase()));

/**
 * The whole effective context (given and derived keys), for explanations: the derived keys
 * in `derivedNames` order, then the request's own (a key spelled exactly as a derived one
 * keeps its place). The usual sets of derived keys are object literals, which
 * V8 builds far faster than one keyed store at a time.
 */
export function effectiveContext(state: RequestState): Record<string, ContextValue> {
  const lookup = state.lookup;
  const arn = lookup.byId(derivedIds[0]!);
  const account = lookup.byId(derivedIds[1]!);
  const userName = lookup.byId(derivedIds[2]!);
  const isService = lookup.byId(derivedIds[3]!);
  const serviceName = lookup.byId(derivedIds[4]!);
  const resourceAccount = lookup.byId(derivedIds[5]!);
  const time = lookup.byId(derivedIds[6]!);
  const epoch = lookup.byId(derivedIds[7]!);
  const present =
    (arn === undefined ? 0 : 1) |
    (account === undefined ? 0 : 2) |
    (userName === undefined ? 0 : 4) |
    (isService === undefined ? 0 : 8) |
    (serviceName === undefined ? 0 : 16) |
    (resourceAccount === undefined ? 0 : 32) |
    (time === undefined ? 0 : 64) |
    (epoch === undefined ? 0 : 128);
  let out: Record<string, ContextValue>;
  // Each literal lists its keys in `derivedNames` order.
  if (present === 0b11101011)
    out = {
      'aws:PrincipalArn': arn!,
      'aws:PrincipalAccount': account!,
      'aws:PrincipalIsAWSService': isService!,
      'aws:ResourceAccount': resourceAccount!,
      'aws:CurrentTime': time!,
      'aws:EpochTime': epoch!,
    };
  else if (present === 0b11101111)
    out = {
      'aws:PrincipalArn': arn!,
      'aws:PrincipalAccount': account!,
      'aws:username': userName!,
      'aws:PrincipalIsAWSService': isService!,
      'aws:ResourceAccount': resourceAccount!,
      'aws:CurrentTime': time!,
      'aws:EpochTime': epoch!,
    };
  else if (present === 0b11101010)
    out = {
      'aws:PrincipalAccount': account!,
      'aws:PrincipalIsAWSService': isService!,
      'aws:ResourceAccount': resourceAccount!,
      'aws:CurrentTime': time!,
      'aws:EpochTime': epoch!,
    };
  else {
    out = {};
    for (let i = 0; i < derivedNames.length; i++) {
      const value = lookup.byId(derivedIds[i]!);
      if (value !== undefined) out[derivedNames[i]!] = value;
    }
  }
  // The request's keys as `readRequest` read them (one for-in per request, not two).
  lookup.copyGiven(out);
  return out;
}

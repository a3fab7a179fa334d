/** `admin`: allowed `*` on `*` (README), confirmed on a few actions a Deny or NotAction could still hold back. */
import type { EntityId } from '../model';
import type { Granted, Oracle } from './oracle';

const PROBES: [string, string][] = [
  ['*', '*'],
  ['iam:CreateUser', '*'],
  ['iam:AttachRolePolicy', '*'],
  ['s3:GetObject', '*'],
  ['ec2:RunInstances', '*'],
];

/** What must hold for the principal to be admin, or undefined when it is not. */
export function adminOf(oracle: Oracle, id: EntityId): Granted | undefined {
  return oracle.all(id, PROBES);
}

/**
 * Kind registry: each case kind maps to its runner module. A kind with no entry here fails
 * with `no runner for kind X` (never a silent skip).
 */
import type { KindRunner } from '../case-types.ts';
import { assumeRoleRunner } from './assume-role.ts';
import { requestRunner } from './request.ts';
import { sessionRunner } from './session.ts';
import { validateRunner } from './validate.ts';

export const kindRunners: Record<string, KindRunner> = {
  request: requestRunner,
  validate: validateRunner,
  'assume-role': assumeRoleRunner,
  session: sessionRunner,
};

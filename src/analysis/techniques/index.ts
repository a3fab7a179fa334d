/**
 * The escalation techniques of the format README, each a function from an actor to the edges
 * it opens: to another principal (its permissions become the actor's) or to `admin`. Every
 * permission is asked of the adapter through the oracle; the README's "works when" column is
 * read from the design (trusts, attachments, memberships, versions, instance profiles).
 */
import type { Technique } from './context';
import {
  addUserToGroup,
  createRole,
  deleteBoundary,
  policyVersionTechniques,
  updateAssumeRolePolicy,
  userCredentials,
  writePolicyTechniques,
} from './iam';
import { existingTechniques, passRoleTechniques, serviceTechnique } from './service';

export { ADMIN, type EscalationEdge, type TechniqueContext } from './context';

export const techniques: Technique[] = [
  policyVersionTechniques,
  writePolicyTechniques,
  addUserToGroup,
  updateAssumeRolePolicy,
  userCredentials,
  createRole,
  deleteBoundary,
  ...passRoleTechniques.map((t) => serviceTechnique(t, true)),
  ...existingTechniques.map((t) => serviceTechnique(t, false)),
];

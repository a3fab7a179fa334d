/**
 * The escalation techniques of the format README, each a function from an actor to the edges
 * it opens: to another principal (its permissions become the actor's) or to `admin`. Every
 * permission is asked of the adapter through the oracle; the README's "works when" column is
 * read from the design (trusts, attachments, memberships, versions, instance profiles).
 */
import type { GatedTechnique } from './context';
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

const only = (...actions: string[]) => actions.map((a) => [a]);

export const techniques: GatedTechnique[] = [
  {
    gate: only('iam:CreatePolicyVersion', 'iam:SetDefaultPolicyVersion'),
    run: policyVersionTechniques,
  },
  {
    gate: only(
      'iam:AttachUserPolicy',
      'iam:PutUserPolicy',
      'iam:AttachGroupPolicy',
      'iam:PutGroupPolicy',
      'iam:AttachRolePolicy',
      'iam:PutRolePolicy',
    ),
    run: writePolicyTechniques,
  },
  { gate: only('iam:AddUserToGroup'), run: addUserToGroup },
  { gate: only('iam:UpdateAssumeRolePolicy'), run: updateAssumeRolePolicy },
  {
    gate: only('iam:CreateAccessKey', 'iam:CreateLoginProfile', 'iam:UpdateLoginProfile'),
    run: userCredentials,
  },
  { gate: only('iam:CreateRole'), run: createRole },
  {
    gate: only('iam:DeleteUserPermissionsBoundary', 'iam:DeleteRolePermissionsBoundary'),
    run: deleteBoundary,
  },
  ...passRoleTechniques.map((t) => serviceTechnique(t, true)),
  ...existingTechniques.map((t) => serviceTechnique(t, false)),
];

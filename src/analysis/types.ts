/**
 * What the analysis answers, in the shape of `analysis/1` (../shared/analysis/README.md) plus
 * the entity ids the app needs to select nodes and open statements (left out of the JSON).
 */
import type { EntityId, PolicySlot } from '../model';

export const ANALYSIS_FORMAT = 'analysis/1';

export type TechniqueId =
  | 'sts-assume-role'
  | 'iam-create-policy-version'
  | 'iam-set-default-policy-version'
  | 'iam-attach-user-policy'
  | 'iam-put-user-policy'
  | 'iam-attach-group-policy'
  | 'iam-put-group-policy'
  | 'iam-attach-role-policy'
  | 'iam-put-role-policy'
  | 'iam-add-user-to-group'
  | 'iam-update-assume-role-policy'
  | 'iam-create-access-key'
  | 'iam-create-login-profile'
  | 'iam-update-login-profile'
  | 'iam-create-role'
  | 'iam-delete-permissions-boundary'
  | 'passrole-ec2'
  | 'passrole-lambda'
  | 'passrole-glue'
  | 'passrole-cloudformation'
  | 'passrole-datapipeline'
  | 'passrole-codebuild'
  | 'passrole-sagemaker'
  | 'passrole-ecs'
  | 'existing-lambda'
  | 'existing-glue-endpoint'
  | 'existing-cloudformation-stack'
  | 'existing-codebuild-project'
  | 'existing-sagemaker-notebook'
  | 'existing-ec2-instance';

export type FindingKind =
  | 'trust-allows-anyone'
  | 'cross-account-trust-without-external-id'
  | 'oidc-trust-without-sub'
  | 'oidc-trust-without-audience'
  | 'oidc-trust-wildcard-sub'
  | 'saml-trust-without-audience'
  | 'service-trust-without-source'
  | 'admin-assumable-without-mfa'
  | 'passrole-unrestricted'
  | 'role-unassumable'
  | 'role-unused'
  | 'dangling-trust-principal'
  | 'resource-public'
  | 'resource-cross-account';

export type Severity = 'critical' | 'high' | 'medium' | 'low';
export const severities: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

/** `from` can reach role `to` through AssumeRole `hops` (ARNs, `from` first), if `needs` hold. */
export interface Reachability {
  from: string;
  to: string;
  hops: string[];
  needs: string[];
  /** Entity ids of the hops, for the canvas. */
  hopIds: EntityId[];
}

export interface EscalationStep {
  technique: TechniqueId;
  actor: string;
  target: string;
  actions: string[];
  needs: string[];
  actorId: EntityId;
  targetId: EntityId;
}

export interface Escalation {
  principal: string;
  /** ARN of the principal whose permissions it ends with, or `admin`. */
  gains: string;
  steps: EscalationStep[];
  principalId: EntityId;
}

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  subject: string;
  /** `trust`, or the policy's name or ARN. */
  policy: string;
  /** Statement index (0-based) or Sid. */
  statement: number | string;
  message: string;
  /** The node the finding is about, and the policy slot and statement to open in the editor. */
  subjectId: EntityId;
  statementIndex: number;
  slot?: PolicySlot;
}

export interface AnalysisResult {
  format: typeof ANALYSIS_FORMAT;
  now: string;
  accounts: string[];
  principals: number;
  warnings: string[];
  reachability: Reachability[];
  escalations: Escalation[];
  findings: Finding[];
}

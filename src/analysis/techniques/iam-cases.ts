/** A positive and its trap for each IAM technique (and AssumeRole). */
import { ACCOUNT, ADMIN_DOC, allow, arn, deny, doc, trustStatement } from '../test-accounts';
import { ALICE, ROOT, past, type Case } from './technique-case';

export const iamCases: Case[] = [
  {
    technique: 'sts-assume-role',
    gains: arn('role', 'Admin'),
    positive: (b) => {
      b.role('Admin', [trustStatement(ROOT)], [ADMIN_DOC]);
      b.user('alice', [doc(allow('sts:AssumeRole', arn('role', 'Admin')))]);
    },
    trap: 'a Deny of the same action',
    negative: (b) => {
      b.role('Admin', [trustStatement(ROOT)], [ADMIN_DOC]);
      b.user('alice', [
        doc(allow('sts:AssumeRole', '*'), deny('sts:AssumeRole', arn('role', 'Admin'))),
      ]);
    },
  },
  {
    technique: 'iam-create-policy-version',
    gains: 'admin',
    positive: (b) => {
      const mine = b.policy(doc(allow('s3:ListAllMyBuckets')), 'Mine', 'customer-managed');
      b.user('alice', [
        mine,
        doc(allow('iam:CreatePolicyVersion', `arn:aws:iam::${ACCOUNT}:policy/Mine`)),
      ]);
    },
    trap: 'the action only on AWS-managed policies (they cannot be versioned)',
    negative: (b) => {
      const managed = b.policy(doc(allow('s3:ListAllMyBuckets')), 'ReadOnlyAccess', 'aws-managed');
      b.user('alice', [managed, doc(allow('iam:CreatePolicyVersion', '*'))]);
    },
  },
  {
    technique: 'iam-set-default-policy-version',
    gains: 'admin',
    positive: (b) => {
      const mine = b.policy(doc(allow('iam:SetDefaultPolicyVersion')), 'Mine', 'customer-managed', [
        { versionId: 'v1', text: ADMIN_DOC },
      ]);
      b.user('alice', [mine]);
    },
    trap: 'no non-default version that grants more',
    negative: (b) => {
      const mine = b.policy(doc(allow('iam:SetDefaultPolicyVersion')), 'Mine', 'customer-managed', [
        { versionId: 'v1', text: doc(allow('s3:GetObject')) },
      ]);
      b.user('alice', [mine]);
    },
  },
  {
    technique: 'iam-attach-user-policy',
    gains: 'admin',
    positive: (b) => void b.user('alice', [doc(allow('iam:AttachUserPolicy', ALICE))]),
    trap: 'a condition that can never hold now',
    negative: (b) => void b.user('alice', [doc(allow('iam:AttachUserPolicy', ALICE, past))]),
  },
  {
    technique: 'iam-put-user-policy',
    gains: 'admin',
    positive: (b) => void b.user('alice', [doc(allow('iam:PutUserPolicy', ALICE))]),
    trap: 'a Deny of the same action',
    negative: (b) =>
      void b.user('alice', [doc(allow('iam:PutUserPolicy', ALICE), deny('iam:PutUserPolicy'))]),
  },
  {
    technique: 'iam-attach-group-policy',
    gains: 'admin',
    positive: (b) => {
      const alice = b.user('alice', [doc(allow('iam:AttachGroupPolicy', arn('group', 'Dev')))]);
      b.group('Dev', [], [alice]);
    },
    trap: 'the actor is not in the group',
    negative: (b) => {
      b.user('alice', [doc(allow('iam:AttachGroupPolicy', arn('group', 'Dev')))]);
      b.group('Dev', []);
    },
  },
  {
    technique: 'iam-put-group-policy',
    gains: 'admin',
    positive: (b) => {
      const alice = b.user('alice', [doc(allow('iam:PutGroupPolicy', arn('group', 'Dev')))]);
      b.group('Dev', [], [alice]);
    },
    trap: 'the action on another group',
    negative: (b) => {
      const alice = b.user('alice', [doc(allow('iam:PutGroupPolicy', arn('group', 'Other')))]);
      b.group('Dev', [], [alice]);
      b.group('Other', []);
    },
  },
  {
    technique: 'iam-attach-role-policy',
    principal: arn('role', 'Worker'),
    gains: 'admin',
    positive: (b) =>
      void b.role(
        'Worker',
        [trustStatement({ Service: 'ec2.amazonaws.com' })],
        [doc(allow('iam:AttachRolePolicy', arn('role', 'Worker')))],
      ),
    trap: 'a Deny of the same action',
    negative: (b) =>
      void b.role(
        'Worker',
        [trustStatement({ Service: 'ec2.amazonaws.com' })],
        [doc(allow('iam:AttachRolePolicy', '*'), deny('iam:AttachRolePolicy'))],
      ),
  },
  {
    technique: 'iam-put-role-policy',
    gains: 'admin',
    positive: (b) => {
      b.role('Ops', [trustStatement({ AWS: ALICE })]);
      b.user('alice', [doc(allow('iam:PutRolePolicy', arn('role', 'Ops')))]);
    },
    trap: 'a role the actor cannot assume',
    negative: (b) => {
      b.role('Ops', [trustStatement({ AWS: arn('user', 'bob') })]);
      b.user('bob');
      b.user('alice', [doc(allow('iam:PutRolePolicy', arn('role', 'Ops')))]);
    },
  },
  {
    technique: 'iam-add-user-to-group',
    gains: 'admin',
    positive: (b) => {
      b.user('alice', [doc(allow('iam:AddUserToGroup', arn('group', 'Admins')))]);
      b.group('Admins', [ADMIN_DOC]);
    },
    trap: 'a Deny of the same action',
    negative: (b) => {
      b.user('alice', [
        doc(allow('iam:AddUserToGroup'), deny('iam:AddUserToGroup', arn('group', 'Admins'))),
      ]);
      b.group('Admins', [ADMIN_DOC]);
    },
  },
  {
    technique: 'iam-update-assume-role-policy',
    gains: arn('role', 'Admin'),
    positive: (b) => {
      b.role('Admin', [trustStatement({ Service: 'ec2.amazonaws.com' })], [ADMIN_DOC]);
      b.user('alice', [doc(allow('iam:UpdateAssumeRolePolicy', arn('role', 'Admin')))]);
    },
    trap: 'a condition that can never hold now',
    negative: (b) => {
      b.role('Admin', [trustStatement({ Service: 'ec2.amazonaws.com' })], [ADMIN_DOC]);
      b.user('alice', [doc(allow('iam:UpdateAssumeRolePolicy', arn('role', 'Admin'), past))]);
    },
  },
  {
    technique: 'iam-create-access-key',
    gains: arn('user', 'bob'),
    positive: (b) => {
      b.user('bob', [ADMIN_DOC]);
      b.user('alice', [doc(allow('iam:CreateAccessKey', arn('user', 'bob')))]);
    },
    trap: 'the action only on the actor itself',
    negative: (b) => {
      b.user('bob', [ADMIN_DOC]);
      b.user('alice', [doc(allow('iam:CreateAccessKey', ALICE))]);
    },
  },
  {
    technique: 'iam-create-login-profile',
    gains: arn('user', 'bob'),
    positive: (b) => {
      b.user('bob', [ADMIN_DOC]);
      b.user('alice', [doc(allow('iam:CreateLoginProfile', arn('user', 'bob')))]);
    },
    trap: 'a Deny of the same action',
    negative: (b) => {
      b.user('bob', [ADMIN_DOC]);
      b.user('alice', [doc(allow('iam:CreateLoginProfile'), deny('iam:CreateLoginProfile'))]);
    },
  },
  {
    technique: 'iam-update-login-profile',
    gains: arn('user', 'bob'),
    positive: (b) => {
      b.user('bob', [ADMIN_DOC]);
      b.user('alice', [doc(allow('iam:UpdateLoginProfile', arn('user', 'bob')))]);
    },
    trap: 'a condition that can never hold now',
    negative: (b) => {
      b.user('bob', [ADMIN_DOC]);
      b.user('alice', [doc(allow('iam:UpdateLoginProfile', arn('user', 'bob'), past))]);
    },
  },
  {
    technique: 'iam-create-role',
    gains: 'admin',
    positive: (b) => void b.user('alice', [doc(allow(['iam:CreateRole', 'iam:AttachRolePolicy']))]),
    trap: 'CreateRole without a way to give the role a policy',
    negative: (b) => void b.user('alice', [doc(allow('iam:CreateRole'))]),
  },
  {
    technique: 'iam-delete-permissions-boundary',
    gains: 'admin',
    positive: (b) =>
      void b.user('alice', [ADMIN_DOC], {
        permissionsBoundary: b.policy(
          doc(allow(['s3:GetObject', 'iam:DeleteUserPermissionsBoundary'])),
          'Boundary',
          'customer-managed',
        ).id,
      }),
    trap: 'identity policies that grant no more than the boundary',
    negative: (b) =>
      void b.user('alice', [doc(allow(['s3:GetObject', 'iam:DeleteUserPermissionsBoundary']))], {
        permissionsBoundary: b.policy(
          doc(allow(['s3:GetObject', 'iam:DeleteUserPermissionsBoundary'])),
          'Boundary',
          'customer-managed',
        ).id,
      }),
  },
];

// Statement snippets for the common cases, in snippet syntax (tab stops, `\t` indents that
// the editor re-indents to where they land).
import type { PolicyType } from './types';

export interface StatementSnippet {
  label: string;
  description: string;
  /** The statement object as a snippet body. */
  body: string;
  /** Policy types it belongs in. */
  types: readonly PolicyType[];
  /** Its first tab stop is an empty value with completions of its own: open them after inserting. */
  retrigger?: boolean;
}

const lines = (...parts: string[]) => parts.join('\n');

const statementSnippets: readonly StatementSnippet[] = [
  {
    label: 'Service trust',
    description: 'lets an AWS service (Lambda, EC2, ECS tasks, …) assume this role',
    types: ['trust'],
    body: lines(
      '{',
      '\t"Effect": "Allow",',
      '\t"Principal": {',
      '\t\t"Service": "${1|lambda.amazonaws.com,ec2.amazonaws.com,ecs-tasks.amazonaws.com,states.amazonaws.com|}"',
      '\t},',
      '\t"Action": "sts:AssumeRole"',
      '}',
    ),
  },
  {
    label: 'Cross-account trust with ExternalId',
    description:
      'lets another account assume this role when it passes the agreed ExternalId (confused-deputy guard)',
    types: ['trust'],
    body: lines(
      '{',
      '\t"Effect": "Allow",',
      '\t"Principal": {',
      '\t\t"AWS": "arn:aws:iam::${1:123456789012}:root"',
      '\t},',
      '\t"Action": "sts:AssumeRole",',
      '\t"Condition": {',
      '\t\t"StringEquals": {',
      '\t\t\t"sts:ExternalId": "${2:external-id}"',
      '\t\t}',
      '\t}',
      '}',
    ),
  },
  {
    label: 'GitHub Actions OIDC trust restricted by sub',
    description: 'lets GitHub Actions workflows of one repository and branch assume this role',
    types: ['trust'],
    body: lines(
      '{',
      '\t"Effect": "Allow",',
      '\t"Principal": {',
      '\t\t"Federated": "arn:aws:iam::${1:123456789012}:oidc-provider/token.actions.githubusercontent.com"',
      '\t},',
      '\t"Action": "sts:AssumeRoleWithWebIdentity",',
      '\t"Condition": {',
      '\t\t"StringEquals": {',
      '\t\t\t"token.actions.githubusercontent.com:aud": "sts.amazonaws.com",',
      '\t\t\t"token.actions.githubusercontent.com:sub": "repo:${2:owner}/${3:repo}:ref:refs/heads/${4:main}"',
      '\t\t}',
      '\t}',
      '}',
    ),
  },
  {
    label: 'MFA required to assume',
    description:
      'lets principals of an account assume this role only with an MFA-authenticated session',
    types: ['trust'],
    body: lines(
      '{',
      '\t"Effect": "Allow",',
      '\t"Principal": {',
      '\t\t"AWS": "arn:aws:iam::${1:123456789012}:root"',
      '\t},',
      '\t"Action": "sts:AssumeRole",',
      '\t"Condition": {',
      '\t\t"Bool": {',
      '\t\t\t"aws:MultiFactorAuthPresent": "true"',
      '\t\t}',
      '\t}',
      '}',
    ),
  },
  {
    label: 'MFA required (deny without MFA)',
    description:
      'denies everything but managing one’s own MFA when the session was not authenticated with MFA',
    types: ['identity', 'boundary', 'session', 'scp'],
    body: lines(
      '{',
      '\t"Sid": "${1:DenyWithoutMFA}",',
      '\t"Effect": "Deny",',
      '\t"NotAction": [',
      '\t\t"iam:CreateVirtualMFADevice",',
      '\t\t"iam:EnableMFADevice",',
      '\t\t"iam:ListMFADevices",',
      '\t\t"sts:GetSessionToken"',
      '\t],',
      '\t"Resource": "*",',
      '\t"Condition": {',
      '\t\t"BoolIfExists": {',
      '\t\t\t"aws:MultiFactorAuthPresent": "false"',
      '\t\t}',
      '\t}',
      '}',
    ),
  },
  {
    label: 'Allow statement',
    description: 'an empty Allow statement',
    retrigger: true,
    types: ['identity', 'boundary', 'session', 'scp'],
    body: lines('{', '\t"Effect": "Allow",', '\t"Action": "$1",', '\t"Resource": "${2:*}"', '}'),
  },
  {
    label: 'Allow statement',
    description: 'an Allow statement for a principal to fill in',
    types: ['trust'],
    retrigger: true,
    body: lines(
      '{',
      '\t"Effect": "Allow",',
      '\t"Principal": {',
      '\t\t"AWS": "$1"',
      '\t},',
      '\t"Action": "${2:sts:AssumeRole}"',
      '}',
    ),
  },
  {
    label: 'Allow statement',
    description: 'an Allow statement for a principal to fill in',
    types: ['resource'],
    retrigger: true,
    body: lines(
      '{',
      '\t"Effect": "Allow",',
      '\t"Principal": {',
      '\t\t"AWS": "$1"',
      '\t},',
      '\t"Action": "$2",',
      '\t"Resource": "${3:*}"',
      '}',
    ),
  },
  {
    label: 'Deny statement',
    description: 'an empty Deny statement',
    retrigger: true,
    types: ['identity', 'boundary', 'session', 'scp', 'resource'],
    body: lines('{', '\t"Effect": "Deny",', '\t"Action": "$1",', '\t"Resource": "${2:*}"', '}'),
  },
  {
    label: 'Deny statement',
    description: 'a resource control policy statement (RCPs deny only, for every principal)',
    retrigger: true,
    types: ['rcp'],
    body: lines(
      '{',
      '\t"Effect": "Deny",',
      '\t"Principal": "*",',
      '\t"Action": "$1",',
      '\t"Resource": "${2:*}"',
      '}',
    ),
  },
];

export function snippetsFor(type: PolicyType): StatementSnippet[] {
  return statementSnippets.filter((s) => s.types.includes(type));
}

/** Indents every line after the first by `depth` tabs (a snippet nested in a larger one). */
export function indent(body: string, depth: number): string {
  const pad = '\t'.repeat(depth);
  return body.replace(/\n/g, `\n${pad}`);
}

/** A whole policy document around one statement snippet. */
export function documentSnippet(statement: StatementSnippet): string {
  return lines(
    '{',
    '\t"Version": "2012-10-17",',
    '\t"Statement": [',
    `\t\t${indent(statement.body, 2)}`,
    '\t]',
    '}',
  );
}

/** The shared pieces of the import tests: the real sample, small documents and roles, a quiet import. */
import { readFileSync } from 'node:fs';
import { sequentialIds } from '../../model';
import { importAuthzFiles } from './import';

export const sample = readFileSync(
  new URL(
    '../../../fixtures/authz-details/cloudsplaining-example-authz-details.json',
    import.meta.url,
  ),
  'utf8',
);

export const doc = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
};
export const trust = (principal: unknown) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }],
});
export const role = (
  name: string,
  extra: Record<string, unknown> = {},
  account = '111122223333',
) => ({
  Path: '/',
  RoleName: name,
  RoleId: `AROA${name.toUpperCase().padEnd(16, 'X')}`,
  Arn: `arn:aws:iam::${account}:role/${name}`,
  CreateDate: '2025-01-01T00:00:00Z',
  AssumeRolePolicyDocument: trust({ Service: 'ec2.amazonaws.com' }),
  RolePolicyList: [],
  AttachedManagedPolicies: [],
  InstanceProfileList: [],
  Tags: [],
  RoleLastUsed: {},
  ...extra,
});
export const file = (name: string, value: unknown) => ({ name, text: JSON.stringify(value) });
export const run = (...files: { name: string; text: string }[]) =>
  importAuthzFiles(files, { ids: sequentialIds(), layout: false });

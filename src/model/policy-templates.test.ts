import { describe, expect, it } from 'vitest';
import { validatePolicy, type PolicyType } from '../engine';
import { derivePermissionEdges } from './permission-edges';
import { makeManagedPolicy, makePolicy } from './factories';
import { addManagedPolicy, addPermissionPolicy } from './policy-commands';
import {
  FULL_AWS_ACCESS_TEXT,
  isValidIamPolicyName,
  isValidOrganizationName,
  NEW_PERMISSION_POLICY_TEXT,
  NEW_RCP_TEXT,
  NEW_SCP_TEXT,
  OPEN_BOUNDARY_TEXT,
} from './policy-templates';
import { sampleDesign } from './sample';

describe('policy templates', () => {
  it.each<[string, string, PolicyType]>([
    ['new permission policy', NEW_PERMISSION_POLICY_TEXT, 'identity'],
    ['open boundary', OPEN_BOUNDARY_TEXT, 'boundary'],
    ['FullAWSAccess', FULL_AWS_ACCESS_TEXT, 'scp'],
    ['new SCP', NEW_SCP_TEXT, 'scp'],
    ['new RCP', NEW_RCP_TEXT, 'rcp'],
  ])('%s passes the validator with no diagnostic', (_name, text, type) => {
    expect(validatePolicy(text, type)).toEqual([]);
    expect(JSON.parse(text)).toMatchObject({ Version: '2012-10-17' });
  });

  it('FullAWSAccess is the document AWS attaches', () => {
    expect(JSON.parse(FULL_AWS_ACCESS_TEXT)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    });
  });

  it('a new policy and an open boundary grant and take away nothing', () => {
    const before = sampleDesign();
    let after = addPermissionPolicy(before, {
      entityId: 'role-deploy',
      policy: makePolicy({ id: 'new', name: 'New', text: NEW_PERMISSION_POLICY_TEXT }),
    });
    after = addManagedPolicy(after, {
      policy: makeManagedPolicy({
        id: 'b',
        type: 'customer-managed',
        account: 'acct-prod',
        name: 'B',
        text: OPEN_BOUNDARY_TEXT,
      }),
      boundaryOf: 'role-deploy',
    });
    expect(derivePermissionEdges(after)).toEqual(derivePermissionEdges(before));
  });
});

describe('names', () => {
  it.each([
    ['ReadArtifacts', true],
    ['a+b=c,d.e@f_g-h', true],
    ['x'.repeat(128), true],
    ['x'.repeat(129), false],
    ['', false],
    ['has space', false],
    ['slash/no', false],
  ])('IAM policy name `%s` valid: %s', (name, valid) => {
    expect(isValidIamPolicyName(name)).toBe(valid);
  });

  it.each([
    ['Workloads', true],
    ['Prod OU (EU)', true],
    ['   ', false],
    ['x'.repeat(129), false],
  ])('Organizations name `%s` valid: %s', (name, valid) => {
    expect(isValidOrganizationName(name)).toBe(valid);
  });
});

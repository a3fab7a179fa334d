import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeOrganizationLevel, makeOrganizationPath, makeStoredPolicy } from './factories';
import { sequentialIds } from './ids';
import { renameEntity } from './entity-commands';
import { findEntity } from './lookup';
import {
  addOrganizationPolicy,
  addOrganizationUnit,
  joinOrganization,
  leaveOrganization,
  removeOrganizationPolicy,
  removeOrganizationUnit,
  renameOrganizationLevel,
  renameOrganizationPolicy,
  type OrganizationPolicyKind,
} from './organization-commands';
import { derivePermissionEdges } from './permission-edges';
import { policySlots, setPolicyText, updatePermissionPolicy } from './policy-commands';
import { FULL_AWS_ACCESS_TEXT } from './policy-templates';
import { sampleDesign } from './sample';
import { trustText as policyText } from './test-fixtures';
import type { Account, Design } from './types';

const PROD = 'acct-prod';
const DENY_S3 = policyText({ Effect: 'Deny', Action: 's3:*', Resource: '*' });

/** The sample with Production in a new organization (root `level-1`, account `level-3`). */
function joined(): Design {
  return joinOrganization(sampleDesign(), {
    accountId: PROD,
    organization: makeOrganizationPath('Production', sequentialIds()),
  });
}

const prod = (design: Design) => findEntity(design, PROD) as Account;
const levelNames = (design: Design) => prod(design).organization?.map((l) => l.name);
const deployMayUseBucket = (design: Design) =>
  derivePermissionEdges(design).some(
    (e) => e.source === 'role-deploy' && e.target === 'resource-artifacts',
  );

describe('organization factories', () => {
  it('a new path is the root then the account, each with FullAWSAccess and no stored RCP', () => {
    const path = makeOrganizationPath('Production', sequentialIds());
    expect(path.map((l) => [l.kind, l.name])).toEqual([
      ['root', 'Root'],
      ['account', 'Production'],
    ]);
    for (const level of path) {
      expect(level.scps.map((p) => [p.name, p.text])).toEqual([
        ['FullAWSAccess', FULL_AWS_ACCESS_TEXT],
      ]);
      expect(level.rcps).toEqual([]);
    }
    expect(new Set(path.flatMap((l) => [l.id, ...l.scps.map((p) => p.id)])).size).toBe(4);
  });

  it('a level made with explicit SCPs keeps them', () => {
    expect(makeOrganizationLevel({ name: 'OU', kind: 'ou', scps: [] }).scps).toEqual([]);
  });
});

describe('organization commands', () => {
  it('joining keeps every permission: FullAWSAccess allows what the policies allow', () => {
    const design = joined();
    expect(levelNames(design)).toEqual(['Root', 'Production']);
    expect(derivePermissionEdges(design)).toEqual(derivePermissionEdges(sampleDesign()));
  });

  it('an account already in an organization does not join again', () => {
    const design = joined();
    expect(
      joinOrganization(design, { accountId: PROD, organization: makeOrganizationPath('x') }),
    ).toBe(design);
  });

  it('SCPs show as policy slots and take effect at their level', () => {
    let design = addOrganizationPolicy(joined(), {
      accountId: PROD,
      levelId: 'level-1',
      kind: 'scp',
      policy: makeStoredPolicy({ id: 'deny-s3', name: 'DenyS3', text: DENY_S3 }),
    });
    expect(policySlots(design, prod(design)).map((s) => [s.label, s.policyType])).toEqual([
      ['SCP Root: FullAWSAccess', 'scp'],
      ['SCP Root: DenyS3', 'scp'],
      ['SCP Production: FullAWSAccess', 'scp'],
    ]);
    expect(deployMayUseBucket(design)).toBe(false);
    design = removeOrganizationPolicy(design, {
      accountId: PROD,
      levelId: 'level-1',
      kind: 'scp',
      policyId: 'deny-s3',
    });
    expect(deployMayUseBucket(design)).toBe(true);
  });

  it('the account level keeps the account name, also after a rename', () => {
    const design = renameEntity(joined(), { id: PROD, name: 'Prod' });
    expect(levelNames(design)).toEqual(['Root', 'Prod']);
    expect(policySlots(design, prod(design)).map((s) => s.label)).toEqual([
      'SCP Root: FullAWSAccess',
      'SCP Prod: FullAWSAccess',
    ]);
  });

  it('a level without FullAWSAccess allows nothing, as in AWS', () => {
    const design = removeOrganizationPolicy(joined(), {
      accountId: PROD,
      levelId: 'level-3',
      kind: 'scp',
      policyId: 'policy-4',
    });
    expect(deployMayUseBucket(design)).toBe(false);
  });

  it('an RCP that denies S3 takes the bucket away', () => {
    const design = addOrganizationPolicy(joined(), {
      accountId: PROD,
      levelId: 'level-3',
      kind: 'rcp',
      policy: makeStoredPolicy({
        name: 'NoS3',
        text: policyText({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }),
      }),
    });
    expect(policySlots(design, prod(design)).at(-1)?.policyType).toBe('rcp');
    expect(deployMayUseBucket(design)).toBe(false);
  });

  it('OUs go above the account, below the OUs already there, never above the root', () => {
    const ids = sequentialIds();
    const ou = (name: string) => makeOrganizationLevel({ id: name, name, kind: 'ou' }, ids);
    let design = addOrganizationUnit(joined(), { accountId: PROD, level: ou('Workloads') });
    design = addOrganizationUnit(design, { accountId: PROD, level: ou('Prod') });
    expect(levelNames(design)).toEqual(['Root', 'Workloads', 'Prod', 'Production']);
    design = addOrganizationUnit(design, {
      accountId: PROD,
      level: ou('Top'),
      before: 'Workloads',
    });
    design = addOrganizationUnit(design, { accountId: PROD, level: ou('Low'), before: 'level-1' });
    expect(levelNames(design)).toEqual(['Root', 'Top', 'Workloads', 'Prod', 'Production', 'Low']);
    expect(prod(design).organization?.find((l) => l.id === 'Prod')?.scps[0]?.name).toBe(
      'FullAWSAccess',
    );
  });

  it.each([
    ['an OU into an account outside any organization', sampleDesign()],
    ['a second OU with a taken id', joined()],
  ])('refuses %s', (_name, design) => {
    const level = makeOrganizationLevel({ id: 'level-1', name: 'OU', kind: 'ou' });
    expect(addOrganizationUnit(design, { accountId: PROD, level })).toBe(design);
  });

  it('removes OUs with their drafts, but never the root or the account level', () => {
    const level = makeOrganizationLevel({ id: 'ou', name: 'OU', kind: 'ou' }, sequentialIds());
    let design = addOrganizationUnit(joined(), { accountId: PROD, level });
    design = setPolicyText(design, {
      entityId: PROD,
      slot: { kind: 'scp', levelId: 'ou', policyId: level.scps[0]!.id },
      text: '{',
    });
    expect(Object.keys(design.drafts)).toHaveLength(1);
    for (const levelId of ['level-1', 'level-3'])
      expect(removeOrganizationUnit(design, { accountId: PROD, levelId })).toBe(design);
    design = removeOrganizationUnit(design, { accountId: PROD, levelId: 'ou' });
    expect(levelNames(design)).toEqual(['Root', 'Production']);
    expect(design.drafts).toEqual({});
  });

  it('leaving drops the path and its drafts, and gives the sample back', () => {
    let design = setPolicyText(joined(), {
      entityId: PROD,
      slot: { kind: 'scp', levelId: 'level-1', policyId: 'policy-2' },
      text: 'not json',
    });
    design = leaveOrganization(design, { accountId: PROD });
    expect(design).toEqual(sampleDesign());
    expect(leaveOrganization(design, { accountId: PROD })).toBe(design);
  });

  it('renames levels and policies, and a rename to the same name changes nothing', () => {
    const design = joined();
    const renamed = renameOrganizationPolicy(
      renameOrganizationLevel(design, { accountId: PROD, levelId: 'level-1', name: 'Org root' }),
      { accountId: PROD, levelId: 'level-1', kind: 'scp', policyId: 'policy-2', name: 'AllowAll' },
    );
    expect(policySlots(renamed, prod(renamed))[0]?.label).toBe('SCP Org root: AllowAll');
    expect(
      renameOrganizationLevel(design, { accountId: PROD, levelId: 'level-1', name: 'Root' }),
    ).toBe(design);
    expect(
      renameOrganizationPolicy(design, {
        accountId: PROD,
        levelId: 'level-1',
        kind: 'scp',
        policyId: 'policy-2',
        name: 'FullAWSAccess',
      }),
    ).toBe(design);
  });

  it('adding then removing any SCPs and RCPs gives the same document back', () => {
    const start = joined();
    const add = fc.record({
      level: fc.constantFrom('level-1', 'level-3'),
      kind: fc.constantFrom<OrganizationPolicyKind>('scp', 'rcp'),
      text: fc.constantFrom(DENY_S3, FULL_AWS_ACCESS_TEXT, '{}'),
    });
    fc.assert(
      fc.property(fc.array(add, { maxLength: 6 }), (adds) => {
        const ids = adds.map((_, i) => `p${i}`);
        let design = start;
        adds.forEach((a, i) => {
          design = addOrganizationPolicy(design, {
            accountId: PROD,
            levelId: a.level,
            kind: a.kind,
            policy: makeStoredPolicy({ id: ids[i]!, name: `P${i}`, text: a.text }),
          });
        });
        expect(policySlots(design, prod(design))).toHaveLength(2 + adds.length);
        [...adds].reverse().forEach((a, r) => {
          design = removeOrganizationPolicy(design, {
            accountId: PROD,
            levelId: a.level,
            kind: a.kind,
            policyId: ids[adds.length - 1 - r]!,
          });
        });
        expect(design).toEqual(start);
      }),
    );
  });
});

describe('updatePermissionPolicy', () => {
  const args = { entityId: 'role-deploy', policyId: 'policy-deploy-artifacts' };

  it.each([
    ['the same name', { name: 'ReadArtifacts' }],
    ['the same attachment', { attachment: 'inline' as const }],
    ['an empty patch', {}],
  ])('returns the same design for %s', (_name, patch) => {
    const design = sampleDesign();
    expect(updatePermissionPolicy(design, { ...args, patch })).toBe(design);
  });

  it('renames and re-attaches', () => {
    const design = updatePermissionPolicy(sampleDesign(), {
      ...args,
      patch: { name: 'Read', attachment: 'customer-managed' },
    });
    expect(policySlots(design, findEntity(design, 'role-deploy')!)[1]?.label).toBe('Read');
  });
});

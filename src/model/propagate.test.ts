import { describe, expect, it } from 'vitest';
import { arnOf } from './arn';
import { moveEntity, renameEntity, setAwsAccountId, setPath } from './entity-commands';
import { findEntity } from './lookup';
import { attachedPolicies } from './managed-policies';
import { sampleDesign } from './sample';
import { deriveTrustEdges } from './trust-edges';
import type { Design, Role, User } from './types';

const role = (d: Design, id: string) => findEntity(d, id) as Role;
const edgePairs = (d: Design) =>
  deriveTrustEdges(d).map((e) => `${e.source}->${e.target}:${e.kind}`);

describe('rename and move propagation', () => {
  it('renaming a user rewrites the trust policies that name it, keeping the edge', () => {
    const before = sampleDesign();
    const after = renameEntity(before, { id: 'user-alice', name: 'alice2' });
    expect(arnOf(after, findEntity(after, 'user-alice')!)).toBe(
      'arn:aws:iam::111111111111:user/alice2',
    );
    expect(role(after, 'role-developer').trustPolicy).toBe(
      role(before, 'role-developer').trustPolicy.replace('user/alice', 'user/alice2'),
    );
    expect(edgePairs(after)).toEqual(edgePairs(before));
  });

  it('renaming a role rewrites trust and identity policies naming it', () => {
    const after = renameEntity(sampleDesign(), { id: 'role-deploy', name: 'Release' });
    const developer = role(after, 'role-developer');
    expect(attachedPolicies(after, developer)[0]!.text).toContain(
      'arn:aws:iam::222222222222:role/Release',
    );
    expect(attachedPolicies(after, developer)[0]!.text).not.toContain('role/Deploy');
    expect(edgePairs(after)).toEqual(edgePairs(sampleDesign()));
  });

  it('renaming the role that another role trusts updates that trust policy', () => {
    const after = renameEntity(sampleDesign(), { id: 'role-developer', name: 'Dev' });
    expect(role(after, 'role-deploy').trustPolicy).toContain(
      '"arn:aws:iam::111111111111:role/Dev"',
    );
    expect(edgePairs(after)).toContain('role-developer->role-deploy:cross-account');
  });

  it('moving a role to another account changes its ARN and every reference, and the edge kind', () => {
    const before = sampleDesign();
    const after = moveEntity(before, { id: 'role-developer', account: 'acct-prod' });
    expect(arnOf(after, role(after, 'role-developer'))).toBe(
      'arn:aws:iam::222222222222:role/Developer',
    );
    expect(role(after, 'role-deploy').trustPolicy).toContain(
      'arn:aws:iam::222222222222:role/Developer',
    );
    expect(edgePairs(after)).toContain('role-developer->role-deploy:same-account');
    expect(edgePairs(after)).toContain('user-alice->role-developer:cross-account');
  });

  it('a path change rewrites references', () => {
    const after = setPath(sampleDesign(), { id: 'role-developer', path: 'teams/dev' });
    expect(role(after, 'role-developer').path).toBe('/teams/dev/');
    expect(role(after, 'role-deploy').trustPolicy).toContain(
      'arn:aws:iam::111111111111:role/teams/dev/Developer',
    );
    expect(edgePairs(after)).toEqual(edgePairs(sampleDesign()));
  });

  it('a new account id rewrites ARNs, root ARNs and bare ids', () => {
    const design = sampleDesign();
    const deploy = role(design, 'role-deploy');
    const withBareId: Design = {
      ...design,
      roles: design.roles.map((r) =>
        r.id === 'role-deploy'
          ? {
              ...deploy,
              trustPolicy: deploy.trustPolicy.replace(
                '"arn:aws:iam::111111111111:role/Developer"',
                '["arn:aws:iam::111111111111:role/Developer", "111111111111", "arn:aws:iam::111111111111:root"]',
              ),
            }
          : r,
      ),
    };
    const after = setAwsAccountId(withBareId, { id: 'acct-dev', awsAccountId: '999999999999' });
    const text = role(after, 'role-deploy').trustPolicy;
    expect(text).toContain(
      '"arn:aws:iam::999999999999:role/Developer", "999999999999", "arn:aws:iam::999999999999:root"',
    );
    expect(role(after, 'role-developer').trustPolicy).toContain(
      'arn:aws:iam::999999999999:user/alice',
    );
  });

  it('renaming a bucket rewrites its object ARNs too, and nothing else', () => {
    const after = renameEntity(sampleDesign(), { id: 'resource-artifacts', name: 'prod-builds' });
    const deploy = attachedPolicies(after, role(after, 'role-deploy'))[0]!.text;
    expect(deploy).toContain('"arn:aws:s3:::prod-builds"');
    expect(deploy).toContain('"arn:aws:s3:::prod-builds/*"');
    expect(role(after, 'role-developer').trustPolicy).toBe(
      role(sampleDesign(), 'role-developer').trustPolicy,
    );
  });

  it('keeps untouched entities as the same objects', () => {
    const before = sampleDesign();
    const after = renameEntity(before, { id: 'user-alice', name: 'alice2' });
    expect(after.roles[1]).toBe(before.roles[1]);
    expect(after.resources).toBe(before.resources);
  });

  it('rewrites a role session ARN of a renamed role', () => {
    const design = sampleDesign();
    const deploy = role(design, 'role-deploy');
    const withSession: Design = {
      ...design,
      roles: design.roles.map((r) =>
        r.id === 'role-deploy'
          ? {
              ...deploy,
              trustPolicy: deploy.trustPolicy.replace(
                'arn:aws:iam::111111111111:role/Developer',
                'arn:aws:sts::111111111111:assumed-role/Developer/ci',
              ),
            }
          : r,
      ),
    };
    const after = renameEntity(withSession, { id: 'role-developer', name: 'Dev' });
    expect(role(after, 'role-deploy').trustPolicy).toContain(
      'arn:aws:sts::111111111111:assumed-role/Dev/ci',
    );
  });

  it('moving a user drops group memberships across accounts', () => {
    const design = sampleDesign();
    const withGroup: Design = {
      ...design,
      groups: [
        { kind: 'group', id: 'g', account: 'acct-dev', name: 'devs', path: '/', policies: [] },
      ],
      users: design.users.map((u): User => ({ ...u, groups: ['g'] })),
    };
    const after = moveEntity(withGroup, { id: 'user-alice', account: 'acct-prod' });
    expect((findEntity(after, 'user-alice') as User).groups).toEqual([]);
  });

  it('a rename to the same name changes nothing', () => {
    const design = sampleDesign();
    expect(renameEntity(design, { id: 'user-alice', name: 'alice' })).toBe(design);
  });
});

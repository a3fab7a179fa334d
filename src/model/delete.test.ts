import { describe, expect, it } from 'vitest';
import { deleteEntities, deleteReport } from './delete';
import { makeGroup } from './factories';
import { findEntity } from './lookup';
import { sampleDesign } from './sample';
import { fixtureDesign, trustText } from './test-fixtures';
import { deriveTrustEdges } from './trust-edges';
import type { Design, Role } from './types';

describe('deleteReport', () => {
  it('lists the trust and identity policies that name a role', () => {
    const report = deleteReport(sampleDesign(), ['role-developer']);
    expect(report.ids).toEqual(['role-developer']);
    expect(report.breaks.map((b) => [b.holderId, b.slot?.kind, b.message])).toEqual([
      ['user-alice', 'permission', 'policy `AssumeDeveloper` of `alice` names `Developer`'],
      ['role-deploy', 'trust', 'trust policy of `Deploy` names `Developer`'],
    ]);
    expect(deleteReport(sampleDesign(), ['role-deploy']).breaks.map((b) => b.message)).toEqual([
      'policy `AssumeDeploy` of `Developer` names `Deploy`',
    ]);
  });

  it('includes the contents of a deleted account and only breaks outside it', () => {
    const report = deleteReport(sampleDesign(), ['acct-dev']);
    expect(report.ids.sort()).toEqual(['acct-dev', 'role-developer', 'user-alice']);
    expect(report.breaks.map((b) => b.holderId)).toEqual(['role-deploy']);
  });

  it('finds object ARNs of a bucket and the service of a service role', () => {
    expect(
      deleteReport(sampleDesign(), ['resource-artifacts']).breaks.map((b) => b.holderId),
    ).toEqual(['role-deploy', 'role-github-deploy']);
    expect(deleteReport(sampleDesign(), ['service-lambda']).breaks.map((b) => b.holderId)).toEqual([
      'role-orders-fn',
    ]);
  });

  it('finds trust policies open to Anyone, and memberships', () => {
    const design: Design = {
      ...fixtureDesign(trustText({ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' })),
    };
    expect(deleteReport(design, ['anyone']).breaks.map((b) => b.holderId)).toEqual(['target']);
    const withGroup: Design = {
      ...design,
      groups: [makeGroup({ id: 'g', account: 'dev', name: 'devs' })],
      users: design.users.map((u) => ({ ...u, groups: ['g'] })),
    };
    expect(deleteReport(withGroup, ['g']).breaks.map((b) => [b.kind, b.message])).toEqual([
      ['membership', '`alice` is a member of `devs`'],
    ]);
  });

  it('reports nothing for an unreferenced entity', () => {
    expect(deleteReport(sampleDesign(), ['role-github-deploy']).breaks).toEqual([]);
  });
});

describe('deleteEntities', () => {
  it('removes the entities, positions, drafts and memberships but leaves policies as they were', () => {
    let design = sampleDesign();
    design = {
      ...design,
      drafts: {
        'user-alice#boundary': { entityId: 'user-alice', slot: { kind: 'boundary' }, text: '{' },
      },
    };
    const after = deleteEntities(design, { ids: ['acct-dev'] });
    expect(findEntity(after, 'user-alice')).toBeUndefined();
    expect(after.layout['user-alice']).toBeUndefined();
    expect(after.drafts).toEqual({});
    expect((findEntity(after, 'role-deploy') as Role).trustPolicy).toBe(
      (findEntity(design, 'role-deploy') as Role).trustPolicy,
    );
  });

  it('with removeTrust, takes the deleted principals out of trust policies', () => {
    const after = deleteEntities(sampleDesign(), { ids: ['role-developer'], removeTrust: true });
    expect(JSON.parse((findEntity(after, 'role-deploy') as Role).trustPolicy).Statement).toEqual(
      [],
    );
    expect(deriveTrustEdges(after).map((e) => e.target)).not.toContain('role-deploy');
  });
});

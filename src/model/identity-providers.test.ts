import { describe, expect, it } from 'vitest';
import { findEntity } from './lookup';
import { EMPTY_POLICY_TEXT } from './policy-text';
import { setIdentityProviderPreset } from './identity-providers';
import { fixtureDesign } from './test-fixtures';
import { addTrustPrincipal } from './trust-edit';
import { deriveTrustGraph } from './trust-edges';
import type { Design, IdentityProvider, Role } from './types';

const provider = (design: Design, id: string) => findEntity(design, id) as IdentityProvider;
const trustOf = (design: Design) => (findEntity(design, 'target') as Role).trustPolicy;

describe('setIdentityProviderPreset', () => {
  it.each([
    ['github', 'saml', 'arn:aws:iam::222222222222:saml-provider/GitHub-Actions'],
    ['github', 'facebook', 'graph.facebook.com'],
    ['okta', 'cognito', 'cognito-identity.amazonaws.com'],
    ['google', 'gitlab', 'arn:aws:iam::222222222222:oidc-provider/gitlab.com'],
  ] as const)('%s made %s: trusts follow it to %s', (id, preset, federated) => {
    const trusted = addTrustPrincipal(fixtureDesign(EMPTY_POLICY_TEXT), 'target', id);
    const next = setIdentityProviderPreset(trusted, { id, preset });
    const after = provider(next, id);
    expect(after.protocol).toBe(preset === 'saml' ? 'saml' : 'oidc');
    expect(JSON.parse(trustOf(next)).Statement[0].Principal.Federated).toBe(federated);
    const edges = deriveTrustGraph(next).edges.filter((e) => e.target === 'target');
    expect(edges.map((e) => [e.source, e.action])).toEqual([
      [id, preset === 'saml' ? 'sts:AssumeRoleWithSAML' : 'sts:AssumeRoleWithWebIdentity'],
    ]);
    // The conditions are the new kind's, none of the old one's.
    const conditions = JSON.stringify(JSON.parse(trustOf(next)).Statement[0].Condition ?? {});
    const before = provider(trusted, id);
    const oldPrefix = before.protocol === 'saml' ? 'SAML:' : `${before.issuer}:`;
    expect(conditions).not.toContain(oldPrefix);
  });

  it('custom keeps the issuer and audiences an OIDC provider had; same preset is no change', () => {
    const design = fixtureDesign(EMPTY_POLICY_TEXT);
    const next = setIdentityProviderPreset(design, { id: 'github', preset: 'custom' });
    const after = provider(next, 'github');
    expect(after.protocol === 'oidc' && [after.issuer, after.audiences]).toEqual([
      'token.actions.githubusercontent.com',
      ['sts.amazonaws.com'],
    ]);
    expect(setIdentityProviderPreset(design, { id: 'github', preset: 'github-actions' })).toBe(
      design,
    );
  });
});

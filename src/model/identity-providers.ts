// A design's identity providers read through the engine's one table of well-known providers,
// and the commands that change what kind of provider a node is.

import {
  claimKeysOf,
  consoleTrustConditions,
  identityProviderPreset,
  type IdentityProviderPreset,
  type TrustConditionBlock,
  type WellKnownIdentityProvider,
} from '../engine';
export {
  wellKnownIdentityProviders,
  isCognitoIdentityPoolId,
  wellKnownProviderOfIssuer,
  type IdentityProviderPreset,
  type WellKnownIdentityProvider,
} from '../engine';
import { replaceEntity } from './entity-commands';
import { oidcPresets } from './factories';
import { findEntity } from './lookup';
import { deriveTrustGraph } from './trust-edges';
import { addTrustPrincipal, removeTrustPrincipal } from './trust-edit';
import type { Design, EntityId, IdentityProvider } from './types';

/** The table entry of a provider: `saml` for any SAML provider, else its OIDC preset. */
export function wellKnownOf(provider: IdentityProvider): WellKnownIdentityProvider {
  return identityProviderPreset(provider.protocol === 'saml' ? 'saml' : provider.preset);
}

function presetOf(provider: IdentityProvider): IdentityProviderPreset {
  return provider.protocol === 'saml' ? 'saml' : provider.preset;
}

/** `SAML:aud` / `token.actions.githubusercontent.com:sub`… for this provider. */
export function claimKeysOfProvider(provider: IdentityProvider) {
  return claimKeysOf(wellKnownOf(provider), provider.protocol === 'oidc' ? provider.issuer : '');
}

/** The conditions a new trust for this provider starts with, as the IAM console writes them. */
export function trustConditionsOf(provider: IdentityProvider): TrustConditionBlock {
  return provider.protocol === 'saml'
    ? consoleTrustConditions(wellKnownOf(provider), '', [])
    : consoleTrustConditions(wellKnownOf(provider), provider.issuer, provider.audiences);
}

/**
 * Makes a provider another kind (SAML, GitHub Actions, Google, …) with that kind's issuer and
 * audiences. Every role that trusted it trusts it again under its new name, with the
 * conditions the console writes for the new kind (the old ones test claims it no longer
 * sends). Switching to `custom` keeps the issuer and audiences an OIDC provider had.
 */
export function setIdentityProviderPreset(
  design: Design,
  args: { id: EntityId; preset: IdentityProviderPreset },
): Design {
  const provider = findEntity(design, args.id);
  if (provider?.kind !== 'identity-provider' || presetOf(provider) === args.preset) return design;
  const base = { kind: provider.kind, id: provider.id, account: provider.account };
  let next: IdentityProvider;
  if (args.preset === 'saml') {
    // SAML provider names are part of the ARN: letters, digits and `._-` only.
    next = { ...base, protocol: 'saml', name: provider.name.replace(/[^\w.-]+/g, '-') };
  } else {
    const defaults = oidcPresets[args.preset];
    const keep = args.preset === 'custom' && provider.protocol === 'oidc';
    next = {
      ...base,
      protocol: 'oidc',
      preset: args.preset,
      name: provider.name,
      issuer: keep ? provider.issuer : defaults.issuer,
      audiences: keep ? [...provider.audiences] : [...defaults.audiences],
    };
  }
  const trusting = [
    ...new Set(
      deriveTrustGraph(design)
        .edges.filter((e) => e.source === provider.id)
        .map((e) => e.target),
    ),
  ];
  let after = design;
  for (const roleId of trusting) after = removeTrustPrincipal(after, roleId, provider.id);
  after = replaceEntity(after, next);
  for (const roleId of trusting) after = addTrustPrincipal(after, roleId, provider.id);
  return after;
}

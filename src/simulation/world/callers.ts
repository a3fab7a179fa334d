// Who can call STS in a design, and the roles they can ask for: the pick lists of the
// "Assume a role" form, each option carrying what the simulator needs to make the call.

import {
  arnOf,
  claimKeysOfProvider,
  federatedNameOf,
  findEntity,
  type Design,
  type EntityId,
  type IdentityProvider,
} from '../../model';

export type DesignCaller =
  | { kind: 'user'; entityId: EntityId; label: string; arn: string; hasMfa: boolean }
  | { kind: 'service'; entityId: EntityId; label: string; service: string }
  | {
      kind: 'federated';
      entityId: EntityId;
      label: string;
      /** How trust policies name the provider: its ARN, or the host of a well-known one. */
      federated: string;
      protocol: 'saml' | 'oidc';
      /** The prefix of its claim keys: `SAML` or the issuer host. */
      claimPrefix: string;
    };

export interface DesignRole {
  entityId: EntityId;
  label: string;
  arn: string;
  maxSessionDuration: number;
}

function accountName(design: Design, accountId: EntityId): string {
  const account = findEntity(design, accountId);
  return account?.kind === 'account' ? account.name : 'no account';
}

function claimPrefixOf(provider: IdentityProvider): string {
  return claimKeysOfProvider(provider).prefix;
}

/** Users, services and identity providers, in the design's order. */
export function designCallers(design: Design): DesignCaller[] {
  const out: DesignCaller[] = [];
  for (const user of design.users) {
    const arn = arnOf(design, user);
    if (!arn) continue;
    out.push({
      kind: 'user',
      entityId: user.id,
      label: `${user.name} (user in ${accountName(design, user.account)})`,
      arn,
      hasMfa: user.hasMfa,
    });
  }
  for (const service of design.services) {
    out.push({
      kind: 'service',
      entityId: service.id,
      label: `${service.name} (service)`,
      service: service.name,
    });
  }
  for (const provider of design.identityProviders) {
    const federated = federatedNameOf(design, provider);
    if (!federated) continue;
    out.push({
      kind: 'federated',
      entityId: provider.id,
      label: `${provider.name} (${provider.protocol === 'saml' ? 'SAML' : 'OIDC'} identity)`,
      federated,
      protocol: provider.protocol,
      claimPrefix: claimPrefixOf(provider),
    });
  }
  return out;
}

export function designRoles(design: Design): DesignRole[] {
  return design.roles.flatMap((role) => {
    const arn = arnOf(design, role);
    if (!arn) return [];
    return [
      {
        entityId: role.id,
        label: `${role.name} (${accountName(design, role.account)})`,
        arn,
        maxSessionDuration: role.maxSessionDuration,
      },
    ];
  });
}

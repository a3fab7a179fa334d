import { findEntity } from './lookup';
import { fillArnTemplate } from './resource-types';
import type { Design, Entity, IdentityProvider, Resource, ResourceType } from './types';

export const PARTITION = 'aws';

export function accountRootArn(awsAccountId: string): string {
  return `arn:${PARTITION}:iam::${awsAccountId}:root`;
}

/** ARN of an IAM user, group or role: `arn:aws:iam::ID:role/path/name`. */
export function iamArn(
  kind: 'user' | 'group' | 'role',
  awsAccountId: string,
  path: string,
  name: string,
): string {
  return `arn:${PARTITION}:iam::${awsAccountId}:${kind}${normalisePath(path)}${name}`;
}

/** `/`, or `/a/b/`: leading and trailing slash, no empty segments. */
export function normalisePath(path: string): string {
  const segments = path.split('/').filter((s) => s !== '');
  return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
}

function identityProviderArn(awsAccountId: string, provider: IdentityProvider): string {
  return provider.protocol === 'saml'
    ? `arn:${PARTITION}:iam::${awsAccountId}:saml-provider/${provider.name}`
    : `arn:${PARTITION}:iam::${awsAccountId}:oidc-provider/${stripScheme(provider.issuer)}`;
}

export function stripScheme(issuer: string): string {
  return issuer.replace(/^https?:\/\//i, '').replace(/\/+$/, '');
}

export function resourceArn(
  type: ResourceType,
  awsAccountId: string,
  region: string,
  name: string,
): string {
  return fillArnTemplate(type, { partition: PARTITION, region, account: awsAccountId, name });
}

function awsAccountIdOf(design: Design, accountEntityId: string): string | undefined {
  const account = findEntity(design, accountEntityId);
  return account?.kind === 'account' ? account.awsAccountId : undefined;
}

/**
 * The ARN of an entity: the root ARN for accounts and outside accounts; undefined for service
 * principals, "Anyone", and entities whose account is missing.
 */
export function arnOf(design: Design, entity: Entity): string | undefined {
  switch (entity.kind) {
    case 'account':
      return accountRootArn(entity.awsAccountId);
    case 'service':
      return undefined;
    case 'outside':
      return entity.scope === 'account' ? accountRootArn(entity.awsAccountId) : undefined;
    default: {
      const id = awsAccountIdOf(design, entity.account);
      if (id === undefined) return undefined;
      return arnInAccount(entity, id);
    }
  }
}

/** ARN the entity would have in the account with this 12-digit id. */
export function arnInAccount(
  entity: Exclude<Entity, { kind: 'account' | 'service' | 'outside' }>,
  awsAccountId: string,
): string {
  switch (entity.kind) {
    case 'user':
    case 'group':
    case 'role':
      return iamArn(entity.kind, awsAccountId, entity.path, entity.name);
    case 'identity-provider':
      return identityProviderArn(awsAccountId, entity);
    case 'resource':
      return resourceArnOf(entity, awsAccountId);
  }
}

function resourceArnOf(resource: Resource, awsAccountId: string): string {
  return resourceArn(resource.resourceType, awsAccountId, resource.region, resource.name);
}

/** The ARN of the entity with this id, if it has one. */
export function arnOfId(design: Design, id: string): string | undefined {
  const entity = findEntity(design, id);
  return entity ? arnOf(design, entity) : undefined;
}

// What a policy can name from the design: users, roles, groups, accounts (and outside
// accounts), service principals, identity providers and resources, with their ARNs.
import { accountOf, allEntities, arnOf, displayName, type Design } from '../model';
import type { DesignEntity } from './language/types';

export function designEntities(design: Design): DesignEntity[] {
  return allEntities(design).flatMap((entity): DesignEntity[] => {
    const name = displayName(entity);
    if (entity.kind === 'service') return [{ kind: 'service', name, arn: entity.name }];
    const arn = arnOf(design, entity);
    if (!arn) return [];
    const accountId =
      entity.kind === 'outside'
        ? entity.scope === 'account'
          ? entity.awsAccountId
          : undefined
        : accountOf(design, entity)?.awsAccountId;
    const kind = entity.kind === 'outside' ? 'account' : entity.kind;
    const audiences =
      entity.kind === 'identity-provider' && entity.protocol === 'oidc'
        ? { audiences: entity.audiences }
        : {};
    return [{ kind, name, arn, ...(accountId ? { accountId } : {}), ...audiences }];
  });
}

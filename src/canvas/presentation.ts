import { resourceTypes, type Entity } from '../model';
import type { GlyphName } from './icons/glyphs';

/** What kind of thing an entity is, in words a person reads on the node. */
export function kindLabel(entity: Entity): string {
  switch (entity.kind) {
    case 'account':
      return 'AWS account';
    case 'user':
      return 'IAM user';
    case 'group':
      return 'IAM group';
    case 'role':
      return 'IAM role';
    case 'service':
      return 'AWS service';
    case 'identity-provider':
      return entity.protocol === 'saml' ? 'SAML provider' : 'OIDC provider';
    case 'outside':
      return entity.scope === 'anyone' ? 'Any principal' : 'External account';
    case 'resource':
      return resourceTypes[entity.resourceType].label;
  }
}

export function glyphOf(entity: Entity): GlyphName {
  switch (entity.kind) {
    case 'outside':
      return entity.scope === 'anyone' ? 'anyone' : 'external-account';
    case 'resource':
      return resourceTypes[entity.resourceType].icon;
    default:
      return entity.kind;
  }
}

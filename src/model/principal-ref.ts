import { identityProviderPreset, isAwsAccountId, parseArn, rootArnAccount } from '../engine';
import { accountRootArn, arnOf, iamArn, stripScheme } from './arn';
import { findEntity, indexOf } from './lookup';
import type { Design, Entity, EntityId, IdentityProvider } from './types';

/** One principal as written in a policy's `Principal` element (`"*"` is `{ type: 'AWS', value: '*' }`). */
export interface PrincipalRef {
  type: 'AWS' | 'Service' | 'Federated';
  value: string;
}

export type AssumeAction =
  'sts:AssumeRole' | 'sts:AssumeRoleWithSAML' | 'sts:AssumeRoleWithWebIdentity';

export function samePrincipal(a: PrincipalRef, b: PrincipalRef): boolean {
  if (a.type !== b.type) return false;
  // IAM compares service and federated principal names case-insensitively.
  return a.type === 'AWS' ? a.value === b.value : a.value.toLowerCase() === b.value.toLowerCase();
}

/** The action a principal uses to assume a role. */
export function assumeActionFor(ref: PrincipalRef): AssumeAction {
  if (ref.type !== 'Federated') return 'sts:AssumeRole';
  return /:saml-provider\//.test(ref.value)
    ? 'sts:AssumeRoleWithSAML'
    : 'sts:AssumeRoleWithWebIdentity';
}

/** How a trust policy names a web identity provider: its host for the well-known ones, else its ARN. */
export function federatedNameOf(design: Design, provider: IdentityProvider): string | undefined {
  if (provider.protocol === 'oidc') {
    const host = stripScheme(provider.issuer).toLowerCase();
    const preset = identityProviderPreset(provider.preset);
    if (preset.namedByHost && preset.issuer === host) return host;
  }
  return arnOf(design, provider);
}

/** How a policy names this entity as a principal; undefined for entities that are not principals. */
export function principalRefOf(design: Design, entity: Entity): PrincipalRef | undefined {
  switch (entity.kind) {
    case 'account':
      return { type: 'AWS', value: accountRootArn(entity.awsAccountId) };
    case 'user':
    case 'role': {
      const arn = arnOf(design, entity);
      return arn === undefined ? undefined : { type: 'AWS', value: arn };
    }
    case 'service':
      return { type: 'Service', value: entity.name };
    case 'identity-provider': {
      const name = federatedNameOf(design, entity);
      return name === undefined ? undefined : { type: 'Federated', value: name };
    }
    case 'outside':
      return entity.scope === 'anyone'
        ? { type: 'AWS', value: '*' }
        : { type: 'AWS', value: accountRootArn(entity.awsAccountId) };
    case 'group':
    case 'resource':
      return undefined;
  }
}

export function principalRefOfId(design: Design, id: EntityId): PrincipalRef | undefined {
  const entity = findEntity(design, id);
  return entity ? principalRefOf(design, entity) : undefined;
}

/** Where a principal of a policy points in the design. */
export type Resolution =
  | {
      found: true;
      source: EntityId;
      /** account id of the principal, when it has one */ awsAccountId?: string;
      /** the principal is narrower than the node (a specific principal in an unmodelled account) */ narrower: boolean;
    }
  | { found: false; reason: string };

/** Finds the node a principal value stands for. */
export function resolvePrincipal(design: Design, ref: PrincipalRef): Resolution {
  const index = principalIndexOf(design);
  if (ref.type === 'Service') {
    const id = index.services.get(ref.value.toLowerCase());
    return id
      ? { found: true, source: id, narrower: false }
      : { found: false, reason: `no service node \`${ref.value}\`` };
  }
  if (ref.type === 'Federated') {
    const id = index.federated.get(ref.value.toLowerCase());
    return id
      ? { found: true, source: id, narrower: false }
      : { found: false, reason: `no identity provider \`${ref.value}\`` };
  }
  if (ref.value === '*') {
    return index.anyone
      ? { found: true, source: index.anyone, narrower: false }
      : { found: false, reason: 'no `Anyone` node' };
  }
  const accountId = isAwsAccountId(ref.value) ? ref.value : rootArnAccount(ref.value);
  if (accountId !== undefined) return resolveAccount(design, index, accountId, false);
  const exact = index.arns.get(ref.value);
  if (exact)
    return { found: true, source: exact.id, awsAccountId: exact.awsAccountId, narrower: false };
  const arn = parseArn(ref.value);
  if (
    !arn ||
    (arn.service !== 'iam' && arn.service !== 'sts') ||
    arn.region !== '' ||
    !isAwsAccountId(arn.account) ||
    arn.resource === ''
  )
    return { found: false, reason: `\`${ref.value}\` is not a principal this design can show` };
  const { service, account, resource } = arn;
  if (service === 'sts' && resource.startsWith('assumed-role/')) {
    const roleName = resource.split('/')[1] ?? '';
    const role = design.roles.find(
      (r) => r.name === roleName && accountAwsId(design, r.account) === account,
    );
    if (role) return { found: true, source: role.id, awsAccountId: account, narrower: true };
  }
  if (indexOf(design).accountByAwsId.has(account)) {
    return { found: false, reason: `\`${ref.value}\` names no entity in account ${account}` };
  }
  return resolveAccount(design, index, account, true);
}

function accountAwsId(design: Design, accountEntityId: EntityId): string | undefined {
  const account = findEntity(design, accountEntityId);
  return account?.kind === 'account' ? account.awsAccountId : undefined;
}

function resolveAccount(
  design: Design,
  index: PrincipalIndex,
  accountId: string,
  narrower: boolean,
): Resolution {
  const modelled = indexOf(design).accountByAwsId.get(accountId);
  if (modelled) return { found: true, source: modelled.id, awsAccountId: accountId, narrower };
  const outside = index.outsideAccounts.get(accountId);
  if (outside) return { found: true, source: outside, awsAccountId: accountId, narrower };
  return { found: false, reason: `account ${accountId} is not in the design` };
}

interface PrincipalIndex {
  arns: Map<string, { id: EntityId; awsAccountId: string }>;
  services: Map<string, EntityId>;
  federated: Map<string, EntityId>;
  outsideAccounts: Map<string, EntityId>;
  anyone?: EntityId;
}

const memo = new WeakMap<Design, { signature: string; index: PrincipalIndex }>();
let last: { signature: string; index: PrincipalIndex } | undefined;

/**
 * A string that changes whenever anything a principal resolves to changes (ids, accounts, names,
 * paths, providers); trust edges of an unchanged role can be reused while it stays the same.
 */
export function principalSignature(design: Design): string {
  return principalUniverse(design).signature;
}

function principalUniverse(design: Design): { signature: string; index: PrincipalIndex } {
  const hit = memo.get(design);
  if (hit) return hit;
  const signature = [
    part(design.accounts, (a) => `a${a.id}|${a.awsAccountId}`),
    part(design.users, (e) => `u${e.id}|${e.account}|${e.path}|${e.name}`),
    part(design.roles, (e) => `r${e.id}|${e.account}|${e.path}|${e.name}`),
    part(design.services, (e) => `s${e.id}|${e.name}`),
    part(
      design.identityProviders,
      (p) =>
        `i${p.id}|${p.account}|${p.name}|${p.protocol === 'oidc' ? `${p.preset}|${p.issuer}` : ''}`,
    ),
    part(
      design.outsidePrincipals,
      (o) => `o${o.id}|${o.scope === 'account' ? o.awsAccountId : '*'}`,
    ),
  ].join('\n');
  const universe =
    last?.signature === signature ? last : { signature, index: buildPrincipalIndex(design) };
  last = universe;
  memo.set(design, universe);
  return universe;
}

const parts = new WeakMap<readonly object[], string>();

/** One collection's share of the signature, kept per array object (unchanged arrays cost nothing). */
function part<T extends object>(list: readonly T[], line: (item: T) => string): string {
  let text = parts.get(list);
  if (text === undefined) {
    text = list.map(line).join('\n');
    parts.set(list, text);
  }
  return text;
}

function principalIndexOf(design: Design): PrincipalIndex {
  return principalUniverse(design).index;
}

/** Built from ids and names only (see `principalSignature`), so it can serve any design with the same signature. */
function buildPrincipalIndex(design: Design): PrincipalIndex {
  const index: PrincipalIndex = {
    arns: new Map(),
    services: new Map(),
    federated: new Map(),
    outsideAccounts: new Map(),
  };
  const byAccount = indexOf(design).byId;
  for (const entity of [...design.users, ...design.roles]) {
    const account = byAccount.get(entity.account);
    if (account?.kind !== 'account') continue;
    const arn = iamArn(entity.kind, account.awsAccountId, entity.path, entity.name);
    if (!index.arns.has(arn))
      index.arns.set(arn, { id: entity.id, awsAccountId: account.awsAccountId });
  }
  for (const service of design.services) index.services.set(service.name.toLowerCase(), service.id);
  for (const provider of design.identityProviders) {
    const arn = arnOf(design, provider);
    if (arn) index.federated.set(arn.toLowerCase(), provider.id);
    const name = federatedNameOf(design, provider);
    if (name && !index.federated.has(name.toLowerCase()))
      index.federated.set(name.toLowerCase(), provider.id);
  }
  for (const outside of design.outsidePrincipals) {
    if (outside.scope === 'anyone') index.anyone ??= outside.id;
    else if (!index.outsideAccounts.has(outside.awsAccountId))
      index.outsideAccounts.set(outside.awsAccountId, outside.id);
  }
  return index;
}

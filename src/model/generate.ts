import { drain, drainInSlices, type Pause } from './entity-memo';
import { oidcPresets } from './factories';
import { resourceTypeIds, resourceTypes } from './resource-types';
import {
  DEFAULT_MAX_SESSION_DURATION,
  FORMAT_VERSION,
  type Account,
  type Design,
  type Group,
  type IdentityProvider,
  type ManagedPolicy,
  type OutsidePrincipal,
  type Position,
  type Resource,
  type ResourceType,
  type Role,
  type ServicePrincipal,
  type User,
} from './types';

export interface GenerateOptions {
  /** Total number of entities (nodes), accounts included. */
  nodes: number;
  /** Same seed, same design. */
  seed: number;
  /** Entities per account, roughly; default 100. */
  perAccount?: number;
}

/** mulberry32: a small, fast, seedable PRNG. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SERVICES = [
  'lambda.amazonaws.com',
  'ec2.amazonaws.com',
  'ecs-tasks.amazonaws.com',
  'states.amazonaws.com',
  'events.amazonaws.com',
];
const KIND_WEIGHTS: [EntityKindGenerated, number][] = [
  ['role', 40],
  ['user', 25],
  ['resource', 22],
  ['group', 10],
  ['idp', 3],
];
type EntityKindGenerated = 'role' | 'user' | 'resource' | 'group' | 'idp';

const NODE_W = 180;
const NODE_H = 64;
const COLUMNS = 8;
const PAD = 40;

const text = (statements: object[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);

/** Entities made between two steps of `designSteps` (a step is a few milliseconds). */
const STEP = 500;

/**
 * A large design for benchmarks: `nodes` entities spread over accounts, roles trusting users,
 * roles, accounts, services and providers (some with conditions), identity and resource
 * policies, and a grid layout with accounts as containers. Deterministic by seed.
 */
export function generateDesign(options: GenerateOptions): Design {
  return drain(designSteps(options));
}

/**
 * `generateDesign`, the same design, made with `pause()` asked every few hundred entities:
 * for opening a generated design of 20,000 nodes without one long task.
 */
export function generateDesignInSlices(options: GenerateOptions, pause: Pause): Promise<Design> {
  return drainInSlices(designSteps(options), pause);
}

function* designSteps(options: GenerateOptions): Generator<void, Design> {
  const rand = random(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const n = Math.max(1, Math.floor(options.nodes));

  const serviceCount = n >= 50 ? SERVICES.length : 0;
  const outsideCount = n >= 50 ? 3 : 0; // two outside accounts and Anyone
  const inAccounts = n - serviceCount - outsideCount;
  const accountCount = Math.max(1, Math.round(inAccounts / (options.perAccount ?? 100)));

  const accounts: Account[] = Array.from({ length: accountCount }, (_, i) => ({
    kind: 'account',
    id: `account-${i + 1}`,
    awsAccountId: String(100000000000 + i * 1111),
    name: `Account ${i + 1}`,
  }));
  const services: ServicePrincipal[] = SERVICES.slice(0, serviceCount).map((name, i) => ({
    kind: 'service',
    id: `service-${i + 1}`,
    name,
  }));
  const outsidePrincipals: OutsidePrincipal[] =
    outsideCount > 0
      ? [
          {
            kind: 'outside',
            scope: 'account',
            id: 'outside-1',
            name: 'Vendor',
            awsAccountId: '999999999901',
          },
          {
            kind: 'outside',
            scope: 'account',
            id: 'outside-2',
            name: 'Auditor',
            awsAccountId: '999999999902',
          },
          { kind: 'outside', scope: 'anyone', id: 'anyone', name: 'Anyone' },
        ]
      : [];

  const users: User[] = [];
  const groups: Group[] = [];
  const roles: Role[] = [];
  const resources: Resource[] = [];
  const identityProviders: IdentityProvider[] = [];
  const totalWeight = KIND_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  const chooseKind = (): EntityKindGenerated => {
    let r = rand() * totalWeight;
    for (const [kind, w] of KIND_WEIGHTS) if ((r -= w) < 0) return kind;
    return 'role';
  };

  const members: Record<string, string[]> = {};
  for (let i = 0; i < inAccounts - accountCount; i++) {
    if (i % STEP === STEP - 1) yield;
    const account = accounts[i % accountCount]!;
    const kind = chooseKind();
    (members[account.id] ??= []).push(`${kind}-${i}`);
    const base = { account: account.id, path: '/' };
    if (kind === 'user')
      users.push({
        kind: 'user',
        id: `user-${i}`,
        name: `user${i}`,
        ...base,
        groups: [],
        policies: [],
        permissionsBoundary: null,
        tags: { team: pick(['red', 'blue', 'green']) },
        hasLongTermKeys: rand() < 0.5,
        hasMfa: rand() < 0.7,
      });
    if (kind === 'group')
      groups.push({ kind: 'group', id: `group-${i}`, name: `group${i}`, ...base, policies: [] });
    if (kind === 'role')
      roles.push({
        kind: 'role',
        id: `role-${i}`,
        name: `Role${i}`,
        ...base,
        description: '',
        trustPolicy: '',
        policies: [],
        permissionsBoundary: null,
        maxSessionDuration: DEFAULT_MAX_SESSION_DURATION,
        tags: {},
      });
    if (kind === 'resource') {
      const resourceType = pick(resourceTypeIds);
      resources.push({
        kind: 'resource',
        id: `resource-${i}`,
        name: `res-${i}-${account.awsAccountId}`,
        account: account.id,
        resourceType,
        region: 'us-east-1',
        policy: '',
        tags: {},
      });
    }
    if (kind === 'idp') {
      identityProviders.push(
        rand() < 0.5
          ? {
              kind: 'identity-provider',
              protocol: 'saml',
              id: `idp-${i}`,
              name: `Saml${i}`,
              account: account.id,
            }
          : {
              kind: 'identity-provider',
              protocol: 'oidc',
              id: `idp-${i}`,
              account: account.id,
              preset: 'github-actions',
              ...oidcPresets['github-actions'],
              name: `GitHub ${i}`,
            },
      );
    }
  }

  // Looked up by account (not filtered or searched per entity: quadratic at 10,000 nodes).
  const accountIndex = new Map(accounts.map((a) => [a.id, a]));
  const accountById = (_: Account[], id: string) => accountIndex.get(id)!;
  const groupsByAccount = byAccount(groups);
  const resourcesByAccount = byAccount(resources);
  const arnOfRole = (r: Role) =>
    `arn:aws:iam::${accountById(accounts, r.account).awsAccountId}:role/${r.name}`;
  const arnOfUser = (u: User) =>
    `arn:aws:iam::${accountById(accounts, u.account).awsAccountId}:user/${u.name}`;
  for (const user of users) {
    const own = groupsByAccount.get(user.account) ?? [];
    if (own.length > 0 && rand() < 0.6) user.groups = [pick(own).id];
  }
  // One AWS managed policy, attached to every group.
  const readOnly: ManagedPolicy = {
    id: 'managed-readonly',
    type: 'aws-managed',
    name: 'ReadOnly',
    path: '/',
    description: '',
    text: text([{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: '*' }]),
  };
  for (const group of groups) group.policies = [{ attachment: 'managed', id: readOnly.id }];

  for (const [i, role] of roles.entries()) {
    if (i % STEP === STEP - 1) yield;
    const statements: object[] = [];
    const count = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < count; k++) {
      const r = rand();
      if (r < 0.3 && users.length > 0) {
        statements.push({
          Effect: 'Allow',
          Principal: { AWS: arnOfUser(pick(users)) },
          Action: 'sts:AssumeRole',
          ...(rand() < 0.5
            ? { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }
            : {}),
        });
      } else if (r < 0.55) {
        const other = pick(roles);
        if (other !== role)
          statements.push({
            Effect: 'Allow',
            Principal: { AWS: arnOfRole(other) },
            Action: 'sts:AssumeRole',
          });
      } else if (r < 0.7) {
        statements.push({
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${pick(accounts).awsAccountId}:root` },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': `ext-${role.id}` } },
        });
      } else if (r < 0.85 && services.length > 0) {
        statements.push({
          Effect: 'Allow',
          Principal: { Service: pick(services).name },
          Action: 'sts:AssumeRole',
        });
      } else if (r < 0.93 && identityProviders.length > 0) {
        const idp = pick(identityProviders);
        const arn = `arn:aws:iam::${accountById(accounts, idp.account).awsAccountId}:${idp.protocol === 'saml' ? `saml-provider/${idp.name}` : `oidc-provider/${(idp as { issuer: string }).issuer}`}`;
        statements.push({
          Effect: 'Allow',
          Principal: { Federated: arn },
          Action:
            idp.protocol === 'saml' ? 'sts:AssumeRoleWithSAML' : 'sts:AssumeRoleWithWebIdentity',
        });
      } else if (r < 0.98 && outsidePrincipals.length > 0) {
        statements.push({
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${pick(['999999999901', '999999999902'])}:root` },
          Action: 'sts:AssumeRole',
        });
      } else if (outsidePrincipals.length > 0) {
        statements.push({
          Effect: 'Allow',
          Principal: '*',
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-example' } },
        });
      }
    }
    role.trustPolicy = text(statements);
    const own = resourcesByAccount.get(role.account) ?? [];
    if (own.length > 0) {
      const target = pick(own);
      role.policies = [
        {
          id: `${role.id}-p`,
          name: 'Work',
          attachment: 'inline',
          text: text([
            { Effect: 'Allow', Action: `${prefixOf(target.resourceType)}:*`, Resource: '*' },
          ]),
        },
      ];
    }
  }
  for (const [i, resource] of resources.entries()) {
    if (i % STEP === STEP - 1) yield;
    if (rand() < 0.3) {
      const account = accountById(accounts, resource.account);
      resource.policy = text([
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${account.awsAccountId}:root` },
          Action: `${prefixOf(resource.resourceType)}:*`,
          Resource: '*',
        },
      ]);
    }
  }

  yield;
  const layout = gridLayout(
    accounts,
    members,
    [...services, ...outsidePrincipals].map((e) => e.id),
  );
  return {
    formatVersion: FORMAT_VERSION,
    id: `design-generated-${options.seed}-${n}`,
    name: `Generated ${n} nodes (seed ${options.seed})`,
    accounts,
    users,
    groups,
    roles,
    services,
    identityProviders,
    outsidePrincipals,
    resources,
    managedPolicies: groups.length > 0 ? [readOnly] : [],
    layout,
    drafts: {},
  };
}

/** The items of each account, in their order. */
function byAccount<T extends { account: string }>(items: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(item.account);
    if (list) list.push(item);
    else map.set(item.account, [item]);
  }
  return map;
}

function prefixOf(type: ResourceType): string {
  return resourceTypes[type].service;
}

/** Accounts stacked in a column of containers, members on a grid inside, global nodes on the right. */
function gridLayout(
  accounts: Account[],
  members: Record<string, string[]>,
  globals: string[],
): Record<string, Position> {
  const layout: Record<string, Position> = {};
  let y = 0;
  const width = PAD * 2 + COLUMNS * (NODE_W + PAD) - PAD;
  for (const account of accounts) {
    const list = members[account.id] ?? [];
    const rows = Math.max(1, Math.ceil(list.length / COLUMNS));
    const height = PAD * 2 + rows * (NODE_H + PAD);
    layout[account.id] = { x: 0, y, width, height };
    list.forEach((member, i) => {
      layout[member] = {
        x: PAD + (i % COLUMNS) * (NODE_W + PAD),
        y: y + PAD * 1.5 + Math.floor(i / COLUMNS) * (NODE_H + PAD),
      };
    });
    y += height + PAD * 2;
  }
  globals.forEach((id, i) => (layout[id] = { x: width + PAD * 3, y: i * (NODE_H + PAD) }));
  return layout;
}

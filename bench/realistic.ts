/**
 * A seeded generator of realistic authorization requests: the shape measured on real
 * organizations (about 3 policies, 5 statements, 3 conditions and 5 context keys per request),
 * with every principal kind, same- and cross-account access, identity, resource, boundary,
 * session, SCP and RCP levels, Action/NotAction and Resource/NotResource with wildcards, and
 * conditions of every operator family whose context sometimes matches and sometimes not.
 * Deterministic: the same seed gives the same sets and requests.
 */
import type { PolicyDocument, PolicyInputs, RequestInput } from '../src/engine/index.ts';

/** A small fast PRNG (mulberry32). */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Pick {
  rnd: () => number;
  one<T>(list: readonly T[]): T;
  chance(p: number): boolean;
  int(min: number, max: number): number;
  some<T>(list: readonly T[], min: number, max: number): T[];
}

function picker(rnd: () => number): Pick {
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  return {
    rnd,
    int,
    one: (list) => list[Math.floor(rnd() * list.length)]!,
    chance: (p) => rnd() < p,
    some: (list, min, max) => {
      const n = Math.min(list.length, int(min, max));
      const pool = [...list];
      const out = [];
      for (let i = 0; i < n; i++) out.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0]!);
      return out;
    },
  };
}

const ACCOUNTS = ['111111111111', '222222222222', '333333333333'];
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
const TEAMS = ['blue', 'red', 'green'];
const ORG = 'o-a1b2c3d4e5';

interface Service {
  prefix: string;
  actions: string[];
  resource: (account: string, region: string, name: string) => string;
  names: string[];
}

const SERVICES: Service[] = [
  {
    prefix: 's3',
    actions: ['GetObject', 'PutObject', 'DeleteObject', 'ListBucket', 'GetBucketPolicy'],
    resource: (_a, _r, n) => `arn:aws:s3:::${n}`,
    names: ['reports', 'reports/2026/q1.csv', 'logs/app/1.gz', 'public/index.html', 'backups/db'],
  },
  {
    prefix: 'sqs',
    actions: ['SendMessage', 'ReceiveMessage', 'DeleteMessage', 'GetQueueAttributes'],
    resource: (a, r, n) => `arn:aws:sqs:${r}:${a}:${n}`,
    names: ['orders', 'orders-dlq', 'events'],
  },
  {
    prefix: 'dynamodb',
    actions: ['GetItem', 'PutItem', 'Query', 'Scan', 'DeleteTable'],
    resource: (a, r, n) => `arn:aws:dynamodb:${r}:${a}:table/${n}`,
    names: ['Users', 'Orders', 'Sessions'],
  },
  {
    prefix: 'kms',
    actions: ['Decrypt', 'Encrypt', 'GenerateDataKey', 'ScheduleKeyDeletion'],
    resource: (a, r, n) => `arn:aws:kms:${r}:${a}:key/${n}`,
    names: ['1234abcd-12ab-34cd-56ef-1234567890ab', '0987dcba-09fe-87dc-65ba-ab0987654321'],
  },
  {
    prefix: 'lambda',
    actions: ['InvokeFunction', 'GetFunction', 'UpdateFunctionCode'],
    resource: (a, r, n) => `arn:aws:lambda:${r}:${a}:function:${n}`,
    names: ['api', 'worker', 'api:prod'],
  },
  {
    prefix: 'ec2',
    actions: ['RunInstances', 'TerminateInstances', 'DescribeInstances', 'StopInstances'],
    resource: (a, r, n) => `arn:aws:ec2:${r}:${a}:instance/${n}`,
    names: ['i-0abc123', 'i-0def456'],
  },
  {
    prefix: 'iam',
    actions: ['PassRole', 'CreateUser', 'GetRole', 'AttachRolePolicy'],
    resource: (a, _r, n) => `arn:aws:iam::${a}:role/${n}`,
    names: ['Deploy', 'app/Worker', 'Admin'],
  },
  {
    prefix: 'sts',
    actions: ['AssumeRole', 'TagSession', 'GetCallerIdentity'],
    resource: (a, _r, n) => `arn:aws:iam::${a}:role/${n}`,
    names: ['Deploy', 'ReadOnly'],
  },
];

function actionPattern(p: Pick, service: Service): string {
  const roll = p.rnd();
  if (roll < 0.55) return `${service.prefix}:${p.one(service.actions)}`;
  if (roll < 0.8) return `${service.prefix}:${p.one(service.actions).slice(0, 3)}*`;
  if (roll < 0.95) return `${service.prefix}:*`;
  return '*';
}

function resourcePattern(p: Pick, service: Service, account: string): string {
  const roll = p.rnd();
  if (roll < 0.12) return '*';
  const region = p.chance(0.5) ? '*' : p.one(REGIONS);
  const name = p.one(service.names);
  if (roll < 0.45) return service.resource(account, region, name);
  if (roll < 0.75) return service.resource(account, region, `${name.slice(0, 2)}*`);
  if (roll < 0.85) return service.resource(p.chance(0.5) ? '*' : account, '*', '*');
  if (roll < 0.93) return service.resource(account, region, `${name.slice(0, 1)}?${name.slice(2)}`);
  // A policy variable in the resource part.
  return service.resource(account, region, '${aws:PrincipalTag/team}*');
}

type Condition = Record<string, Record<string, string | string[]>>;

/** One condition per operator family, each with its context key and request values that match or not. */
const CONDITIONS: ((p: Pick) => Condition)[] = [
  (p) => ({ StringEquals: { 'aws:PrincipalTag/team': p.one(TEAMS) } }),
  (p) => ({ StringNotEquals: { 'aws:RequestedRegion': p.some(REGIONS, 1, 2) } }),
  (p) => ({ StringLike: { 's3:prefix': [`${p.one(['home', 'logs', 'public'])}/*`] } }),
  (p) => ({
    StringNotLike: { 'aws:PrincipalArn': `arn:aws:iam::*:role/${p.one(['Admin', 'Break*'])}` },
  }),
  (p) => ({ StringEqualsIgnoreCase: { 'aws:PrincipalTag/env': p.one(['PROD', 'dev']) } }),
  (p) => ({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': p.some(['env', 'team', 'cost'], 1, 2) } }),
  () => ({ 'ForAllValues:StringLike': { 'aws:TagKeys': ['env', 'team*'] } }),
  (p) => ({ NumericLessThan: { 'aws:MultiFactorAuthAge': String(p.one([900, 3600, 43200])) } }),
  (p) => ({ NumericGreaterThanEquals: { 's3:max-keys': String(p.one([10, 100])) } }),
  (p) => ({
    DateGreaterThan: { 'aws:CurrentTime': p.one(['2025-06-01T00:00:00Z', '2026-06-01T00:00:00Z']) },
  }),
  (p) => ({
    DateLessThan: { 'aws:TokenIssueTime': p.one(['2026-01-01T12:00:00Z', '1767225600']) },
  }),
  (p) => ({ Bool: { 'aws:SecureTransport': p.one(['true', 'false']) } }),
  () => ({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } }),
  (p) => ({
    IpAddress: {
      'aws:SourceIp': p.some(['203.0.113.0/24', '198.51.100.7/32', '2001:db8::/32'], 1, 2),
    },
  }),
  (p) => ({ NotIpAddress: { 'aws:SourceIp': p.one(['10.0.0.0/8', '192.0.2.0/24']) } }),
  (p) => ({ ArnLike: { 'aws:SourceArn': `arn:aws:sns:*:${p.one(ACCOUNTS)}:*` } }),
  (p) => ({ ArnNotEquals: { 'aws:PrincipalArn': `arn:aws:iam::${p.one(ACCOUNTS)}:role/Deploy` } }),
  (p) => ({ Null: { 'aws:SourceVpce': p.one(['true', 'false']) } }),
  (p) => ({ StringEquals: { 'aws:PrincipalOrgID': p.chance(0.8) ? ORG : 'o-other' } }),
  (p) => ({ BinaryEquals: { 'aws:userid': p.one(['QUlEQUVYQU1QTEU=', 'b3RoZXI=']) } }),
  () => ({ StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } }),
  (p) => ({ StringLikeIfExists: { 'aws:RequestTag/project': p.one(['alpha*', 'b?ta']) } }),
];

function conditionBlock(p: Pick, count: number): Condition | undefined {
  if (count === 0) return undefined;
  const out: Condition = {};
  for (let i = 0; i < count; i++) {
    for (const [op, block] of Object.entries(p.one(CONDITIONS)(p)))
      out[op] = { ...out[op], ...block };
  }
  return out;
}

function statement(
  p: Pick,
  account: string,
  services: Service[],
  options: { effect?: 'Allow' | 'Deny'; principal?: unknown; conditions: number },
): Record<string, unknown> {
  const effect = options.effect ?? (p.chance(0.8) ? 'Allow' : 'Deny');
  const inService = p.some(services, 1, 2);
  const actions = inService.flatMap((s) => [
    actionPattern(p, s),
    ...(p.chance(0.4) ? [actionPattern(p, s)] : []),
  ]);
  const resources = inService.map((s) => resourcePattern(p, s, account));
  const out: Record<string, unknown> = { Effect: effect };
  if (options.principal !== undefined) out.Principal = options.principal;
  out[p.chance(0.1) ? 'NotAction' : 'Action'] = actions.length === 1 ? actions[0] : actions;
  out[p.chance(0.08) ? 'NotResource' : 'Resource'] =
    resources.length === 1 ? resources[0] : resources;
  const condition = conditionBlock(p, options.conditions);
  if (condition) out.Condition = condition;
  if (p.chance(0.5)) out.Sid = `S${p.int(1, 999)}`;
  return out;
}

function policy(Statement: Record<string, unknown>[]): PolicyDocument {
  return { Version: '2012-10-17', Statement };
}

const conditionCount = (p: Pick) => p.one([0, 0, 0, 1, 1, 1, 2]);

type PrincipalKind =
  | 'user'
  | 'role-session'
  | 'role'
  | 'root'
  | 'federated-user'
  | 'service'
  | 'anonymous'
  | 'web-identity'
  | 'saml';
const KINDS: PrincipalKind[] = [
  'user',
  'user',
  'user',
  'role-session',
  'role-session',
  'role-session',
  'role-session',
  'role',
  'federated-user',
  'root',
  'service',
  'anonymous',
  'web-identity',
  'saml',
];

function principalOf(p: Pick, kind: PrincipalKind, account: string): string {
  switch (kind) {
    case 'user':
      return `arn:aws:iam::${account}:user/${p.one(['alice', 'bob', 'ci'])}`;
    case 'role-session':
      return `arn:aws:sts::${account}:assumed-role/${p.one(['Deploy', 'ReadOnly', 'Worker'])}/${p.one(['s1', 'gha-123', 'alice@example.com'])}`;
    case 'role':
      return `arn:aws:iam::${account}:role/${p.one(['Deploy', 'ReadOnly'])}`;
    case 'root':
      return `arn:aws:iam::${account}:root`;
    case 'federated-user':
      return `arn:aws:sts::${account}:federated-user/${p.one(['carol', 'dave'])}`;
    case 'service':
      return p.one(['lambda.amazonaws.com', 'events.amazonaws.com', 'sns.amazonaws.com']);
    case 'anonymous':
      return 'anonymous';
    case 'web-identity':
      return p.chance(0.5)
        ? `arn:aws:iam::${account}:oidc-provider/${GITHUB}`
        : p.one(['accounts.google.com', 'cognito-identity.amazonaws.com']);
    case 'saml':
      return `arn:aws:iam::${account}:saml-provider/${p.one(['Okta', 'ADFS'])}`;
  }
}

const GITHUB = 'token.actions.githubusercontent.com';

/**
 * A trust statement for a web identity or SAML provider: the provider (or another), with the
 * audience and subject conditions such trusts carry (sometimes met by the request, sometimes not).
 */
function federatedTrust(p: Pick, principal: string, account: string): Record<string, unknown> {
  const saml = principal.includes(':saml-provider/');
  const named = p.chance(0.8)
    ? principal
    : saml
      ? `arn:aws:iam::${account}:saml-provider/Other`
      : 'graph.facebook.com';
  const host = principal.includes(':oidc-provider/') ? GITHUB : principal;
  const condition: Condition = saml
    ? { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } }
    : { StringEquals: { [`${host}:aud`]: p.one(['sts.amazonaws.com', 'my-app-id']) } };
  if (!saml && p.chance(0.6))
    condition.StringLike = { [`${host}:sub`]: p.one(['repo:org/app:*', 'repo:org/*', 'user-*']) };
  if (host === 'cognito-identity.amazonaws.com' && p.chance(0.7))
    condition['ForAnyValue:StringLike'] = { [`${host}:amr`]: 'authenticated' };
  return {
    Effect: p.chance(0.9) ? 'Allow' : 'Deny',
    Principal: { Federated: named },
    Action: saml ? 'sts:AssumeRoleWithSAML' : p.one(['sts:AssumeRoleWithWebIdentity', 'sts:*']),
    Condition: condition,
  };
}

/** The claims a web identity or SAML request carries as context keys. */
function federatedContext(p: Pick, principal: string): Record<string, string | string[]> {
  if (principal.includes(':saml-provider/'))
    return {
      'SAML:aud': p.one(['https://signin.aws.amazon.com/saml', 'https://example.com/acs']),
      'SAML:sub': p.one(['alice@example.com', 'bob@example.com']),
      'aws:SourceIp': p.one(['203.0.113.9', '10.1.2.3']),
    };
  const host = principal.includes(':oidc-provider/') ? GITHUB : principal;
  const ctx: Record<string, string | string[]> = {
    [`${host}:aud`]: p.one(['sts.amazonaws.com', 'my-app-id', 'other']),
    [`${host}:sub`]: p.one(['repo:org/app:ref:refs/heads/main', 'repo:evil/app:pull', 'user-1']),
    'aws:SourceIp': p.one(['203.0.113.9', '10.1.2.3']),
  };
  if (host === 'cognito-identity.amazonaws.com')
    ctx[`${host}:amr`] = p.one([['authenticated', 'cognito-idp'], ['unauthenticated']]);
  return ctx;
}

/** A Principal element for a resource policy: naming the caller, its role, its account, `*`, a service, or someone else. */
function resourcePrincipal(p: Pick, principal: string, account: string): unknown {
  const roll = p.rnd();
  if (roll < 0.2) return '*';
  if (roll < 0.45) return { AWS: p.chance(0.5) ? account : `arn:aws:iam::${account}:root` };
  if (roll < 0.65 && principal.startsWith('arn:')) return { AWS: principal };
  if (roll < 0.75) return { AWS: `arn:aws:iam::${account}:role/Deploy` };
  if (roll < 0.85) return { Service: p.one(['lambda.amazonaws.com', 'sns.amazonaws.com']) };
  return { AWS: [`arn:aws:iam::${p.one(ACCOUNTS)}:user/mallory`, p.one(ACCOUNTS)] };
}

/** One policy set and the requests made against it. */
export interface GeneratedSet {
  policies: PolicyInputs;
  requests: RequestInput[];
}

function contextFor(
  p: Pick,
  kind: PrincipalKind,
  account: string,
): Record<string, string | string[]> {
  const ctx: Record<string, string | string[]> = {};
  const keys: [string, () => string | string[]][] = [
    [
      'aws:SourceIp',
      () => p.one(['203.0.113.9', '198.51.100.7', '10.1.2.3', '2001:db8::5', '192.0.2.44']),
    ],
    ['aws:PrincipalTag/team', () => p.one(TEAMS)],
    ['aws:PrincipalTag/env', () => p.one(['prod', 'Dev', 'test'])],
    ['aws:RequestedRegion', () => p.one(REGIONS)],
    ['aws:SecureTransport', () => p.one(['true', 'false'])],
    ['aws:MultiFactorAuthAge', () => String(p.one([60, 1800, 7200, 90000]))],
    ['aws:MultiFactorAuthPresent', () => p.one(['true', 'false'])],
    ['s3:prefix', () => p.one(['home/alice/', 'logs/2026', 'public/a', 'tmp/'])],
    ['s3:max-keys', () => String(p.one([5, 50, 500]))],
    ['aws:TagKeys', () => p.some(['env', 'team', 'cost', 'owner'], 1, 3)],
    ['aws:TokenIssueTime', () => p.one(['2025-12-31T23:00:00Z', '2026-01-01T13:00:00Z'])],
    ['aws:SourceArn', () => `arn:aws:sns:us-east-1:${p.one(ACCOUNTS)}:topic`],
    ['aws:SourceVpce', () => 'vpce-1a2b3c4d'],
    ['aws:PrincipalOrgID', () => (p.chance(0.8) ? ORG : 'o-zzzzzzzzzz')],
    ['aws:userid', () => p.one(['AIDAEXAMPLE', 'other'])],
    ['aws:ResourceTag/team', () => p.one(TEAMS)],
    ['aws:RequestTag/project', () => p.one(['alpha-1', 'beta', 'gamma'])],
  ];
  for (const [key, value] of p.some(keys, 3, 7)) ctx[key] = value();
  if (kind === 'role-session' && p.chance(0.3))
    ctx['aws:PrincipalArn'] =
      `arn:aws:iam::${account}:role/path/${p.one(['Deploy', 'ReadOnly', 'Worker'])}`;
  return ctx;
}

function generateSet(p: Pick, requestsPerSet: number): GeneratedSet {
  const kind = p.one(KINDS);
  const account = p.one(ACCOUNTS);
  const principal = principalOf(p, kind, account);
  const services = p.some(SERVICES, 2, 4);
  const resourceAccount = p.chance(0.7) ? account : p.one(ACCOUNTS.filter((a) => a !== account));
  const policies: PolicyInputs = {};
  const stmts = (n: number, opts: { effect?: 'Allow' | 'Deny'; principal?: () => unknown } = {}) =>
    Array.from({ length: n }, () =>
      statement(p, p.chance(0.85) ? resourceAccount : '*', services, {
        effect: opts.effect,
        principal: opts.principal?.(),
        conditions: conditionCount(p),
      }),
    );
  policies.identity = Array.from({ length: p.int(1, 2) }, () => policy(stmts(p.int(1, 3))));
  if (p.chance(0.25))
    policies.permissionsBoundary = policy(stmts(p.int(1, 3), { effect: 'Allow' }));
  if (
    (kind === 'role-session' || kind === 'federated-user') &&
    p.chance(kind === 'federated-user' ? 0.8 : 0.3)
  )
    policies.session = [policy(stmts(p.int(1, 2), { effect: 'Allow' }))];
  const federated = kind === 'web-identity' || kind === 'saml';
  if (federated)
    policies.resource = policy([
      ...Array.from({ length: p.int(1, 2) }, () => federatedTrust(p, principal, account)),
      ...stmts(p.int(0, 1), { principal: () => resourcePrincipal(p, principal, account) }),
    ]);
  else if (p.chance(0.55))
    policies.resource = policy(
      stmts(p.int(1, 3), { principal: () => resourcePrincipal(p, principal, account) }),
    );
  if (p.chance(0.5)) {
    const full = policy([{ Effect: 'Allow', Action: '*', Resource: '*' }]);
    policies.scp = Array.from({ length: p.int(1, 3) }, (_, l) =>
      l === 0 || p.chance(0.6)
        ? [full, ...(p.chance(0.5) ? [policy(stmts(1, { effect: 'Deny' }))] : [])]
        : [policy(stmts(p.int(1, 2), { effect: 'Allow' }))],
    );
  }
  if (p.chance(0.3)) policies.rcp = [[policy(stmts(1, { effect: 'Deny', principal: () => '*' }))]];

  const requests: RequestInput[] = [];
  for (let i = 0; i < requestsPerSet; i++) {
    if (federated && p.chance(0.7)) {
      requests.push({
        principal,
        action: kind === 'saml' ? 'sts:AssumeRoleWithSAML' : 'sts:AssumeRoleWithWebIdentity',
        resource: `arn:aws:iam::${resourceAccount}:role/${p.one(['Deploy', 'ReadOnly'])}`,
        context: federatedContext(p, principal),
        now: p.one(['2026-01-01T00:00:00Z', '2026-07-01T12:30:00Z']),
      });
      continue;
    }
    const service = p.chance(0.9) ? p.one(services) : p.one(SERVICES);
    const resource = service.resource(resourceAccount, p.one(REGIONS), p.one(service.names));
    const request: RequestInput = {
      principal,
      action: `${service.prefix}:${p.one(service.actions)}`,
      resource,
      context: contextFor(p, kind, account),
      now: p.one(['2026-01-01T00:00:00Z', '2026-07-01T12:30:00Z']),
    };
    if (service.prefix === 's3') request.resourceAccount = resourceAccount;
    requests.push(request);
  }
  return { policies, requests };
}

/** `sets` policy sets with `requestsPerSet` requests each, from `seed`. */
export function generateRealistic(
  seed: number,
  sets: number,
  requestsPerSet: number,
): GeneratedSet[] {
  const p = picker(seededRandom(seed));
  return Array.from({ length: sets }, () => generateSet(p, requestsPerSet));
}

/** Averages of the generated shape (to compare with real organizations). */
export function shapeOf(sets: GeneratedSet[]): {
  policies: number;
  statements: number;
  conditions: number;
  contextKeys: number;
} {
  let policies = 0;
  let statements = 0;
  let conditions = 0;
  let contextKeys = 0;
  let requests = 0;
  for (const s of sets) {
    const docs = [
      ...(s.policies.identity ?? []),
      ...(s.policies.permissionsBoundary ? [s.policies.permissionsBoundary] : []),
      ...(s.policies.session ?? []),
      ...(s.policies.resource ? [s.policies.resource] : []),
      ...(s.policies.scp ?? []).flat(),
      ...(s.policies.rcp ?? []).flat(),
    ];
    const stmts = docs.flatMap((d) => d.Statement as Record<string, unknown>[]);
    const conds = stmts.reduce(
      (n, st) =>
        n +
        Object.values((st.Condition ?? {}) as Record<string, object>).reduce(
          (m, b) => m + Object.keys(b).length,
          0,
        ),
      0,
    );
    for (const r of s.requests) {
      requests++;
      policies += docs.length;
      statements += stmts.length;
      conditions += conds;
      contextKeys += Object.keys(r.context ?? {}).length;
    }
  }
  const avg = (n: number) => Math.round((n / requests) * 10) / 10;
  return {
    policies: avg(policies),
    statements: avg(statements),
    conditions: avg(conditions),
    contextKeys: avg(contextKeys),
  };
}

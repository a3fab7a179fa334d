// The canvas and the simulator give one answer: over generated designs, every trust edge and
// permission the adapter reports is what the STS simulator does with the default parameters
// (and, for a conditional one, with its named conditions supplied and without them).
// `ROLECRAFT_PROPERTY_RUNS=2000 npx vitest run src/model/access/agreement.test.ts` (or
// `npm run test:agreement`) runs it long.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_START,
  SimulatedClock,
  StsSimulator,
  type ContextMap,
  type SessionRecord,
  type StsWorld,
} from '../../sts';
import {
  makeAccount,
  makeOidcProvider,
  makeResource,
  makeRole,
  makeService,
  makeUser,
} from '../factories';
import { arnOf } from '../arn';
import { derivePermissionEdges } from '../permission-edges';
import { deriveTrustGraph } from '../trust-edges';
import type { Design, Entity, InlinePolicy, Role } from '../types';
import {
  access,
  defaultClaims,
  DesignAccess,
  designWorld,
  serviceAssumeParams,
  userAssumeParams,
  worldForResource,
  DEFAULT_SESSION_NAME,
  federatedAssumeParams,
  type AccessVerdict,
} from '.';

const RUNS = Number(process.env.ROLECRAFT_PROPERTY_RUNS ?? 200);
const DEV = '111111111111';
const PROD = '222222222222';
const BUCKET = 'arn:aws:s3:::artifacts';
const OBJECT = `${BUCKET}/object`;
const GITHUB = 'token.actions.githubusercontent.com';

const doc = (...statements: object[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });

const conditions: (object | undefined)[] = [
  undefined,
  undefined,
  { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
  { StringEquals: { 'sts:ExternalId': 'ext-1' } },
  { Bool: { 'aws:SecureTransport': 'true' } },
  { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
  { StringEquals: { 'aws:PrincipalTag/team': 'ops' } },
  { StringEquals: { 'aws:SourceAccount': PROD } },
  { StringLike: { [`${GITHUB}:sub`]: 'repo:org/app:*' } },
  { StringEquals: { 'aws:PrincipalArn': `arn:aws:iam::${DEV}:user/bob` } },
];

const trustPrincipals = [
  { AWS: `arn:aws:iam::${DEV}:user/alice` },
  { AWS: `arn:aws:iam::${PROD}:user/carol` },
  { AWS: `arn:aws:iam::${DEV}:role/Ops` },
  { AWS: `arn:aws:iam::${PROD}:role/Peer` },
  { AWS: DEV },
  { AWS: `arn:aws:iam::${PROD}:root` },
  { Service: 'lambda.amazonaws.com' },
  { Federated: `arn:aws:iam::${PROD}:oidc-provider/${GITHUB}` },
  '*',
];

const actionFor = (principal: unknown) =>
  typeof principal === 'object' && principal !== null && 'Federated' in principal
    ? 'sts:AssumeRoleWithWebIdentity'
    : 'sts:AssumeRole';

const trustStatement = fc
  .record({
    effect: fc.constantFrom('Allow', 'Allow', 'Allow', 'Deny'),
    principal: fc.constantFrom(...trustPrincipals),
    condition: fc.constantFrom(...conditions),
  })
  .map(({ effect, principal, condition }) => ({
    Effect: effect,
    Principal: principal,
    Action:
      principal === '*'
        ? ['sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity']
        : actionFor(principal),
    ...(condition ? { Condition: condition } : {}),
  }));

const identityStatements: object[][] = [
  [],
  [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }],
  [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${PROD}:role/Target` }],
  [
    { Effect: 'Allow', Action: '*', Resource: '*' },
    { Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' },
  ],
  [
    {
      Effect: 'Allow',
      Action: ['sts:AssumeRole', 's3:GetObject'],
      Resource: '*',
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    },
  ],
  [
    {
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:ListBucket'],
      Resource: [BUCKET, `${BUCKET}/*`],
    },
  ],
  [
    {
      Effect: 'Allow',
      Action: 's3:*',
      Resource: '*',
      Condition: { IpAddress: { 'aws:SourceIp': '198.51.100.0/24' } },
    },
  ],
];

const bucketStatement = fc
  .record({
    effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
    principal: fc.constantFrom(
      { AWS: `arn:aws:iam::${PROD}:role/Target` },
      { AWS: `arn:aws:iam::${DEV}:role/Ops` },
      { AWS: `arn:aws:iam::${DEV}:user/alice` },
      { AWS: DEV },
      '*',
    ),
    action: fc.constantFrom('s3:GetObject', 's3:ListBucket', 's3:*'),
    condition: fc.constantFrom(...conditions.slice(0, 7)),
  })
  .map(({ effect, principal, action, condition }) => ({
    Effect: effect,
    Principal: principal,
    Action: action,
    Resource: [BUCKET, `${BUCKET}/*`],
    ...(condition ? { Condition: condition } : {}),
  }));

const policies = (id: string, statements: object[]): InlinePolicy[] =>
  statements.length === 0 ? [] : [{ id, name: id, attachment: 'inline', text: doc(...statements) }];

const designArb = fc
  .record({
    trusts: fc.array(fc.array(trustStatement, { minLength: 1, maxLength: 3 }), {
      minLength: 3,
      maxLength: 3,
    }),
    identities: fc.array(fc.constantFrom(...identityStatements), { minLength: 4, maxLength: 4 }),
    mfa: fc.boolean(),
    tagged: fc.boolean(),
    bucket: fc.array(bucketStatement, { maxLength: 3 }),
    scp: fc.constantFrom<object[] | undefined>(
      undefined,
      [{ Effect: 'Allow', Action: '*', Resource: '*' }],
      [
        { Effect: 'Allow', Action: '*', Resource: '*' },
        {
          Effect: 'Deny',
          Action: 'sts:AssumeRole',
          Resource: '*',
          Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
        },
      ],
    ),
  })
  .map((g): Design => {
    const dev = makeAccount({ id: 'dev', awsAccountId: DEV, name: 'Dev' });
    const prod = makeAccount({ id: 'prod', awsAccountId: PROD, name: 'Prod' });
    if (g.scp)
      dev.organization = [
        {
          id: 'root',
          name: 'Root',
          kind: 'root',
          rcps: [],
          scps: [{ id: 's', name: 'S', text: doc(...g.scp) }],
        },
        {
          id: 'lvl',
          name: 'Dev',
          kind: 'account',
          rcps: [],
          scps: [
            { id: 'f', name: 'F', text: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) },
          ],
        },
      ];
    const [aliceIdentity, carolIdentity, opsIdentity, peerIdentity] = g.identities as [
      object[],
      object[],
      object[],
      object[],
    ];
    const [targetTrust, opsTrust, peerTrust] = g.trusts as [object[], object[], object[]];
    return {
      formatVersion: 2,
      id: 'generated',
      name: 'generated',
      accounts: [dev, prod],
      users: [
        makeUser({
          id: 'alice',
          account: 'dev',
          name: 'alice',
          hasMfa: g.mfa,
          tags: g.tagged ? { team: 'ops' } : {},
          policies: policies('alice-p', aliceIdentity),
        }),
        makeUser({
          id: 'carol',
          account: 'prod',
          name: 'carol',
          policies: policies('carol-p', carolIdentity),
        }),
      ],
      groups: [],
      managedPolicies: [],
      roles: [
        makeRole({
          id: 'target',
          account: 'prod',
          name: 'Target',
          trustPolicy: doc(...targetTrust),
        }),
        makeRole({
          id: 'ops',
          account: 'dev',
          name: 'Ops',
          trustPolicy: doc(...opsTrust),
          policies: policies('ops-p', opsIdentity),
          tags: g.tagged ? { team: 'ops' } : {},
        }),
        makeRole({
          id: 'peer',
          account: 'prod',
          name: 'Peer',
          trustPolicy: doc(...peerTrust),
          policies: policies('peer-p', peerIdentity),
        }),
      ],
      services: [makeService('lambda.amazonaws.com', () => 'lambda')],
      identityProviders: [
        makeOidcProvider({ id: 'github', account: 'prod', preset: 'github-actions' }),
      ],
      outsidePrincipals: [],
      resources: [
        makeResource({
          id: 'bucket',
          account: 'prod',
          name: 'artifacts',
          resourceType: 's3-bucket',
          policy: g.bucket.length > 0 ? doc(...g.bucket) : '',
        }),
      ],
      layout: {},
      drafts: {},
    };
  });

/** A session of `role` as AssumeRole issues it with the default parameters, obtained through a stand-in caller the role trusts. */
function realFreshSession(world: StsWorld, role: Role, arn: string): SessionRecord {
  const account = arn.split(':')[4];
  const helper = `arn:aws:iam::${account}:user/rolecraft-helper`;
  const helperWorld: StsWorld = {
    ...world,
    roles: (world.roles ?? []).map((r) =>
      r.arn === arn
        ? {
            ...r,
            trustPolicy: {
              Version: '2012-10-17',
              Statement: [
                { Effect: 'Allow', Principal: { AWS: helper }, Action: 'sts:AssumeRole' },
              ],
            },
          }
        : r,
    ),
    // The helper is not in an organization.
    scp: {},
  };
  // Another seed, so its access keys never collide with the ones the tested simulator issues.
  const simulator = new StsSimulator({
    world: helperWorld,
    clock: new SimulatedClock(DEFAULT_START),
    seed: `helper ${role.id}`,
  });
  const result = simulator.assume({
    by: { principal: helper },
    roleArn: arn,
    params: { RoleSessionName: DEFAULT_SESSION_NAME },
  });
  if (!result.ok) throw new Error(`no session of ${role.name}: ${result.error.message}`);
  return result.session;
}

interface Simulated {
  assume(source: Entity, roleArn: string, context?: ContextMap): boolean;
  call(source: Entity, action: string, resource: string, context?: ContextMap): boolean;
}

function simulatorOf(design: Design): Simulated {
  const base = designWorld(design);
  const { world } = base;
  const simulator = new StsSimulator({ world, clock: new SimulatedClock(DEFAULT_START) });
  const sessions = new Map<string, string>();
  const sessionOf = (role: Role) => {
    let key = sessions.get(role.id);
    if (!key) {
      const session = realFreshSession(world, role, arnOf(design, role)!);
      simulator.sessions.add(session);
      key = session.accessKeyId;
      sessions.set(role.id, key);
    }
    return key;
  };
  return {
    assume(source, roleArn, context) {
      const ctx = context ? { context } : {};
      switch (source.kind) {
        case 'user':
          return simulator.assume({
            by: { principal: arnOf(design, source)!, ...ctx },
            roleArn,
            params: userAssumeParams(source, source.account === 'dev' ? DEV : PROD),
          }).ok;
        case 'role':
          return simulator.assume({
            by: { accessKeyId: sessionOf(source), ...ctx },
            roleArn,
            params: { RoleSessionName: 'chained' },
          }).ok;
        case 'service':
          return simulator.assume({
            by: { principal: source.name, ...ctx },
            roleArn,
            params: serviceAssumeParams(source.name),
          }).ok;
        case 'identity-provider':
          return simulator.assume({
            by: {
              federated: `arn:aws:iam::${PROD}:oidc-provider/${GITHUB}`,
              context: { ...defaultClaims(source), ...context },
            },
            roleArn,
            params: federatedAssumeParams(source),
          }).ok;
        default:
          throw new Error(`no simulated caller for ${source.kind}`);
      }
    },
    call(source, action, resource, context) {
      const call = { action, resource, ...(context ? { context } : {}) };
      const by =
        source.kind === 'role'
          ? { accessKeyId: sessionOf(source) }
          : source.kind === 'user'
            ? { principal: arnOf(design, source)! }
            : { principal: (source as { name: string }).name };
      // As the simulation store calls: an object ARN takes its bucket's policy and account.
      simulator.setWorld(worldForResource(base, resource).world);
      const outcome = simulator.call(by, call).outcome;
      simulator.setWorld(world);
      return outcome === 'Allow';
    },
  };
}

/** A verdict agrees with the simulator run without and with its context. */
function agrees(
  what: string,
  verdict: AccessVerdict,
  run: (context?: ContextMap) => boolean,
): void {
  const status = verdict.status;
  expect({ what, status, plain: run() }).toEqual({ what, status, plain: status === 'allowed' });
  if (status === 'conditional')
    expect({ what, needs: verdict.needs, supplied: run(verdict.context) }).toEqual({
      what,
      needs: verdict.needs,
      supplied: true,
    });
}

const callers = ['alice', 'carol', 'ops', 'peer', 'lambda', 'github'];

describe('the adapter agrees with the simulator on generated designs', () => {
  it(
    'trust edges: unconditional ones hold exactly when a default AssumeRole succeeds; conditional ones with their conditions and not without; no caller without an edge gets in',
    () => {
      fc.assert(
        fc.property(designArb, (design) => {
          const simulated = simulatorOf(design);
          const graph = deriveTrustGraph(design);
          const edges = graph.edges;
          for (const role of design.roles) {
            const roleArn = arnOf(design, role)!;
            for (const id of callers) {
              const source =
                design.users.find((u) => u.id === id) ??
                design.roles.find((r) => r.id === id) ??
                design.services.find((s) => s.id === id) ??
                design.identityProviders.find((p) => p.id === id)!;
              const into = edges.filter((e) => e.target === role.id && e.source === source.id);
              if (into.length === 0) {
                // Only an account or Anyone (drawn, or without a node) stands for a caller that no edge names.
                const delegated =
                  edges.some(
                    (e) =>
                      e.target === role.id &&
                      (e.source === 'dev' || e.source === 'prod' || e.kind === 'public'),
                  ) ||
                  graph.dangling.some((d) => d.roleId === role.id && d.principal.value === '*');
                if (!delegated)
                  expect({ role: role.name, id, in: simulated.assume(source, roleArn) }).toEqual({
                    role: role.name,
                    id,
                    in: false,
                  });
                continue;
              }
              for (const edge of into) {
                expect(edge.blocked).toBe(edge.access.status === 'denied');
                agrees(`${id} assumes ${role.name}`, edge.access, (context) =>
                  simulated.assume(source, roleArn, context),
                );
              }
            }
          }
        }),
        { numRuns: RUNS },
      );
    },
    RUNS * 400,
  );

  it(
    'permissions: an edge action exactly when a call from a fresh session (or the user, or the service) allows; a conditional one with its conditions and not without',
    () => {
      fc.assert(
        fc.property(designArb, (design) => {
          const simulated = simulatorOf(design);
          const edges = derivePermissionEdges(design);
          const questions = access(design);
          for (const id of ['alice', 'carol', 'ops', 'peer', 'lambda']) {
            const source =
              design.users.find((u) => u.id === id) ??
              design.roles.find((r) => r.id === id) ??
              design.services.find((s) => s.id === id)!;
            const edge = edges.find((e) => e.source === id && e.target === 'bucket');
            for (const [action, resource] of [
              ['s3:GetObject', OBJECT],
              ['s3:ListBucket', BUCKET],
            ] as const) {
              const verdict = questions.canCall({ source: id, action, resource });
              agrees(`${id} ${action}`, verdict, (context) =>
                simulated.call(source, action, resource, context),
              );
              const drawn = edge?.actions.includes(action) ?? false;
              const conditional = edge?.conditional.some((c) => c.action === action) ?? false;
              expect({ id, action, drawn, conditional }).toEqual({
                id,
                action,
                drawn: verdict.status === 'allowed',
                conditional: verdict.status === 'conditional',
              });
            }
          }
        }),
        { numRuns: RUNS },
      );
    },
    RUNS * 400,
  );

  it(
    "the analysis's answers: assumeAnswer and callAnswer give every question's status and needs exactly as canAssume and canCall, for every caller of every kind",
    () => {
      fc.assert(
        fc.property(designArb, (design) => {
          const fast = new DesignAccess(design);
          const full = new DesignAccess(design);
          const sources = [
            ...design.users,
            ...design.roles,
            ...design.services,
            ...design.identityProviders,
            ...design.accounts,
            ...design.outsidePrincipals,
          ];
          const words = (v: AccessVerdict) => ({ status: v.status, needs: v.needs });
          for (const role of design.roles)
            for (const source of sources)
              for (const context of [undefined, { 'aws:MultiFactorAuthPresent': 'false' }]) {
                const q = { source: source.id, role: role.id, ...(context ? { context } : {}) };
                expect({ q, answer: fast.assumeAnswer(q) }).toEqual({
                  q,
                  answer: words(full.canAssume(q)),
                });
              }
          for (const source of sources)
            for (const [action, resource] of [
              ['s3:GetObject', OBJECT],
              ['s3:ListBucket', BUCKET],
              ['sts:AssumeRole', `arn:aws:iam::${PROD}:role/Target`],
            ] as const) {
              const q = { source: source.id, action, resource };
              expect({ q, answer: fast.callAnswer(q) }).toEqual({
                q,
                answer: words(full.canCall(q)),
              });
            }
        }),
        { numRuns: RUNS },
      );
    },
    RUNS * 400,
  );
});

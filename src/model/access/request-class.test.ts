// The conditions found by explaining one AssumeRole are reused for a request that is the same
// to the policies (`requestReads`, `requestClass`): the reads are conservative, and every
// answer, asked in either order on one adapter, is still the full verdict's.
import { describe, expect, it } from 'vitest';
import { emptyDesign, makeAccount, makeManagedPolicy, makeRole, makeUser } from '../factories';
import type { Design } from '../types';
import { DesignAccess } from './access';
import { joinedReads, requestReads, requestClass, resourceClass } from './request-class';

const ACCOUNT = '111122223333';
const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const text = (...statements: object[]) => JSON.stringify(doc(...statements));
const trust = (
  Condition?: object,
  Principal: object = { AWS: `arn:aws:iam::${ACCOUNT}:root` },
) => ({
  Effect: 'Allow',
  Principal,
  Action: 'sts:AssumeRole',
  ...(Condition ? { Condition } : {}),
});
const assume = (Resource: string | string[] = '*') => ({
  Effect: 'Allow',
  Action: 'sts:AssumeRole',
  Resource,
});

describe('what a request of an action reads of policies', () => {
  it.each([
    [
      'condition keys of covering statements, lower case, sorted',
      [
        doc(
          assume(),
          trust({
            Bool: { 'aws:MultiFactorAuthPresent': 'true' },
            StringEquals: { 'sts:ExternalId': 'x' },
          }),
        ),
      ],
      {
        keys: ['aws:multifactorauthpresent', 'sts:externalid'],
        principal: false,
        resource: false,
        resources: [],
        everything: false,
      },
    ],
    [
      'no key of a statement of another action',
      [
        doc({
          Effect: 'Allow',
          Action: 'iam:PassRole',
          Resource: 'arn:aws:iam::1:role/x',
          Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
        }),
      ],
      { keys: [], principal: false, resource: false, resources: [], everything: false },
    ],
    [
      'a NotAction statement counts',
      [doc({ Effect: 'Deny', NotAction: 'iam:*', Resource: 'arn:aws:iam::1:role/x' })],
      {
        keys: [],
        principal: false,
        resource: true,
        resources: ['arn:aws:iam::1:role/x'],
        everything: false,
      },
    ],
    [
      'a Resource other than * reads the resource, as far as its patterns cover it',
      [doc(assume(['*', `arn:aws:iam::${ACCOUNT}:role/deploy-*`]))],
      {
        keys: [],
        principal: false,
        resource: true,
        resources: [`arn:aws:iam::${ACCOUNT}:role/deploy-*`],
        everything: false,
      },
    ],
    [
      'a NotResource reads the resource, * included',
      [doc({ Effect: 'Deny', Action: 'sts:*', NotResource: ['*', 'arn:aws:iam::1:role/b'] })],
      {
        keys: [],
        principal: false,
        resource: true,
        resources: ['*', 'arn:aws:iam::1:role/b'],
        everything: false,
      },
    ],
    [
      'a principal named by ARN reads the principal',
      [doc(trust(undefined, { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` }))],
      { keys: [], principal: true, resource: false, resources: [], everything: false },
    ],
    [
      'a NotPrincipal reads the principal',
      [doc({ Effect: 'Deny', NotPrincipal: { AWS: ACCOUNT }, Action: 'sts:AssumeRole' })],
      { keys: [], principal: true, resource: false, resources: [], everything: false },
    ],
    [
      'a key of the principal reads the principal',
      [doc(trust({ StringEquals: { 'aws:PrincipalTag/team': 'ops' } }))],
      {
        keys: ['aws:principaltag/team'],
        principal: true,
        resource: false,
        resources: [],
        everything: false,
      },
    ],
    [
      'a policy variable reads everything',
      [doc(assume('arn:aws:iam::*:role/${aws:username}'))],
      { keys: [], principal: true, resource: true, resources: [], everything: true },
    ],
    [
      'a malformed Condition reads everything',
      [doc({ ...trust(), Condition: 'yes' })],
      { keys: [], principal: true, resource: true, resources: [], everything: true },
    ],
  ])('%s', (_name, docs, reads) => {
    expect(requestReads(docs, 'sts:AssumeRole')).toEqual(reads);
  });

  it("reads two sets' documents together as the union of each set's reads", () => {
    const sets: object[][] = [
      [],
      [doc(assume())],
      [doc(assume(`arn:aws:iam::${ACCOUNT}:role/deploy-*`))],
      [doc(trust({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }))],
      [doc(trust({ StringEquals: { 'aws:PrincipalTag/team': 'ops', 'sts:ExternalId': 'x' } }))],
      [doc(trust(undefined, { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` }))],
      [doc({ Effect: 'Deny', Action: 'sts:*', NotResource: ['*', 'arn:aws:iam::1:role/b'] })],
      [doc(assume('arn:aws:iam::*:role/${aws:username}'))],
      [doc({ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::1:role/x' })],
    ];
    for (const a of sets)
      for (const b of sets)
        expect(
          joinedReads(requestReads(a, 'sts:AssumeRole'), requestReads(b, 'sts:AssumeRole')),
        ).toBe(requestReads([...a, ...b], 'sts:AssumeRole'));
  });

  it('signs a request by what the policies read of it', () => {
    const reads = requestReads(
      [doc(assume(), trust({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }))],
      'sts:AssumeRole',
    );
    const request = (principal: string, resource: string, context: Record<string, string>) => ({
      principal,
      action: 'sts:AssumeRole',
      resource,
      context,
      now: '2026-06-01T00:00:00Z',
    });
    const alice = requestClass(
      request(`arn:aws:iam::${ACCOUNT}:user/alice`, `arn:aws:iam::${ACCOUNT}:role/a`, {
        'aws:username': 'alice',
      }),
      reads,
    );
    // Another user, another role of the account, another value of a key no policy reads: the same.
    expect(
      requestClass(
        request(`arn:aws:iam::${ACCOUNT}:user/bob`, `arn:aws:iam::${ACCOUNT}:role/b`, {
          'aws:username': 'bob',
        }),
        reads,
      ),
    ).toBe(alice);
    // A value of a key read (in any spelling), a role session, another account: not the same.
    for (const other of [
      request(`arn:aws:iam::${ACCOUNT}:user/bob`, `arn:aws:iam::${ACCOUNT}:role/b`, {
        'AWS:MultiFactorAuthPresent': 'true',
      }),
      request(`arn:aws:sts::${ACCOUNT}:assumed-role/r/s`, `arn:aws:iam::${ACCOUNT}:role/b`, {}),
      request(`arn:aws:iam::${ACCOUNT}:user/bob`, 'arn:aws:iam::444455556666:role/b', {}),
    ])
      expect(requestClass(other, reads)).not.toBe(alice);
  });

  it('signs a resource by the patterns that cover it, as the engine matches them', () => {
    const reads = requestReads(
      [doc(assume([`arn:aws:iam::${ACCOUNT}:role/deploy-*`, 'arn:aws:iam::*:role/x?']))],
      'sts:AssumeRole',
    );
    const sign = (resource: string) => resourceClass(resource, reads);
    const role = (name: string, account = ACCOUNT) => `arn:aws:iam::${account}:role/${name}`;
    // Two roles the same patterns cover, in one account: the same.
    expect(sign(role('deploy-1'))).toBe(sign(role('deploy-2')));
    expect(sign(role('other'))).toBe(sign(role('another')));
    expect(sign(role('xa'))).toBe(sign(role('xb')));
    // Covered by another pattern, by none, in another account: not the same.
    expect(sign(role('deploy-1'))).not.toBe(sign(role('other')));
    expect(sign(role('xa'))).not.toBe(sign(role('deploy-1')));
    expect(sign(role('xa'))).not.toBe(sign(role('xa', '444455556666')));
  });
});

/** One account: users sharing one managed policy (one caller side), roles sharing trust texts. */
function design(): Design {
  const d = emptyDesign('reads');
  const account = makeAccount({ id: 'acct', awsAccountId: ACCOUNT, name: 'A' });
  d.accounts.push(account);
  const shared = makeManagedPolicy({
    type: 'customer-managed',
    account: 'acct',
    name: 'assume',
    text: text(assume()),
  });
  const narrow = makeManagedPolicy({
    type: 'customer-managed',
    account: 'acct',
    name: 'narrow',
    text: text(assume(`arn:aws:iam::${ACCOUNT}:role/mfa-*`)),
  });
  d.managedPolicies.push(shared, narrow);
  const users: [string, Partial<Parameters<typeof makeUser>[0]>][] = [
    ['alice', { tags: { team: 'ops' } }],
    ['bob', {}],
    ['carol', { hasMfa: true }],
    ['dave', { tags: { team: 'dev' } }],
  ];
  for (const [name, extra] of users)
    d.users.push(
      makeUser({
        id: name,
        account: 'acct',
        name,
        policies: [{ attachment: 'managed', id: name === 'dave' ? narrow.id : shared.id }],
        ...extra,
      }),
    );
  const trusts: [string, object][] = [
    ['mfa-1', trust({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } })],
    ['mfa-2', trust({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } })],
    ['ext-1', trust({ StringEquals: { 'sts:ExternalId': 'e' } })],
    ['ext-2', trust({ StringEquals: { 'sts:ExternalId': 'e' } })],
    ['team-1', trust({ StringEquals: { 'aws:PrincipalTag/team': 'ops' } })],
    ['team-2', trust({ StringEquals: { 'aws:PrincipalTag/team': 'ops' } })],
    [
      'arn-1',
      trust({
        ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:user/b*` },
        Bool: { 'aws:MultiFactorAuthPresent': 'true' },
      }),
    ],
    [
      'arn-2',
      trust({
        ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:user/b*` },
        Bool: { 'aws:MultiFactorAuthPresent': 'true' },
      }),
    ],
    [
      'name-1',
      trust({
        StringEquals: { 'aws:username': 'bob' },
        Bool: { 'aws:MultiFactorAuthPresent': 'true' },
      }),
    ],
    [
      'name-2',
      trust({
        StringEquals: { 'aws:username': 'bob' },
        Bool: { 'aws:MultiFactorAuthPresent': 'true' },
      }),
    ],
  ];
  for (const [name, statement] of trusts)
    d.roles.push(makeRole({ id: name, account: 'acct', name, trustPolicy: text(statement) }));
  return d;
}

describe('the conditions of one explained AssumeRole, reused', () => {
  it.each([['in the order of the design'], ['reversed']])(
    'give the full verdict for every pair, %s',
    (order) => {
      const d = design();
      const fast = new DesignAccess(d);
      const full = new DesignAccess(d);
      const pairs = d.users.flatMap((u) => d.roles.map((r) => ({ source: u.id, role: r.id })));
      if (order === 'reversed') pairs.reverse();
      const answers = pairs.map((q) => ({ q, answer: fast.assumeAnswer(q) }));
      expect(answers).toEqual(
        pairs.map((q) => {
          const v = full.canAssume(q);
          return { q, answer: { status: v.status, needs: v.needs } };
        }),
      );
      // The shapes the reuse must tell apart are all there.
      const words = answers.map(
        (a) =>
          `${a.q.source} ${a.q.role} ${a.answer.status} ${a.answer.needs.map((n) => n.text).join('+')}`,
      );
      expect(words).toContain('alice team-1 allowed ');
      expect(words).toContain('carol mfa-1 allowed ');
      expect(words).toContain('bob mfa-2 conditional MFA');
      expect(words).toContain('dave ext-1 denied ');
      expect(
        words
          .filter((w) => w.startsWith('alice arn-') || w.startsWith('alice name-'))
          .every((w) => w.includes('denied')),
      ).toBe(true);
    },
  );
});

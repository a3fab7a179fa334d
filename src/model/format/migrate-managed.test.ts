import { describe, expect, it } from 'vitest';
import { canCall } from '../access';
import { attachedPolicies, attachersOf, boundaryPolicy } from '../managed-policies';
import { FORMAT_VERSION, type Role, type User } from '../types';
import { restore } from './restore';

const doc = (action: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }],
  });

/** A format-1 file: every principal its own copy of each managed policy. */
function version1File() {
  const copy = (id: string, name: string, attachment: string, text: string) => ({
    id,
    name,
    attachment,
    text,
  });
  return {
    format: 'rolecraft',
    formatVersion: 1,
    design: {
      formatVersion: 1,
      id: 'old',
      name: 'Old',
      accounts: [
        { kind: 'account', id: 'a', awsAccountId: '111122223333', name: 'A' },
        { kind: 'account', id: 'b', awsAccountId: '444455556666', name: 'B' },
      ],
      users: [
        {
          kind: 'user',
          id: 'alice',
          account: 'a',
          name: 'alice',
          policies: [
            copy('p1', 'Read', 'customer-managed', doc('s3:GetObject')),
            copy('p2', 'ReadOnlyAccess', 'aws-managed', doc('s3:List*')),
            copy('p3', 'Own', 'inline', doc('sqs:SendMessage')),
          ],
          // Format 1 allowed a boundary marked inline: a boundary is a managed policy.
          permissionsBoundary: copy('b1', 'Edge', 'inline', doc('s3:*')),
        },
      ],
      groups: [
        {
          kind: 'group',
          id: 'devs',
          account: 'a',
          name: 'devs',
          policies: [copy('p4', 'Read', 'customer-managed', doc('s3:GetObject'))],
        },
      ],
      roles: [
        {
          kind: 'role',
          id: 'deploy',
          account: 'a',
          name: 'Deploy',
          policies: [
            // Same ARN, different document: kept apart so nobody's access changes.
            copy('p5', 'Read', 'customer-managed', doc('s3:PutObject')),
            copy('p6', 'ReadOnlyAccess', 'aws-managed', doc('s3:List*')),
          ],
          permissionsBoundary: null,
        },
        {
          kind: 'role',
          id: 'other',
          account: 'b',
          name: 'Other',
          // Same name in another account: another ARN, another policy.
          policies: [copy('p7', 'Read', 'customer-managed', doc('s3:GetObject'))],
          permissionsBoundary: copy('b2', 'ReadOnlyAccess', 'aws-managed', doc('s3:List*')),
        },
      ],
      drafts: {
        'group devs permission p4': {
          entityId: 'devs',
          slot: { kind: 'permission', policyId: 'p4' },
          text: '{',
        },
      },
    },
  };
}

describe('format 1 to 2: managed copies become shared records', () => {
  it('an old file opens with one record per ARN and document, attached by id', () => {
    const restored = restore(version1File());
    if (!restored.ok) throw new Error(restored.reason);
    const d = restored.design;
    expect(d.formatVersion).toBe(FORMAT_VERSION);
    const byName = (name: string) => d.managedPolicies.filter((p) => p.name === name);
    // Read: alice and devs share one; Deploy's differs; Other's is another account's.
    expect(byName('Read')).toHaveLength(3);
    const read = byName('Read')[0]!;
    expect(attachersOf(d, read.id).map((h) => h.id)).toEqual(['alice', 'devs']);
    expect(byName('Read').map((p) => p.account)).toEqual(['a', 'a', 'b']);
    // ReadOnlyAccess: one AWS managed record, attached twice and a boundary once.
    expect(byName('ReadOnlyAccess')).toMatchObject([{ type: 'aws-managed' }]);
    expect(attachersOf(d, byName('ReadOnlyAccess')[0]!.id).map((h) => h.id)).toEqual([
      'alice',
      'deploy',
      'other',
    ]);
    const alice = d.users[0] as User;
    expect(boundaryPolicy(d, alice)).toMatchObject({ name: 'Edge', type: 'customer-managed' });
    expect(alice.policies[2]).toMatchObject({ attachment: 'inline', name: 'Own' });
    expect(d.managedPolicies).toHaveLength(5);
    // The draft follows its policy to the shared record.
    expect(Object.values(d.drafts)).toEqual([
      { entityId: 'devs', slot: { kind: 'permission', policyId: read.id }, text: '{' },
    ]);
  });

  it('nobody’s access changes', () => {
    const restored = restore(version1File());
    if (!restored.ok) throw new Error(restored.reason);
    const d = restored.design;
    const ask = (source: string, action: string) =>
      canCall(d, { source, action, resource: 'arn:aws:s3:::b/k' }).status;
    expect(ask('deploy', 's3:PutObject')).toBe('allowed');
    expect(ask('deploy', 's3:GetObject')).toBe('denied');
    expect(ask('alice', 's3:GetObject')).toBe('allowed');
    expect(ask('alice', 's3:PutObject')).toBe('denied');
    const deploy = d.roles[0] as Role;
    expect(attachedPolicies(d, deploy).map((p) => p.attachment)).toEqual([
      'customer-managed',
      'aws-managed',
    ]);
  });

  it('refuses a format-2 attachment of a policy the design does not have', () => {
    const restored = restore({
      format: 'rolecraft',
      formatVersion: 2,
      design: {
        id: 'd',
        accounts: [{ kind: 'account', id: 'a', awsAccountId: '111122223333' }],
        roles: [
          {
            kind: 'role',
            id: 'r',
            account: 'a',
            name: 'R',
            policies: [{ attachment: 'managed', id: 'gone' }],
          },
        ],
      },
    });
    expect(restored).toEqual({
      ok: false,
      reason: 'role `R` attaches `gone`, which is not a managed policy of the design',
    });
  });
});

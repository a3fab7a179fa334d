import { describe, expect, it } from 'vitest';
import { canCall } from './access';
import { deleteEntities } from './delete';
import {
  emptyDesign,
  makeAccount,
  makeManagedPolicy,
  makePolicy,
  makeRole,
  makeUser,
} from './factories';
import { sequentialIds } from './ids';
import { findEntity } from './lookup';
import {
  attachedPolicies,
  attachersOf,
  boundaryPolicy,
  customerManagedPoliciesOf,
  findManagedPolicy,
  managedPolicyArn,
} from './managed-policies';
import { copyEntities, pasteEntitiesWithIds } from './paste';
import {
  addManagedPolicy,
  attachManagedPolicy,
  deleteManagedPolicy,
  policySlots,
  removePermissionPolicy,
  setPermissionsBoundary,
  setPolicyText,
  updateManagedPolicy,
  updatePermissionPolicy,
} from './policy-commands';
import { allPolicyTexts, mapPolicyTexts } from './policy-texts';
import type { Design, Role, User } from './types';

const doc = (action: string, effect = 'Allow') =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: effect, Action: action, Resource: '*' }],
  });

/** alice (user) and Deploy (role) in one account, both attaching the one managed `Shared`. */
function shared(): Design {
  const ids = sequentialIds();
  const design = emptyDesign('shared', ids);
  const account = makeAccount({ id: 'acct', awsAccountId: '111122223333' });
  const policy = makeManagedPolicy(
    {
      id: 'mp',
      type: 'customer-managed',
      account: 'acct',
      name: 'Shared',
      path: '/team/',
      text: doc('s3:GetObject'),
    },
    ids,
  );
  const attach = { attachment: 'managed' as const, id: 'mp' };
  return {
    ...design,
    accounts: [account],
    managedPolicies: [policy],
    users: [makeUser({ id: 'alice', account: 'acct', name: 'alice', policies: [attach] }, ids)],
    roles: [makeRole({ id: 'deploy', account: 'acct', name: 'Deploy', policies: [attach] }, ids)],
  };
}

const may = (design: Design, source: string, action: string) =>
  canCall(design, { source, action, resource: 'arn:aws:s3:::bucket/key' }).status;

describe('managed policies are shared records', () => {
  it('one record reads as an identity policy of every holder, with its ARN path', () => {
    const design = shared();
    const alice = findEntity(design, 'alice') as User;
    expect(attachedPolicies(design, alice)).toMatchObject([
      { id: 'mp', name: 'Shared', attachment: 'customer-managed' },
    ]);
    expect(attachersOf(design, 'mp').map((h) => h.id)).toEqual(['alice', 'deploy']);
    expect(managedPolicyArn(design, findManagedPolicy(design, 'mp')!)).toBe(
      'arn:aws:iam::111122223333:policy/team/Shared',
    );
  });

  it('editing it through one holder changes what every holder may do', () => {
    const before = shared();
    let design = before;
    expect(may(design, 'deploy', 's3:PutObject')).toBe('denied');
    design = setPolicyText(design, {
      entityId: 'alice',
      slot: { kind: 'permission', policyId: 'mp' },
      text: doc('s3:PutObject'),
    });
    expect(may(design, 'deploy', 's3:PutObject')).toBe('allowed');
    expect(may(design, 'alice', 's3:PutObject')).toBe('allowed');
    // The holders themselves did not change: only the record did.
    expect(design.users).toBe(before.users);
    expect(design.roles).toBe(before.roles);
    const deploy = findEntity(design, 'deploy')!;
    expect(policySlots(design, deploy)[1]).toMatchObject({
      label: 'Shared',
      text: doc('s3:PutObject'),
    });
  });

  it('its account lists it and edits it once for every holder, even one attached to nobody', () => {
    const account = findEntity(shared(), 'acct')!;
    expect(customerManagedPoliciesOf(shared(), 'acct').map((p) => p.id)).toEqual(['mp']);
    expect(policySlots(shared(), account)).toMatchObject([
      {
        slot: { kind: 'permission', policyId: 'mp' },
        label: 'Shared (managed)',
        policyType: 'identity',
      },
    ]);
    let design = setPolicyText(shared(), {
      entityId: 'acct',
      slot: { kind: 'permission', policyId: 'mp' },
      text: doc('s3:PutObject'),
    });
    expect(findManagedPolicy(design, 'mp')!.text).toBe(doc('s3:PutObject'));
    expect(may(design, 'deploy', 's3:PutObject')).toBe('allowed');
    expect(may(design, 'alice', 's3:PutObject')).toBe('allowed');
    // Broken text is the account's draft; the record keeps its last good text.
    design = setPolicyText(design, {
      entityId: 'acct',
      slot: { kind: 'permission', policyId: 'mp' },
      text: '{',
    });
    expect(findManagedPolicy(design, 'mp')!.text).toBe(doc('s3:PutObject'));
    expect(Object.values(design.drafts)).toMatchObject([{ entityId: 'acct', text: '{' }]);
    // Detached from everyone, it is still the account's to edit.
    design = removePermissionPolicy(design, { entityId: 'alice', policyId: 'mp' });
    design = removePermissionPolicy(design, { entityId: 'deploy', policyId: 'mp' });
    design = setPolicyText(design, {
      entityId: 'acct',
      slot: { kind: 'permission', policyId: 'mp' },
      text: doc('s3:ListBucket'),
    });
    expect(findManagedPolicy(design, 'mp')!.text).toBe(doc('s3:ListBucket'));
    // A policy the account does not hold is no slot of it.
    expect(
      setPolicyText(design, {
        entityId: 'acct',
        slot: { kind: 'permission', policyId: 'nope' },
        text: doc('s3:*'),
      }),
    ).toBe(design);
  });

  it('text that is not JSON yet stays a draft of that holder; the record keeps its text', () => {
    const design = setPolicyText(shared(), {
      entityId: 'alice',
      slot: { kind: 'permission', policyId: 'mp' },
      text: '{',
    });
    expect(findManagedPolicy(design, 'mp')!.text).toBe(doc('s3:GetObject'));
    expect(Object.values(design.drafts)).toMatchObject([{ entityId: 'alice', text: '{' }]);
  });

  it('detaching the last holder keeps the policy, as IAM does; deleting removes it everywhere', () => {
    let design = removePermissionPolicy(shared(), { entityId: 'alice', policyId: 'mp' });
    design = removePermissionPolicy(design, { entityId: 'deploy', policyId: 'mp' });
    expect(attachersOf(design, 'mp')).toEqual([]);
    expect(findManagedPolicy(design, 'mp')).toBeDefined();
    design = attachManagedPolicy(design, { entityId: 'alice', policyId: 'mp' });
    design = setPermissionsBoundary(design, { entityId: 'deploy', policyId: 'mp' });
    expect(attachersOf(design, 'mp').map((h) => h.id)).toEqual(['alice', 'deploy']);
    design = deleteManagedPolicy(design, { policyId: 'mp' });
    expect(design.managedPolicies).toEqual([]);
    expect((findEntity(design, 'alice') as User).policies).toEqual([]);
    expect((findEntity(design, 'deploy') as Role).permissionsBoundary).toBeNull();
  });

  it('attaches a policy once per holder, and only one that exists', () => {
    const design = shared();
    expect(attachManagedPolicy(design, { entityId: 'alice', policyId: 'mp' })).toBe(design);
    expect(attachManagedPolicy(design, { entityId: 'alice', policyId: 'nope' })).toBe(design);
  });

  it('a boundary is a managed policy: it limits the holder and is listed once', () => {
    let design = addManagedPolicy(shared(), {
      policy: makeManagedPolicy({
        id: 'edge',
        type: 'customer-managed',
        account: 'acct',
        name: 'Edge',
        text: doc('s3:ListBucket'),
      }),
      boundaryOf: 'deploy',
    });
    const deploy = findEntity(design, 'deploy') as Role;
    expect(boundaryPolicy(design, deploy)?.name).toBe('Edge');
    expect(may(design, 'deploy', 's3:GetObject')).toBe('denied');
    design = setPolicyText(design, {
      entityId: 'deploy',
      slot: { kind: 'boundary' },
      text: doc('s3:*'),
    });
    expect(findManagedPolicy(design, 'edge')!.text).toBe(doc('s3:*'));
    expect(may(design, 'deploy', 's3:GetObject')).toBe('allowed');
    // Every text once: the shared policy is not repeated for each holder.
    expect(allPolicyTexts(design).filter((t) => t.text === doc('s3:GetObject'))).toHaveLength(1);
  });

  it('renames the record for every holder; path and description too', () => {
    const design = updateManagedPolicy(shared(), {
      policyId: 'mp',
      patch: { name: 'Reader', path: 'a/b', description: 'reads' },
    });
    expect(findManagedPolicy(design, 'mp')).toMatchObject({
      name: 'Reader',
      path: '/a/b/',
      description: 'reads',
    });
    const deploy = findEntity(design, 'deploy') as Role;
    expect(attachedPolicies(design, deploy)[0]!.name).toBe('Reader');
  });

  it('inline to managed makes a record in the account; managed to inline copies it for one holder', () => {
    const ids = sequentialIds();
    let design = shared();
    const own = makePolicy({ id: 'own', name: 'Own', text: doc('sqs:SendMessage') });
    design = {
      ...design,
      roles: design.roles.map((r) => ({ ...r, policies: [...r.policies, own] })),
    };
    design = updatePermissionPolicy(
      design,
      { entityId: 'deploy', policyId: 'own', patch: { attachment: 'customer-managed' } },
      ids,
    );
    const created = design.managedPolicies.find((p) => p.name === 'Own')!;
    expect(created).toMatchObject({ type: 'customer-managed', account: 'acct' });
    expect((findEntity(design, 'deploy') as Role).policies[1]).toEqual({
      attachment: 'managed',
      id: created.id,
    });
    design = updatePermissionPolicy(
      design,
      { entityId: 'alice', policyId: 'mp', patch: { attachment: 'inline' } },
      ids,
    );
    const alice = findEntity(design, 'alice') as User;
    expect(alice.policies[0]).toMatchObject({ attachment: 'inline', text: doc('s3:GetObject') });
    expect(attachersOf(design, 'mp').map((h) => h.id)).toEqual(['deploy']);
  });

  it('rewrites of every policy text reach managed records once', () => {
    const design = mapPolicyTexts(shared(), (text) => text.replace('GetObject', 'GetObjectAcl'));
    expect(findManagedPolicy(design, 'mp')!.text).toBe(doc('s3:GetObjectAcl'));
  });
});

describe('copy, paste and delete keep policies shared', () => {
  it('a holder pasted into its own account attaches the same record', () => {
    const design = shared();
    const { design: next, idMap } = pasteEntitiesWithIds(design, {
      clipboard: copyEntities(design, ['deploy']),
      ids: sequentialIds(),
    });
    const copy = findEntity(next, idMap.get('deploy')!) as Role;
    expect(copy.policies).toEqual([{ attachment: 'managed', id: 'mp' }]);
    expect(next.managedPolicies).toHaveLength(1);
    expect(attachersOf(next, 'mp')).toHaveLength(3);
  });

  it('a pasted account gets one copy of its policies, shared by its pasted holders', () => {
    const design = shared();
    const { design: next, idMap } = pasteEntitiesWithIds(design, {
      clipboard: copyEntities(design, ['acct']),
      ids: sequentialIds(),
    });
    expect(next.managedPolicies).toHaveLength(2);
    const copy = next.managedPolicies[1]!;
    expect(copy).toMatchObject({ name: 'Shared', account: idMap.get('acct') });
    expect(attachersOf(next, copy.id).map((h) => h.id)).toEqual([
      idMap.get('alice'),
      idMap.get('deploy'),
    ]);
  });

  it('deleting holders keeps the policy; deleting the account removes it', () => {
    const gone = deleteEntities(shared(), { ids: ['alice', 'deploy'] });
    expect(gone.managedPolicies).toHaveLength(1);
    expect(deleteEntities(shared(), { ids: ['acct'] }).managedPolicies).toEqual([]);
  });
});

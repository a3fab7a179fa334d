import { describe, expect, it } from 'vitest';
import { sequentialIds } from './ids';
import { findEntity } from './lookup';
import { copyEntities, pasteEntitiesWithIds } from './paste';
import { sampleDesign } from './sample';
import type { Role, User } from './types';

describe('copy and paste', () => {
  it('pastes a role with a fresh id, a non-clashing name, fresh policy ids and an offset position', () => {
    const design = sampleDesign();
    const { design: after, idMap } = pasteEntitiesWithIds(design, {
      clipboard: copyEntities(design, ['role-deploy']),
      ids: sequentialIds(),
    });
    const id = idMap.get('role-deploy')!;
    const copy = findEntity(after, id) as Role;
    expect(id).toBe('role-1');
    expect(copy.name).toBe('Deploy-copy');
    expect(copy.account).toBe('acct-prod');
    expect(copy.policies[0]!.id).not.toBe('policy-deploy-artifacts');
    expect(copy.trustPolicy).toBe((findEntity(design, 'role-deploy') as Role).trustPolicy);
    expect(after.layout[id]).toEqual({ x: 500, y: 280 });
    const again = pasteEntitiesWithIds(after, {
      clipboard: copyEntities(design, ['role-deploy']),
      ids: sequentialIds(),
    });
    expect((findEntity(again.design, 'role-1') as Role | undefined)?.name).toBe('Deploy-copy');
  });

  it('pasting an account brings its contents into a new account with a free account id', () => {
    const design = sampleDesign();
    const { design: after, idMap } = pasteEntitiesWithIds(design, {
      clipboard: copyEntities(design, ['acct-dev']),
      ids: sequentialIds(),
    });
    const account = findEntity(after, idMap.get('acct-dev')!);
    expect(account?.kind === 'account' && account.awsAccountId).toBe('111111111112');
    const alice = findEntity(after, idMap.get('user-alice')!) as User;
    expect(alice.account).toBe(idMap.get('acct-dev'));
    expect(alice.name).toBe('alice');
  });

  it('reuses an existing service node instead of doubling it', () => {
    const design = sampleDesign();
    const { design: after, idMap } = pasteEntitiesWithIds(design, {
      clipboard: copyEntities(design, ['service-lambda']),
    });
    expect(idMap.get('service-lambda')).toBe('service-lambda');
    expect(after.services).toHaveLength(1);
  });

  it('keeps pasted users in pasted groups', () => {
    const base = sampleDesign();
    const design = {
      ...base,
      groups: [
        {
          kind: 'group' as const,
          id: 'g',
          account: 'acct-dev',
          name: 'devs',
          path: '/',
          policies: [],
        },
      ],
      users: base.users.map((u) => ({ ...u, groups: ['g'] })),
    };
    const { design: after, idMap } = pasteEntitiesWithIds(design, {
      clipboard: copyEntities(design, ['user-alice', 'g']),
      ids: sequentialIds(),
    });
    expect((findEntity(after, idMap.get('user-alice')!) as User).groups).toEqual([idMap.get('g')]);
    const alone = pasteEntitiesWithIds(design, {
      clipboard: copyEntities(design, ['user-alice']),
      ids: sequentialIds(),
    });
    expect((findEntity(alone.design, alone.idMap.get('user-alice')!) as User).groups).toEqual([
      'g',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  addEntity,
  addTrustPrincipal,
  findEntity,
  makeGroup,
  sampleDesign,
  type Design,
  type Role,
} from '../model';
import { createRolecraftStore, HISTORY_LIMIT } from './store';
import { selectInspected } from './selectors';

const trustOf = (design: Design, id: string) => (findEntity(design, id) as Role).trustPolicy;
const renameDesign = (design: Design, name: string): Design => ({ ...design, name });

/** Undo gives back the same design: every collection the very same object, the same layout. */
function expectSameDesign(actual: Design, expected: Design) {
  for (const key of Object.keys(expected) as (keyof Design)[]) {
    if (key === 'layout') expect(actual.layout).toEqual(expected.layout);
    else expect(actual[key], key).toBe(expected[key]);
  }
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
}

describe('document history', () => {
  it('undoes and redoes a model command', () => {
    const store = createRolecraftStore(sampleDesign());
    const before = store.getState().design;
    store.getState().apply(addTrustPrincipal, 'role-deploy', 'user-alice');
    const after = store.getState().design;
    expect(trustOf(after, 'role-deploy')).toContain('arn:aws:iam::111111111111:user/alice');

    store.temporal.getState().undo();
    expectSameDesign(store.getState().design, before);
    store.temporal.getState().redo();
    expectSameDesign(store.getState().design, after);
  });

  it('records nothing when a command leaves the design as it was', () => {
    const store = createRolecraftStore(sampleDesign());
    store.getState().apply(addTrustPrincipal, 'role-developer', 'user-alice');
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });

  it('does not track selection or UI changes', () => {
    const store = createRolecraftStore(sampleDesign());
    store.getState().select(['user-alice']);
    store.getState().setSearchOpen(true);
    store.getState().showToast('info', 'hello');
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });

  it('keeps the selection when undoing a document change', () => {
    const store = createRolecraftStore(sampleDesign());
    store.getState().apply(renameDesign, 'Renamed');
    store.getState().select(['role-deploy']);
    store.temporal.getState().undo();
    expect(store.getState().design.name).toBe('Cross-account example');
    expect(store.getState().selectedIds).toEqual(['role-deploy']);
  });

  it('a new change after undo drops the redo branch', () => {
    const store = createRolecraftStore(sampleDesign());
    store.getState().apply(renameDesign, 'A');
    store.temporal.getState().undo();
    store.getState().apply(renameDesign, 'B');
    expect(store.temporal.getState().futureStates).toHaveLength(0);
    store.temporal.getState().undo();
    expect(store.getState().design.name).toBe('Cross-account example');
  });

  it('loading another design starts a fresh history and clears the selection', () => {
    const store = createRolecraftStore(sampleDesign());
    store.getState().apply(renameDesign, 'A');
    store.getState().select(['user-alice']);
    const other = { ...sampleDesign(), id: 'design-other', name: 'Other' };
    store.getState().loadDesign(other);
    expect(store.getState().design).toBe(other);
    expect(store.getState().selectedIds).toEqual([]);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
    expect(store.temporal.getState().futureStates).toHaveLength(0);
  });

  it(`keeps at most ${HISTORY_LIMIT} undo steps`, () => {
    const store = createRolecraftStore(sampleDesign());
    for (let i = 0; i <= HISTORY_LIMIT + 5; i++) store.getState().apply(renameDesign, `name ${i}`);
    expect(store.temporal.getState().pastStates).toHaveLength(HISTORY_LIMIT);
  });
});

describe('selection', () => {
  const cases: {
    name: string;
    steps: (s: ReturnType<typeof createRolecraftStore>) => void;
    expected: string[];
  }[] = [
    {
      name: 'select replaces',
      steps: (s) => (s.getState().select(['a']), s.getState().select(['b', 'c'])),
      expected: ['b', 'c'],
    },
    {
      name: 'select drops duplicates',
      steps: (s) => s.getState().select(['a', 'a', 'b']),
      expected: ['a', 'b'],
    },
    {
      name: 'toggle adds',
      steps: (s) => (s.getState().select(['a']), s.getState().toggleSelected('b')),
      expected: ['a', 'b'],
    },
    {
      name: 'toggle removes',
      steps: (s) => (s.getState().select(['a', 'b']), s.getState().toggleSelected('a')),
      expected: ['b'],
    },
    {
      name: 'clear empties',
      steps: (s) => (s.getState().select(['a']), s.getState().clearSelection()),
      expected: [],
    },
  ];
  it.each(cases)('$name', ({ steps, expected }) => {
    const store = createRolecraftStore(sampleDesign());
    steps(store);
    expect(store.getState().selectedIds).toEqual(expected);
  });

  it('selecting nodes clears the edge selection', () => {
    const store = createRolecraftStore(sampleDesign());
    store.getState().selectEdges(['trust:role-developer:user-alice']);
    store.getState().select(['user-alice']);
    expect(store.getState().selectedEdgeIds).toEqual([]);
  });

  it('canvas selection changes leave the edge selection alone', () => {
    const store = createRolecraftStore(sampleDesign());
    store.getState().selectEdges(['trust:role-developer:user-alice']);
    store.getState().setSelectedNodes([]);
    expect(store.getState().selectedEdgeIds).toEqual(['trust:role-developer:user-alice']);
  });

  it('the inspector shows the first selected entity that still exists', () => {
    const store = createRolecraftStore(sampleDesign());
    store.getState().select(['gone', 'role-deploy', 'user-alice']);
    expect(selectInspected(store.getState())?.id).toBe('role-deploy');
  });
});

describe('policy reveal', () => {
  const request = {
    entityId: 'role-deploy',
    slot: { kind: 'trust' } as const,
    range: { start: 40, end: 260 },
    text: '{}',
  };

  it('holds a request until it is cleared, without touching the undo history', () => {
    const store = createRolecraftStore(sampleDesign());
    store.getState().revealPolicy(request);
    expect(store.getState().policyReveal).toMatchObject({ ...request, focus: false });
    expect(store.temporal.getState().pastStates).toHaveLength(0);
    store.getState().clearPolicyReveal();
    expect(store.getState().policyReveal).toBeNull();
  });

  it('gives each request its own nonce, so the same statement can be revealed again', () => {
    const store = createRolecraftStore(sampleDesign());
    store.getState().revealPolicy(request);
    const first = store.getState().policyReveal!;
    store.getState().revealPolicy({ ...request, focus: true });
    const second = store.getState().policyReveal!;
    expect(second.nonce).not.toBe(first.nonce);
    expect(second.focus).toBe(true);
  });

  it('clearing with the nonce of an older request keeps the newer one', () => {
    const store = createRolecraftStore(sampleDesign());
    store.getState().revealPolicy(request);
    const old = store.getState().policyReveal!.nonce;
    store.getState().revealPolicy({ ...request, slot: { kind: 'boundary' } });
    store.getState().clearPolicyReveal(old);
    expect(store.getState().policyReveal?.slot).toEqual({ kind: 'boundary' });
    store.getState().clearPolicyReveal(store.getState().policyReveal!.nonce);
    expect(store.getState().policyReveal).toBeNull();
  });

  it('survives undo and redo of the document', () => {
    const store = createRolecraftStore(sampleDesign());
    store.getState().apply(renameDesign, 'Renamed');
    store.getState().revealPolicy(request);
    store.temporal.getState().undo();
    expect(store.getState().policyReveal).toMatchObject(request);
  });
});

describe('delete', () => {
  it('deletes at once what nothing refers to', () => {
    const store = createRolecraftStore(sampleDesign());
    const group = makeGroup({ account: 'acct-dev', name: 'Readers' });
    store.getState().apply(addEntity, { entity: group });
    store.getState().requestDelete([group.id]);
    expect(store.getState().pendingDelete).toBeNull();
    expect(findEntity(store.getState().design, group.id)).toBeUndefined();
  });

  it('asks first when a policy names what goes, and deletes in one undo step', () => {
    const store = createRolecraftStore(sampleDesign());
    const before = store.getState().design;
    store.getState().requestDelete(['user-alice']);
    expect(store.getState().pendingDelete?.breaks.map((b) => b.holderId)).toContain(
      'role-developer',
    );
    expect(store.getState().design).toBe(before);
    store.getState().confirmDelete(true);
    expect(store.getState().pendingDelete).toBeNull();
    expect(findEntity(store.getState().design, 'user-alice')).toBeUndefined();
    expect(trustOf(store.getState().design, 'role-developer')).not.toContain('user/alice');
    store.temporal.getState().undo();
    expectSameDesign(store.getState().design, before);
  });

  it('asks first when an account takes its contents along', () => {
    const store = createRolecraftStore(sampleDesign());
    store.getState().requestDelete(['acct-prod']);
    expect(store.getState().pendingDelete?.ids).toEqual(
      expect.arrayContaining(['acct-prod', 'role-deploy', 'resource-artifacts']),
    );
  });
});

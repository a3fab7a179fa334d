import { describe, expect, it } from 'vitest';
import { setMaxSessionDuration, setTags } from './entity-commands';
import { findEntity } from './lookup';
import { makeManagedPolicy } from './factories';
import {
  addManagedPolicy,
  addPermissionPolicy,
  editorTextAt,
  policySlots,
  policyTextAt,
  removePermissionPolicy,
  setPolicyText,
} from './policy-commands';
import { sampleDesign } from './sample';
import type { PolicySlot, Role } from './types';

const trust: PolicySlot = { kind: 'trust' };

describe('setPolicyText', () => {
  it('commits valid JSON exactly as typed', () => {
    const text = '{ "Version": "2012-10-17",\n\t"Statement": [] }';
    const design = setPolicyText(sampleDesign(), { entityId: 'role-developer', slot: trust, text });
    expect(policyTextAt(design, 'role-developer', trust)).toBe(text);
    expect(design.drafts).toEqual({});
  });

  it.each([
    ['broken JSON', '{ "Version": '],
    ['an array', '[]'],
    ['a comment', '{ /* hi */ }'],
    ['empty text', ''],
  ])('keeps %s as a draft and the last valid text in force', (_name, text) => {
    const before = sampleDesign();
    const design = setPolicyText(before, { entityId: 'role-developer', slot: trust, text });
    expect(policyTextAt(design, 'role-developer', trust)).toBe(
      policyTextAt(before, 'role-developer', trust),
    );
    expect(editorTextAt(design, 'role-developer', trust)).toBe(text);
    expect(policySlots(design, findEntity(design, 'role-developer')!)[0]!.draft).toBe(text);
  });

  it('drops the draft once the text is valid again', () => {
    let design = setPolicyText(sampleDesign(), {
      entityId: 'role-developer',
      slot: trust,
      text: '{',
    });
    design = setPolicyText(design, { entityId: 'role-developer', slot: trust, text: '{}' });
    expect(design.drafts).toEqual({});
    expect((findEntity(design, 'role-developer') as Role).trustPolicy).toBe('{}');
  });

  it('accepts an empty resource policy as "no policy"', () => {
    const design = setPolicyText(sampleDesign(), {
      entityId: 'resource-artifacts',
      slot: { kind: 'resource' },
      text: '  ',
    });
    expect(policyTextAt(design, 'resource-artifacts', { kind: 'resource' })).toBe('');
  });

  it('edits a permission policy by id', () => {
    const slot: PolicySlot = { kind: 'permission', policyId: 'policy-alice-assume' };
    const design = setPolicyText(sampleDesign(), {
      entityId: 'user-alice',
      slot,
      text: '{"Statement":[]}',
    });
    expect(policyTextAt(design, 'user-alice', slot)).toBe('{"Statement":[]}');
  });

  it('ignores slots that do not exist', () => {
    const design = sampleDesign();
    expect(setPolicyText(design, { entityId: 'user-alice', slot: trust, text: '{}' })).toBe(design);
    expect(
      setPolicyText(design, {
        entityId: 'user-alice',
        slot: { kind: 'permission', policyId: 'nope' },
        text: '{}',
      }),
    ).toBe(design);
  });

  it('adds, bounds and removes policies, dropping their drafts', () => {
    let design = addPermissionPolicy(sampleDesign(), {
      entityId: 'role-deploy',
      policy: { id: 'p2', name: 'Extra', attachment: 'inline', text: '{}' },
    });
    design = setPolicyText(design, {
      entityId: 'role-deploy',
      slot: { kind: 'permission', policyId: 'p2' },
      text: '{',
    });
    design = removePermissionPolicy(design, { entityId: 'role-deploy', policyId: 'p2' });
    expect(design.drafts).toEqual({});
    design = addManagedPolicy(design, {
      policy: makeManagedPolicy({
        id: 'b',
        type: 'customer-managed',
        account: 'acct-prod',
        name: 'Boundary',
        text: '{}',
      }),
      boundaryOf: 'role-deploy',
    });
    expect(
      policySlots(design, findEntity(design, 'role-deploy')!).map((s) => s.policyType),
    ).toEqual(['trust', 'identity', 'boundary']);
  });
});

describe('small commands', () => {
  it.each([
    [100, 3600],
    [7200.4, 7200],
    [99999, 43200],
  ])('MaxSessionDuration %s becomes %s', (seconds, expected) => {
    const design = setMaxSessionDuration(sampleDesign(), { id: 'role-deploy', seconds });
    expect((findEntity(design, 'role-deploy') as Role).maxSessionDuration).toBe(expected);
  });

  it('sets tags on roles but not on services', () => {
    const design = sampleDesign();
    expect(
      (
        findEntity(
          setTags(design, { id: 'role-deploy', tags: { env: 'prod' } }),
          'role-deploy',
        ) as Role
      ).tags,
    ).toEqual({ env: 'prod' });
    expect(setTags(design, { id: 'service-lambda', tags: { a: 'b' } })).toBe(design);
  });
});

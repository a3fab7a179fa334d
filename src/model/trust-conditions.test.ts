import { describe, expect, it } from 'vitest';
import { canAssume } from './access';
import { findEntity } from './lookup';
import { addPermissionPolicy } from './policy-commands';
import { sequentialIds } from './ids';
import { parsePolicyText } from './policy-text';
import type { PrincipalRef } from './principal-ref';
import { fixtureDesign, trustText } from './test-fixtures';
import {
  assumeRolePolicyFor,
  setTrustCondition,
  setTrustConditionText,
  subjectConditionKey,
  trustConditionKeys,
  trustConditionValue,
} from './trust-conditions';
import type { Role } from './types';

const alice: PrincipalRef = { type: 'AWS', value: 'arn:aws:iam::111111111111:user/alice' };
const ops: PrincipalRef = { type: 'AWS', value: 'arn:aws:iam::111111111111:role/Ops' };
const allow = (principal: object, extra: object = {}) => ({
  Effect: 'Allow',
  Principal: principal,
  Action: 'sts:AssumeRole',
  ...extra,
});
const statements = (text: string) => {
  const parsed = parsePolicyText(text);
  if (!parsed.ok) throw new Error('not JSON');
  return parsed.document.Statement as Record<string, unknown>[];
};

describe('setTrustConditionText', () => {
  it.each([
    ['MFA', trustConditionKeys.mfa, 'true', { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }],
    [
      'ExternalId',
      trustConditionKeys.externalId,
      'acme-7f3k',
      { StringEquals: { 'sts:ExternalId': 'acme-7f3k' } },
    ],
    [
      'source ARN',
      trustConditionKeys.sourceArn,
      'arn:aws:lambda:us-east-1:111111111111:function:orders',
      { ArnLike: { 'aws:SourceArn': 'arn:aws:lambda:us-east-1:111111111111:function:orders' } },
    ],
  ])('adds %s under its operator to a statement of its own', (_, field, value, condition) => {
    const text = setTrustConditionText(trustText(allow({ AWS: alice.value })), alice, field, value);
    expect(statements(text)).toEqual([allow({ AWS: alice.value }, { Condition: condition })]);
    expect(trustConditionValue(text, alice, field.key)).toBe(value);
  });

  it.each([
    ['one group', 'urn:acme:groups:engineering', 'urn:acme:groups:engineering'],
    [
      'several groups',
      'urn:acme:groups:engineering, urn:acme:groups:sre',
      ['urn:acme:groups:engineering', 'urn:acme:groups:sre'],
    ],
  ])('writes the SAML group attribute for %s as a ForAnyValue test', (_, typed, written) => {
    const okta: PrincipalRef = {
      type: 'Federated',
      value: 'arn:aws:iam::111111111111:saml-provider/Okta',
    };
    const saml = (extra: object = {}) => ({
      Effect: 'Allow',
      Principal: { Federated: okta.value },
      Action: 'sts:AssumeRoleWithSAML',
      ...extra,
    });
    const before = trustText(
      saml({ Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } } }),
    );
    const text = setTrustConditionText(before, okta, trustConditionKeys.samlGroup, typed);
    expect(statements(text)[0]!.Condition).toEqual({
      StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' },
      'ForAnyValue:StringEquals': { 'SAML:edupersonentitlement': written },
    });
    expect(trustConditionValue(text, okta, 'SAML:edupersonentitlement')).toBe(typed);
  });

  it('changes a key where it already is (any operator, any case) and keeps the others', () => {
    const before = trustText(
      allow(
        { AWS: alice.value },
        {
          Condition: {
            StringEquals: { 'STS:EXTERNALID': 'old', 'aws:PrincipalTag/team': 'ops' },
            Bool: { 'aws:MultiFactorAuthPresent': 'true' },
          },
        },
      ),
    );
    const after = setTrustConditionText(before, alice, trustConditionKeys.externalId, 'new');
    expect(statements(after)[0]!.Condition).toEqual({
      StringEquals: { 'STS:EXTERNALID': 'new', 'aws:PrincipalTag/team': 'ops' },
      Bool: { 'aws:MultiFactorAuthPresent': 'true' },
    });
  });

  it('removing the last key drops the operator and the Condition element', () => {
    const before = trustText(
      allow({ AWS: alice.value }, { Condition: { Bool: { 'aws:MultiFactorAuthPresent': true } } }),
    );
    expect(trustConditionValue(before, alice, 'aws:multifactorauthpresent')).toBe('true');
    const after = setTrustConditionText(before, alice, trustConditionKeys.mfa, undefined);
    expect(statements(after)).toEqual([allow({ AWS: alice.value })]);
    expect(trustConditionValue(after, alice, 'aws:MultiFactorAuthPresent')).toBeUndefined();
  });

  it('a statement shared with another principal keeps it unconditioned; the principal moves out', () => {
    const before = trustText(allow({ AWS: [alice.value, ops.value] }));
    const after = setTrustConditionText(before, alice, trustConditionKeys.mfa, 'true');
    expect(statements(after)).toEqual([
      allow({ AWS: [ops.value] }),
      allow(
        { AWS: alice.value },
        { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } },
      ),
    ]);
  });

  it('pins an OIDC subject with StringLike, replacing the placeholder where it is', () => {
    const key = 'token.actions.githubusercontent.com:sub';
    const github: PrincipalRef = {
      type: 'Federated',
      value: 'arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com',
    };
    const fresh = trustText({
      Effect: 'Allow',
      Principal: { Federated: github.value },
      Action: 'sts:AssumeRoleWithWebIdentity',
    });
    const pinned = setTrustConditionText(fresh, github, subjectConditionKey(key), 'repo:a/b:*');
    expect(statements(pinned)[0]!.Condition).toEqual({ StringLike: { [key]: 'repo:a/b:*' } });
    const placeholder = setTrustConditionText(
      trustText({
        Effect: 'Allow',
        Principal: { Federated: github.value },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { [key]: 'repo:REPLACE-ME-OWNER/REPLACE-ME-REPO:*' } },
      }),
      github,
      subjectConditionKey(key),
      'repo:acme/site:ref:refs/heads/main',
    );
    expect(statements(placeholder)[0]!.Condition).toEqual({
      StringEquals: { [key]: 'repo:acme/site:ref:refs/heads/main' },
    });
  });

  it('leaves text alone when nothing lets the principal in, or it is not JSON', () => {
    const other = trustText(allow({ AWS: ops.value }));
    expect(setTrustConditionText(other, alice, trustConditionKeys.mfa, 'true')).toBe(other);
    expect(setTrustConditionText('{ nope', alice, trustConditionKeys.mfa, 'true')).toBe('{ nope');
  });
});

describe('setTrustCondition on a design', () => {
  it('an MFA condition makes the assume need MFA; removing it does not', () => {
    const design = fixtureDesign(trustText(allow({ AWS: alice.value })));
    const withMfa = setTrustCondition(design, {
      roleId: 'target',
      principal: alice,
      field: trustConditionKeys.mfa,
      value: 'true',
    });
    const needs = canAssume(withMfa, { source: 'alice', role: 'target' });
    expect(needs.status).toBe('conditional');
    const cleared = setTrustCondition(withMfa, {
      roleId: 'target',
      principal: alice,
      field: trustConditionKeys.mfa,
      value: '  ',
    });
    expect((findEntity(cleared, 'target') as Role).trustPolicy).toBe(
      (findEntity(design, 'target') as Role).trustPolicy,
    );
  });
});

describe('assumeRolePolicyFor', () => {
  it('allows exactly sts:AssumeRole on the role, named after it, and makes the assume allowed', () => {
    const base = fixtureDesign(trustText(allow({ AWS: alice.value })));
    const design = {
      ...base,
      users: base.users.map((u) => ({ ...u, policies: [] })),
    };
    expect(canAssume(design, { source: 'alice', role: 'target' })).toMatchObject({
      status: 'denied',
      layer: 'identity',
    });
    const policy = assumeRolePolicyFor(
      design,
      { callerId: 'alice', roleId: 'target' },
      sequentialIds(),
    );
    expect(policy?.name).toBe('AssumeTarget');
    expect(statements(policy!.text)).toEqual([
      {
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Resource: 'arn:aws:iam::222222222222:role/Target',
      },
    ]);
    const granted = addPermissionPolicy(design, { entityId: 'alice', policy: policy! });
    expect(canAssume(granted, { source: 'alice', role: 'target' }).status).toBe('allowed');
    expect(assumeRolePolicyFor(design, { callerId: 'lambda', roleId: 'target' })).toBeUndefined();
  });
});

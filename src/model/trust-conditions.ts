// The trust conditions a person sets from the inspector (MFA, ExternalId, the source of a
// service's request, an OIDC subject) without typing JSON: each reads and writes one condition
// key of the Allow statements that let one principal in.
import { statementCoversAction } from './action-match';
import { findEntity } from './lookup';
import { setAt } from './json-edit';
import { makePolicy } from './factories';
import { parsePolicyText, stringList, type PolicyJson } from './policy-text';
import { arnOf } from './arn';
import { assumeActionFor, samePrincipal, type PrincipalRef } from './principal-ref';
import { principalsOf } from './trust-principals';
import { addPrincipalToTrustText, removePrincipalsFromPolicyText } from './trust-edit';
import { uniqueName } from './unique-name';
import { newId, type IdSource } from './ids';
import type { Design, EntityId, InlinePolicy, Role } from './types';

/** One condition key of a trust statement, with the operator a new entry is written under. */
export interface TrustConditionKey {
  operator: string;
  key: string;
  /** A multi-valued key: a value typed as `a, b` is written as the list `["a", "b"]`. */
  list?: boolean;
}

/** The keys the inspector offers, as the IAM documentation writes them. */
export const trustConditionKeys = {
  mfa: { operator: 'Bool', key: 'aws:MultiFactorAuthPresent' },
  externalId: { operator: 'StringEquals', key: 'sts:ExternalId' },
  sourceAccount: { operator: 'StringEquals', key: 'aws:SourceAccount' },
  sourceArn: { operator: 'ArnLike', key: 'aws:SourceArn' },
  /**
   * The groups a SAML assertion must name (the directory's entitlement attribute, which
   * AssumeRoleWithSAML passes as a multi-valued `SAML:edupersonentitlement`): any one of them.
   */
  samlGroup: {
    operator: 'ForAnyValue:StringEquals',
    key: 'SAML:edupersonentitlement',
    list: true,
  },
} as const satisfies Record<string, TrustConditionKey>;

/** An OIDC provider's subject claim, pinned as the console's examples do (wildcards allowed). */
export const subjectConditionKey = (subjectKey: string): TrustConditionKey => ({
  operator: 'StringLike',
  key: subjectKey,
});

type Statement = Record<string, unknown>;
type Path = (string | number)[];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The Allow statements that let `ref` assume the role, with their JSON paths. */
function grantsOf(document: PolicyJson, ref: PrincipalRef): { statement: Statement; path: Path }[] {
  const raw = document.Statement;
  const all: { statement: unknown; path: Path }[] = Array.isArray(raw)
    ? raw.map((statement, i) => ({ statement, path: ['Statement', i] }))
    : [{ statement: raw, path: ['Statement'] }];
  const action = assumeActionFor(ref);
  return all.flatMap(({ statement, path }) =>
    isObject(statement) &&
    statement.Effect === 'Allow' &&
    statementCoversAction(statement, action) &&
    principalsOf(statement.Principal).some((p) => samePrincipal(p, ref))
      ? [{ statement, path }]
      : [],
  );
}

/** Where a key sits in a Condition element (IAM matches key names case-insensitively). */
function findKey(condition: unknown, key: string): { operator: string; key: string } | undefined {
  if (!isObject(condition)) return undefined;
  for (const [operator, block] of Object.entries(condition)) {
    if (!isObject(block)) continue;
    const found = Object.keys(block).find((k) => k.toLowerCase() === key.toLowerCase());
    if (found !== undefined) return { operator, key: found };
  }
  return undefined;
}

/** The value the first statement letting `ref` in requires for `key` (`a, b` for a list); undefined when none. */
export function trustConditionValue(
  trustPolicy: string,
  ref: PrincipalRef,
  key: string,
): string | undefined {
  const parsed = parsePolicyText(trustPolicy);
  if (!parsed.ok) return undefined;
  const [first] = grantsOf(parsed.document, ref);
  if (!first) return undefined;
  const condition = first.statement.Condition;
  const at = findKey(condition, key);
  if (!at) return undefined;
  const value = (condition as Record<string, Record<string, unknown>>)[at.operator]![at.key];
  return typeof value === 'boolean' ? String(value) : stringList(value).join(', ');
}

/** The statement's Condition after setting (or, with undefined, removing) one key. */
function changedCondition(
  condition: unknown,
  field: TrustConditionKey,
  value: string | undefined,
): Record<string, Record<string, unknown>> {
  const next: Record<string, Record<string, unknown>> = {};
  if (isObject(condition))
    for (const [op, block] of Object.entries(condition))
      if (isObject(block)) next[op] = { ...block };
  const at = findKey(next, field.key);
  if (at) delete next[at.operator]![at.key];
  if (value !== undefined) {
    const operator = at?.operator ?? field.operator;
    const values = field.list
      ? value
          .split(',')
          .map((v) => v.trim())
          .filter((v) => v !== '')
      : [];
    const written = field.list && values.length !== 1 ? values : field.list ? values[0] : value;
    next[operator] = { ...next[operator], [at?.key ?? field.key]: written };
  }
  for (const op of Object.keys(next)) if (Object.keys(next[op]!).length === 0) delete next[op];
  return next;
}

/**
 * Sets (value) or removes (undefined) one condition of the statements that let `ref` assume the
 * role. A statement that lets only `ref` in is edited in place; one shared with other principals
 * keeps them, and `ref` moves to a statement of its own with that statement's conditions and
 * the change, so the others are not narrowed with it. Unchanged text when nothing lets `ref` in.
 */
export function setTrustConditionText(
  text: string,
  ref: PrincipalRef,
  field: TrustConditionKey,
  value: string | undefined,
): string {
  const parsed = parsePolicyText(text);
  if (!parsed.ok) return text;
  const grants = grantsOf(parsed.document, ref);
  if (grants.length === 0) return text;
  const alone = grants.every(({ statement }) => principalsOf(statement.Principal).length === 1);
  if (!alone) {
    const condition = changedCondition(grants[0]!.statement.Condition, field, value);
    const without = removePrincipalsFromPolicyText(text, (p) => samePrincipal(p, ref));
    return addPrincipalToTrustText(without, ref, condition as never);
  }
  let next = text;
  // Paths stay valid: each edit changes only the inside of its own statement.
  for (const { statement, path } of grants) {
    const condition = changedCondition(statement.Condition, field, value);
    next = setAt(
      next,
      [...path, 'Condition'],
      Object.keys(condition).length === 0 ? undefined : condition,
    );
  }
  return next;
}

/** `setTrustConditionText` on a role of the design. */
export function setTrustCondition(
  design: Design,
  args: { roleId: EntityId; principal: PrincipalRef; field: TrustConditionKey; value?: string },
): Design {
  const role = findEntity(design, args.roleId);
  if (role?.kind !== 'role') return design;
  const value = args.value?.trim() === '' ? undefined : args.value?.trim();
  const trustPolicy = setTrustConditionText(role.trustPolicy, args.principal, args.field, value);
  if (trustPolicy === role.trustPolicy) return design;
  return {
    ...design,
    roles: design.roles.map((r): Role => (r.id === role.id ? { ...r, trustPolicy } : r)),
  };
}

/**
 * The other half of a cross-account assume: an inline policy for the calling user or role that
 * allows `sts:AssumeRole` on the role (`Assume<RoleName>`); undefined when either is missing.
 * Attach it with `addPermissionPolicy`.
 */
export function assumeRolePolicyFor(
  design: Design,
  args: { callerId: EntityId; roleId: EntityId },
  ids: IdSource = newId,
): InlinePolicy | undefined {
  const caller = findEntity(design, args.callerId);
  const role = findEntity(design, args.roleId);
  if (role?.kind !== 'role' || (caller?.kind !== 'user' && caller?.kind !== 'role'))
    return undefined;
  const roleArn = arnOf(design, role);
  if (roleArn === undefined) return undefined;
  const taken = caller.policies.flatMap((p) => (p.attachment === 'inline' ? [p.name] : []));
  const statement = { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: roleArn };
  return makePolicy(
    {
      name: uniqueName(`Assume${role.name}`.slice(0, 120), taken),
      text: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }, null, 2),
    },
    ids,
  );
}

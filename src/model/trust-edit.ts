import type { TrustConditionBlock } from '../engine';
import { statementCoversAction } from './action-match';
import { trustConditionsOf } from './identity-providers';
import { appendAt, setAt } from './json-edit';
import { findEntity } from './lookup';
import { parsePolicyText, stringList, type PolicyJson } from './policy-text';
import {
  assumeActionFor,
  principalRefOf,
  resolvePrincipal,
  samePrincipal,
  type PrincipalRef,
} from './principal-ref';
import { principalsOf } from './trust-principals';
import type { Design, EntityId, Role } from './types';

type Statement = Record<string, unknown>;

/** Statements with their JSON path (the Statement element may be one object or a list). */
function statementsWithPaths(
  document: PolicyJson,
): { statement: Statement; path: (string | number)[] }[] {
  const raw = document.Statement;
  const isStatement = (s: unknown): s is Statement =>
    typeof s === 'object' && s !== null && !Array.isArray(s);
  if (Array.isArray(raw)) {
    return raw.flatMap((statement, index) =>
      isStatement(statement) ? [{ statement, path: ['Statement', index] }] : [],
    );
  }
  return isStatement(raw) ? [{ statement: raw, path: ['Statement'] }] : [];
}

const plainAllowKeys = new Set(['Sid', 'Effect', 'Principal', 'Action']);

/** An Allow statement that grants exactly `action` to its principals, with nothing else attached. */
function isPlainGrantOf(statement: Statement, action: string): boolean {
  if (statement.Effect !== 'Allow') return false;
  if (Object.keys(statement).some((k) => !plainAllowKeys.has(k))) return false;
  const actions = stringList(statement.Action);
  const principal = statement.Principal;
  const principalIsObject =
    typeof principal === 'object' && principal !== null && !Array.isArray(principal);
  return (
    principalIsObject && actions.length === 1 && actions[0]!.toLowerCase() === action.toLowerCase()
  );
}

/**
 * Adds one principal to a trust policy text with the action it assumes by. Joins a plain statement
 * that already grants that action (no conditions), else appends a new statement; no change when an
 * Allow already grants it. Returns the text unchanged when it is not a JSON object.
 */
export function addPrincipalToTrustText(
  text: string,
  ref: PrincipalRef,
  conditions: TrustConditionBlock = {},
): string {
  const parsed = parsePolicyText(text);
  if (!parsed.ok) return text;
  const action = assumeActionFor(ref);
  const statements = statementsWithPaths(parsed.document);
  const granted = statements.some(
    ({ statement }) =>
      statement.Effect === 'Allow' &&
      statementCoversAction(statement, action) &&
      principalsOf(statement.Principal).some((p) => samePrincipal(p, ref)),
  );
  if (granted) return text;

  const conditional = Object.keys(conditions).length > 0;
  const target = conditional
    ? undefined
    : statements.find(({ statement }) => isPlainGrantOf(statement, action));
  if (target) {
    const principal = target.statement.Principal as Record<string, unknown>;
    const path = [...target.path, 'Principal', ref.type];
    const current = principal[ref.type];
    if (current === undefined) return setAt(text, path, ref.value);
    if (Array.isArray(current)) return appendAt(text, path, ref.value);
    return setAt(text, path, [current, ref.value]);
  }
  const statement = {
    Effect: 'Allow',
    Principal: { [ref.type]: ref.value },
    Action: action,
    ...(conditional ? { Condition: conditions } : {}),
  };
  const raw = parsed.document.Statement;
  if (Array.isArray(raw)) return appendAt(text, ['Statement'], statement);
  if (raw === undefined) return setAt(text, ['Statement'], [statement]);
  return setAt(text, ['Statement'], [raw, statement]);
}

/**
 * Removes the matching principals from every Allow statement of a policy text, dropping a
 * statement only when no principal is left in it. Everything else keeps its text.
 */
export function removePrincipalsFromPolicyText(
  text: string,
  matches: (ref: PrincipalRef) => boolean,
): string {
  let current = text;
  // One edit at a time, re-reading the text: paths stay valid and each edit stays minimal.
  for (;;) {
    const next = removeFirstMatch(current, matches);
    if (next === undefined) return current;
    current = next;
  }
}

function removeFirstMatch(
  text: string,
  matches: (ref: PrincipalRef) => boolean,
): string | undefined {
  const parsed = parsePolicyText(text);
  if (!parsed.ok) return undefined;
  for (const { statement, path } of statementsWithPaths(parsed.document)) {
    if (statement.Effect !== 'Allow' || !('Principal' in statement)) continue;
    const principal = statement.Principal;
    if (!principalsOf(principal).some(matches)) continue;
    const remaining = principalsOf(principal).filter((p) => !matches(p));
    if (remaining.length === 0 && onlyModelledTypes(principal))
      return removeStatement(text, parsed.document, path);
    const record = principal as Record<string, unknown>;
    for (const type of ['AWS', 'Service', 'Federated'] as const) {
      const value = record[type];
      if (typeof value === 'string' && matches({ type, value }))
        return setAt(text, [...path, 'Principal', type], undefined);
      if (Array.isArray(value)) {
        const index = value.findIndex((v) => typeof v === 'string' && matches({ type, value: v }));
        if (index >= 0) {
          const stillHasValues = value.some((v, i) => i !== index && typeof v === 'string');
          return setAt(
            text,
            [...path, 'Principal', type, ...(stillHasValues ? [index] : [])],
            undefined,
          );
        }
      }
    }
  }
  return undefined;
}

/** True when the Principal element holds nothing but AWS, Service and Federated entries (no CanonicalUser). */
function onlyModelledTypes(principal: unknown): boolean {
  if (principal === '*') return true;
  if (typeof principal !== 'object' || principal === null) return true;
  return Object.keys(principal).every((k) => k === 'AWS' || k === 'Service' || k === 'Federated');
}

function removeStatement(text: string, document: PolicyJson, path: (string | number)[]): string {
  if (!Array.isArray(document.Statement)) return setAt(text, ['Statement'], []);
  return setAt(text, path, undefined);
}

/** The principal refs an argument stands for: an entity (every form that names it) or one ref as written. */
function matcherFor(
  design: Design,
  principal: EntityId | PrincipalRef,
): (ref: PrincipalRef) => boolean {
  if (typeof principal !== 'string') return (ref) => samePrincipal(ref, principal);
  return (ref) => {
    const resolution = resolvePrincipal(design, ref);
    return resolution.found && resolution.source === principal && !resolution.narrower;
  };
}

function withTrustPolicy(design: Design, roleId: EntityId, edit: (text: string) => string): Design {
  const role = findEntity(design, roleId);
  if (role?.kind !== 'role') return design;
  const trustPolicy = edit(role.trustPolicy);
  if (trustPolicy === role.trustPolicy) return design;
  return {
    ...design,
    roles: design.roles.map((r): Role => (r.id === roleId ? { ...r, trustPolicy } : r)),
  };
}

/**
 * Draws a trust edge: adds exactly this principal (an entity id, or a principal as written) to the
 * role's trust policy with the action it assumes by. An identity provider comes with the
 * conditions the IAM console writes for it (`SAML:aud`; the token's audience; a `sub` to pin
 * for a shared issuer). Unchanged design when nothing changes.
 */
export function addTrustPrincipal(
  design: Design,
  roleId: EntityId,
  principal: EntityId | PrincipalRef,
): Design {
  const ref = typeof principal === 'string' ? principalRefOfEntityId(design, principal) : principal;
  if (!ref) return design;
  const entity = typeof principal === 'string' ? findEntity(design, principal) : undefined;
  const conditions = entity?.kind === 'identity-provider' ? trustConditionsOf(entity) : {};
  return withTrustPolicy(design, roleId, (text) => addPrincipalToTrustText(text, ref, conditions));
}

/**
 * Deletes a trust edge: removes exactly this principal from the role's trust policy. Given an
 * entity id, removes every form naming that entity (`111111111111` and its root ARN alike).
 */
export function removeTrustPrincipal(
  design: Design,
  roleId: EntityId,
  principal: EntityId | PrincipalRef,
): Design {
  const matches = matcherFor(design, principal);
  return withTrustPolicy(design, roleId, (text) => removePrincipalsFromPolicyText(text, matches));
}

function principalRefOfEntityId(design: Design, id: EntityId): PrincipalRef | undefined {
  const entity = findEntity(design, id);
  return entity ? principalRefOf(design, entity) : undefined;
}

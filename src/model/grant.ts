// "Allow an action" from the inspector: one Allow statement of an action on a resource, added
// to the holder's inline policy for such grants (made on first use), so a person gives a role
// what a call needs by picking the action and the resource, not by typing JSON.
import { appendAt, setAt } from './json-edit';
import { makePolicy } from './factories';
import { findEntity } from './lookup';
import { parsePolicyText, statementsOf, stringList } from './policy-text';
import { addPermissionPolicy } from './policy-commands';
import { replaceEntity } from './entity-commands';
import { newId, type IdSource } from './ids';
import type { Design, EntityId, InlinePolicy } from './types';

/** The inline policy the grants go into. */
export const GRANTS_POLICY_NAME = 'AllowedActions';

interface Grant {
  entityId: EntityId;
  action: string;
  resource: string;
}

const statementOf = (grant: Grant) => ({
  Effect: 'Allow',
  Action: grant.action.trim(),
  Resource: grant.resource.trim(),
});

/**
 * Adds `Allow action on resource` to the user's, group's or role's `AllowedActions` inline
 * policy, creating it with that one statement. Unchanged when a statement of it already allows
 * exactly that action on that resource, or when its text is not valid JSON (the editor shows
 * why; the grant would be lost in it).
 */
export function allowAction(design: Design, grant: Grant, ids: IdSource = newId): Design {
  const holder = findEntity(design, grant.entityId);
  if (holder?.kind !== 'user' && holder?.kind !== 'group' && holder?.kind !== 'role') return design;
  if (grant.action.trim() === '' || grant.resource.trim() === '') return design;
  const statement = statementOf(grant);
  const existing = holder.policies.find(
    (p): p is InlinePolicy => p.attachment === 'inline' && p.name === GRANTS_POLICY_NAME,
  );
  if (!existing) {
    const policy = makePolicy(
      {
        name: GRANTS_POLICY_NAME,
        text: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }, null, 2),
      },
      ids,
    );
    return addPermissionPolicy(design, { entityId: holder.id, policy });
  }
  const parsed = parsePolicyText(existing.text);
  if (!parsed.ok) return design;
  const same = statementsOf(parsed.document).some(
    (s) =>
      s.Effect === 'Allow' &&
      s.Condition === undefined &&
      stringList(s.Action).includes(statement.Action) &&
      stringList(s.Resource).includes(statement.Resource),
  );
  if (same) return design;
  const raw = parsed.document.Statement;
  const text = Array.isArray(raw)
    ? appendAt(existing.text, ['Statement'], statement)
    : setAt(existing.text, ['Statement'], raw === undefined ? [statement] : [raw, statement]);
  const policies = holder.policies.map((p) => (p === existing ? { ...existing, text } : p));
  return replaceEntity(design, { ...holder, policies });
}

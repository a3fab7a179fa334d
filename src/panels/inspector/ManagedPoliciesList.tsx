import { useMemo, useState } from 'react';
import {
  attachersOf,
  customerManagedPoliciesOf,
  normalisePath,
  type Account,
  type EntityId,
} from '../../model';
import { selectDesignContent, useRolecraft } from '../../store';
import { compactInputClass, noteClass, quietButtonClass } from './controls';
import { useRevealPolicy } from './useRevealPolicy';

/** Above this many, the list gets a field to find a policy by name. */
const FIND_FROM = 8;
/** Holders named under a policy before `and N more`. */
const NAMED_HOLDERS = 3;

interface ManagedPoliciesListProps {
  account: Account;
  /** Opens one in the account's policy editor (a tab of its own), focused. */
  onOpen: (policyId: EntityId) => void;
}

/**
 * The customer managed policies of an account, each with how many users, groups and roles
 * attach it (or use it as boundary); Edit opens it in the account's editor, where an edit
 * reaches every holder at once.
 */
export function ManagedPoliciesList({ account, onOpen }: ManagedPoliciesListProps) {
  const design = useRolecraft(selectDesignContent);
  const reveal = useRevealPolicy(account.id);
  const [find, setFind] = useState('');
  const policies = useMemo(
    () => customerManagedPoliciesOf(design, account.id),
    [design, account.id],
  );
  const words = find.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = policies.filter((p) => words.every((w) => p.name.toLowerCase().includes(w)));
  const label = `Customer managed policies of ${account.name}`;
  return (
    <section aria-label={label} className="space-y-1.5">
      <h3 className="text-xs font-semibold text-slate-700 dark:text-slate-200">
        Customer managed policies ({policies.length})
      </h3>
      {policies.length === 0 ? (
        <p className={noteClass}>
          None yet: a user, group or role of this account adds one from its Policies.
        </p>
      ) : (
        <>
          {policies.length > FIND_FROM && (
            <input
              type="search"
              aria-label="Find a managed policy"
              placeholder="Find a managed policy"
              className={compactInputClass}
              value={find}
              onChange={(e) => setFind(e.target.value)}
            />
          )}
          <ul aria-label={label} className="max-h-64 space-y-1 overflow-y-auto">
            {shown.map((policy) => {
              const holders = attachersOf(design, policy.id);
              const path = normalisePath(policy.path);
              const named = holders.slice(0, NAMED_HOLDERS).map((h) => h.name);
              const more = holders.length - named.length;
              return (
                <li
                  key={policy.id}
                  className="flex items-start gap-1 rounded border border-slate-200 p-1.5 dark:border-slate-700"
                >
                  <div className="min-w-0 flex-1">
                    <div className="truncate text-xs font-medium" title={`${path}${policy.name}`}>
                      {path === '/' ? '' : path}
                      {policy.name}
                    </div>
                    <p className={noteClass}>
                      {holders.length === 0
                        ? 'attached to no principal'
                        : `attached to ${holders.length} principal${holders.length === 1 ? '' : 's'}: ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`}
                    </p>
                  </div>
                  <button
                    type="button"
                    className={quietButtonClass}
                    aria-label={`Edit managed policy ${policy.name}`}
                    onClick={() => {
                      onOpen(policy.id);
                      reveal({ kind: 'permission', policyId: policy.id }, true);
                    }}
                  >
                    Edit
                  </button>
                </li>
              );
            })}
          </ul>
          {shown.length === 0 && <p className={noteClass}>No managed policy named so.</p>}
        </>
      )}
    </section>
  );
}

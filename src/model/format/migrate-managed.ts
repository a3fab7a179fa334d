/**
 * Format 1 to 2: managed policies become design-level records. In format 1 every user, group
 * and role kept its own copy of each managed policy it attached (and of its boundary); here the
 * copies of one ARN with the same document and versions merge into one record, attached by id.
 * Copies of one ARN that differ stay apart (one record each: nothing anyone had is lost).
 */
import type { ManagedPolicy, PermissionPolicy, PolicyAttachment } from '../types';
import { isRecord, list, record } from './read';
import { readVersion1Policy } from './restore-entities';

export function managedPoliciesToRecords(design: Record<string, unknown>): Record<string, unknown> {
  const awsIdOf = new Map<string, string>();
  for (const a of list(design.accounts, 'design.accounts'))
    if (isRecord(a) && typeof a.id === 'string' && typeof a.awsAccountId === 'string')
      awsIdOf.set(a.id, a.awsAccountId);
  const records: ManagedPolicy[] = [];
  /** Records by ARN-like key, then by content. */
  const byKey = new Map<string, Map<string, ManagedPolicy>>();
  /** Old slot id (per holder) to record id, for drafts. */
  const moved = new Map<string, string>();

  const recordFor = (
    policy: PermissionPolicy,
    account: string,
    type: ManagedPolicy['type'],
  ): ManagedPolicy => {
    const scope = type === 'aws-managed' ? 'aws' : (awsIdOf.get(account) ?? account);
    const key = `${scope}\n${policy.name}`;
    const content = JSON.stringify([policy.text, policy.otherVersions ?? []]);
    let variants = byKey.get(key);
    if (!variants) byKey.set(key, (variants = new Map()));
    let found = variants.get(content);
    if (!found) {
      found = {
        id: policy.id,
        type,
        name: policy.name,
        path: '/',
        description: '',
        text: policy.text,
      };
      if (type === 'customer-managed') found.account = account;
      if (policy.otherVersions) found.otherVersions = policy.otherVersions;
      // Ids were unique per copy; a later copy may carry an id a record already took.
      if (records.some((r) => r.id === found!.id)) found.id = `${policy.id}-managed`;
      variants.set(content, found);
      records.push(found);
    }
    return found;
  };

  const holders = (key: 'users' | 'groups' | 'roles') =>
    list(design[key], `design.${key}`).map((value, i) => {
      const at = `design.${key}[${i}]`;
      const raw = record(value, at);
      const account = typeof raw.account === 'string' ? raw.account : '';
      const id = typeof raw.id === 'string' ? raw.id : '';
      const policies: PolicyAttachment[] = list(raw.policies, `${at}.policies`).map((p, j) => {
        const policy = readVersion1Policy(p, `${at}.policies[${j}]`);
        if (policy.attachment === 'inline') {
          const { otherVersions: _versions, ...inline } = policy;
          return { ...inline, attachment: 'inline' };
        }
        const found = recordFor(policy, account, policy.attachment);
        moved.set(`${id}\n${policy.id}`, found.id);
        return { attachment: 'managed', id: found.id };
      });
      const out: Record<string, unknown> = { ...raw, policies };
      if (key !== 'groups') {
        const b = raw.permissionsBoundary;
        // A boundary is always a managed policy; format 1 allowed one marked inline.
        if (b === undefined || b === null) out.permissionsBoundary = null;
        else {
          const policy = readVersion1Policy(b, `${at}.permissionsBoundary`);
          const type = policy.attachment === 'aws-managed' ? 'aws-managed' : 'customer-managed';
          out.permissionsBoundary = recordFor(policy, account, type).id;
        }
      }
      return out;
    });

  const users = holders('users');
  const groups = holders('groups');
  const roles = holders('roles');
  const out: Record<string, unknown> = {
    ...design,
    users,
    groups,
    roles,
    managedPolicies: records,
  };
  if (isRecord(design.drafts)) {
    const drafts: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(design.drafts)) {
      const draft = isRecord(value) ? value : undefined;
      const slot = draft && isRecord(draft.slot) ? draft.slot : undefined;
      const to =
        draft && slot?.kind === 'permission'
          ? moved.get(`${String(draft.entityId)}\n${String(slot.policyId)}`)
          : undefined;
      drafts[key] = draft && to ? { ...draft, slot: { ...slot, policyId: to } } : value;
    }
    out.drafts = drafts;
  }
  return out;
}

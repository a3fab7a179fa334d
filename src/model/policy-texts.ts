import {
  attachersOf,
  attachedPolicies,
  boundaryPolicy,
  type PolicyHolder,
} from './managed-policies';
import type { Design, EntityId, OrganizationLevel, PolicySlot, StoredPolicy } from './types';

/** One policy text of a design and where it lives. */
export interface PolicyTextRef {
  entityId: EntityId;
  slot: PolicySlot;
  text: string;
}

/**
 * Every committed policy text in the design (trust, identity, boundary, resource, SCP, RCP).
 * A managed policy is listed once, where its first holder shows it; one attached to nothing
 * has no place to show and is left out.
 */
export function allPolicyTexts(design: Design): PolicyTextRef[] {
  const out: PolicyTextRef[] = [];
  const seen = new Set<EntityId>();
  const first = (id: EntityId) => !seen.has(id) && seen.add(id) !== undefined;
  const principalPolicies = (holder: PolicyHolder) => {
    const entityId = holder.id;
    for (const p of attachedPolicies(design, holder))
      if (!p.managed || first(p.id))
        out.push({ entityId, slot: { kind: 'permission', policyId: p.id }, text: p.text });
    const boundary = holder.kind === 'group' ? undefined : boundaryPolicy(design, holder);
    if (boundary && first(boundary.id))
      out.push({ entityId, slot: { kind: 'boundary' }, text: boundary.text });
  };
  for (const account of design.accounts) {
    for (const level of account.organization ?? []) {
      for (const p of level.scps)
        out.push({
          entityId: account.id,
          slot: { kind: 'scp', levelId: level.id, policyId: p.id },
          text: p.text,
        });
      for (const p of level.rcps)
        out.push({
          entityId: account.id,
          slot: { kind: 'rcp', levelId: level.id, policyId: p.id },
          text: p.text,
        });
    }
  }
  for (const user of design.users) principalPolicies(user);
  for (const group of design.groups) principalPolicies(group);
  for (const role of design.roles) {
    out.push({ entityId: role.id, slot: { kind: 'trust' }, text: role.trustPolicy });
    principalPolicies(role);
  }
  for (const resource of design.resources) {
    if (resource.policy !== '')
      out.push({ entityId: resource.id, slot: { kind: 'resource' }, text: resource.policy });
  }
  return out;
}

function keepIfSameList<T extends object>(list: T[], map: (item: T) => T): T[] {
  let changed = false;
  const next = list.map((item) => {
    const mapped = map(item);
    if (mapped !== item) changed = true;
    return mapped;
  });
  return changed ? next : list;
}

/**
 * Rewrites every policy text (and draft) through `edit`; objects whose texts do not change are
 * kept as they were, so unchanged parts of the design stay identical (cheap for React and undo).
 */
export function mapPolicyTexts(
  design: Design,
  edit: (text: string, entityId: EntityId, slot: PolicySlot) => string,
): Design {
  const policyList = <P extends StoredPolicy>(
    entityId: EntityId,
    policies: P[],
    slot: (p: P) => PolicySlot,
  ): P[] => {
    let changed = false;
    const next = policies.map((p) => {
      const text = edit(p.text, entityId, slot(p));
      if (text === p.text) return p;
      changed = true;
      return { ...p, text };
    });
    return changed ? next : policies;
  };
  // Managed policies are edited on their records, inline ones where they are embedded.
  const inlineList = (entityId: EntityId, policies: PolicyHolder['policies']) => {
    let changed = false;
    const next = policies.map((p) => {
      if (p.attachment !== 'inline') return p;
      const text = edit(p.text, entityId, { kind: 'permission', policyId: p.id });
      if (text === p.text) return p;
      changed = true;
      return { ...p, text };
    });
    return changed ? next : policies;
  };
  const managedPolicies = keepIfSameList(design.managedPolicies, (p) => {
    const holder = attachersOf(design, p.id)[0];
    const slot: PolicySlot =
      holder && holder.kind !== 'group' && holder.permissionsBoundary === p.id
        ? { kind: 'boundary' }
        : { kind: 'permission', policyId: p.id };
    const text = edit(p.text, holder?.id ?? p.account ?? p.id, slot);
    return text === p.text ? p : { ...p, text };
  });
  const levels = (accountId: EntityId, organization: OrganizationLevel[] | undefined) => {
    if (!organization) return organization;
    let changed = false;
    const next = organization.map((level) => {
      const scps = policyList(accountId, level.scps, (p) => ({
        kind: 'scp',
        levelId: level.id,
        policyId: p.id,
      }));
      const rcps = policyList(accountId, level.rcps, (p) => ({
        kind: 'rcp',
        levelId: level.id,
        policyId: p.id,
      }));
      if (scps === level.scps && rcps === level.rcps) return level;
      changed = true;
      return { ...level, scps, rcps };
    });
    return changed ? next : organization;
  };
  const keepIfSame = <T extends object>(list: T[], map: (item: T) => T): T[] => {
    let changed = false;
    const next = list.map((item) => {
      const mapped = map(item);
      if (mapped !== item) changed = true;
      return mapped;
    });
    return changed ? next : list;
  };
  const sameFields = <T extends object>(item: T, patch: Partial<T>): T =>
    (Object.keys(patch) as (keyof T)[]).every((k) => patch[k] === item[k])
      ? item
      : { ...item, ...patch };

  const accounts = keepIfSame(design.accounts, (a) =>
    sameFields(a, { organization: levels(a.id, a.organization) }),
  );
  const users = keepIfSame(design.users, (u) =>
    sameFields(u, {
      policies: inlineList(u.id, u.policies),
    }),
  );
  const groups = keepIfSame(design.groups, (g) =>
    sameFields(g, {
      policies: inlineList(g.id, g.policies),
    }),
  );
  const roles = keepIfSame(design.roles, (r) =>
    sameFields(r, {
      trustPolicy: edit(r.trustPolicy, r.id, { kind: 'trust' }),
      policies: inlineList(r.id, r.policies),
    }),
  );
  const resources = keepIfSame(design.resources, (r) =>
    sameFields(r, { policy: r.policy === '' ? '' : edit(r.policy, r.id, { kind: 'resource' }) }),
  );

  let draftsChanged = false;
  const drafts: Design['drafts'] = {};
  for (const [key, draft] of Object.entries(design.drafts)) {
    const text = edit(draft.text, draft.entityId, draft.slot);
    drafts[key] = text === draft.text ? draft : { ...draft, text };
    if (text !== draft.text) draftsChanged = true;
  }
  const next = {
    accounts,
    users,
    groups,
    roles,
    resources,
    managedPolicies,
    drafts: draftsChanged ? drafts : design.drafts,
  };
  const unchanged = (Object.keys(next) as (keyof typeof next)[]).every(
    (k) => next[k] === design[k],
  );
  return unchanged ? design : { ...design, ...next };
}

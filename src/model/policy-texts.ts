import type {
  Design,
  EntityId,
  OrganizationLevel,
  PermissionPolicy,
  PolicySlot,
  StoredPolicy,
} from './types';

/** One policy text of a design and where it lives. */
export interface PolicyTextRef {
  entityId: EntityId;
  slot: PolicySlot;
  text: string;
}

/** Every committed policy text in the design (trust, identity, boundary, resource, SCP, RCP). */
export function allPolicyTexts(design: Design): PolicyTextRef[] {
  const out: PolicyTextRef[] = [];
  const principalPolicies = (
    entityId: EntityId,
    policies: PermissionPolicy[],
    boundary: PermissionPolicy | null,
  ) => {
    for (const p of policies)
      out.push({ entityId, slot: { kind: 'permission', policyId: p.id }, text: p.text });
    if (boundary) out.push({ entityId, slot: { kind: 'boundary' }, text: boundary.text });
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
  for (const user of design.users)
    principalPolicies(user.id, user.policies, user.permissionsBoundary);
  for (const group of design.groups) principalPolicies(group.id, group.policies, null);
  for (const role of design.roles) {
    out.push({ entityId: role.id, slot: { kind: 'trust' }, text: role.trustPolicy });
    principalPolicies(role.id, role.policies, role.permissionsBoundary);
  }
  for (const resource of design.resources) {
    if (resource.policy !== '')
      out.push({ entityId: resource.id, slot: { kind: 'resource' }, text: resource.policy });
  }
  return out;
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
  const boundaryOf = (entityId: EntityId, boundary: PermissionPolicy | null) => {
    if (!boundary) return boundary;
    const text = edit(boundary.text, entityId, { kind: 'boundary' });
    return text === boundary.text ? boundary : { ...boundary, text };
  };
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
      policies: policyList(u.id, u.policies, (p) => ({ kind: 'permission', policyId: p.id })),
      permissionsBoundary: boundaryOf(u.id, u.permissionsBoundary),
    }),
  );
  const groups = keepIfSame(design.groups, (g) =>
    sameFields(g, {
      policies: policyList(g.id, g.policies, (p) => ({ kind: 'permission', policyId: p.id })),
    }),
  );
  const roles = keepIfSame(design.roles, (r) =>
    sameFields(r, {
      trustPolicy: edit(r.trustPolicy, r.id, { kind: 'trust' }),
      policies: policyList(r.id, r.policies, (p) => ({ kind: 'permission', policyId: p.id })),
      permissionsBoundary: boundaryOf(r.id, r.permissionsBoundary),
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
    drafts: draftsChanged ? drafts : design.drafts,
  };
  const unchanged = (Object.keys(next) as (keyof typeof next)[]).every(
    (k) => next[k] === design[k],
  );
  return unchanged ? design : { ...design, ...next };
}

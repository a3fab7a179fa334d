/**
 * The IAM techniques of the format README: rewrite a policy, a membership, a trust, a
 * credential or a boundary, each asked of the adapter through the oracle.
 */
import { attachedPolicies } from '../../model';
import type { TechniqueId } from '../types';
import {
  ADMIN,
  assumeSteps,
  may,
  NEW,
  ownedOrReached,
  policyArn,
  step,
  toAdmin,
  type EscalationEdge,
  type Technique,
} from './context';

/** iam:CreatePolicyVersion / iam:SetDefaultPolicyVersion on a customer-managed policy the actor enjoys. */
export const policyVersionTechniques: Technique = (ctx, actor) => {
  const canCreate = may(ctx, actor, ['iam:CreatePolicyVersion']);
  const canSet = may(ctx, actor, ['iam:SetDefaultPolicyVersion']);
  if (!canCreate && !canSet) return [];
  const edges: EscalationEdge[] = [];
  for (const { holder, via } of ownedOrReached(ctx, actor)) {
    const account = ctx.u.accountOf(holder.id);
    if (!account) continue;
    for (const policy of attachedPolicies(ctx.u.design, holder)) {
      if (policy.attachment !== 'customer-managed') continue;
      const arn = policyArn(account, policy);
      const create = canCreate && ctx.oracle.call(actor.id, 'iam:CreatePolicyVersion', arn);
      if (create)
        edges.push(
          toAdmin(actor, [
            step(
              ctx,
              'iam-create-policy-version',
              actor.id,
              arn,
              ['iam:CreatePolicyVersion'],
              create.needs,
            ),
            ...assumeSteps(ctx, via),
          ]),
        );
      if (!canSet || !policy.otherVersions?.length) continue;
      const set = ctx.oracle.call(actor.id, 'iam:SetDefaultPolicyVersion', arn);
      if (!set) continue;
      for (const version of policy.otherVersions) {
        const probe = ctx.probes.withVersion(holder, policy, version.text);
        if (!probe) continue;
        edges.push(
          toAdmin(actor, [
            step(
              ctx,
              'iam-set-default-policy-version',
              actor.id,
              arn,
              ['iam:SetDefaultPolicyVersion'],
              [
                ...set.needs,
                ...probe.needs,
                `version ${version.versionId} of \`${arn}\` becomes the default`,
              ],
            ),
            ...assumeSteps(ctx, via),
          ]),
        );
        break;
      }
    }
  }
  return edges;
};

/** Write a policy onto the actor itself, its group, or a role it can assume. */
export const writePolicyTechniques: Technique = (ctx, actor) => {
  const edges: EscalationEdge[] = [];
  const pairs: [TechniqueId, string][] =
    actor.kind === 'user'
      ? [
          ['iam-attach-user-policy', 'iam:AttachUserPolicy'],
          ['iam-put-user-policy', 'iam:PutUserPolicy'],
        ]
      : [
          ['iam-attach-role-policy', 'iam:AttachRolePolicy'],
          ['iam-put-role-policy', 'iam:PutRolePolicy'],
        ];
  for (const [technique, action] of pairs) {
    if (!may(ctx, actor, [action])) continue;
    const g = ctx.oracle.call(actor.id, action, ctx.u.arnOf(actor.id));
    if (g)
      edges.push(toAdmin(actor, [step(ctx, technique, actor.id, actor.id, [action], g.needs)]));
  }
  if (actor.kind === 'user') {
    for (const [technique, action] of [
      ['iam-attach-group-policy', 'iam:AttachGroupPolicy'],
      ['iam-put-group-policy', 'iam:PutGroupPolicy'],
    ] as [TechniqueId, string][]) {
      if (!may(ctx, actor, [action])) continue;
      for (const group of ctx.u.groupsOf.get(actor.id) ?? []) {
        const g = ctx.oracle.call(actor.id, action, ctx.u.arnOf(group.id));
        if (g)
          edges.push(toAdmin(actor, [step(ctx, technique, actor.id, group.id, [action], g.needs)]));
      }
    }
  }
  // A role the actor can assume (a user may reach roles too).
  for (const [technique, action] of [
    ['iam-attach-role-policy', 'iam:AttachRolePolicy'],
    ['iam-put-role-policy', 'iam:PutRolePolicy'],
  ] as [TechniqueId, string][]) {
    if (!may(ctx, actor, [action])) continue;
    for (const [id, via] of ctx.reached(actor.id)) {
      const role = ctx.u.entity(id);
      if (role?.kind !== 'role' || role.id === actor.id) continue;
      const g = ctx.oracle.call(actor.id, action, ctx.u.arnOf(role.id));
      if (g)
        edges.push(
          toAdmin(actor, [
            step(ctx, technique, actor.id, role.id, [action], g.needs),
            ...assumeSteps(ctx, via),
          ]),
        );
    }
  }
  return edges;
};

export const addUserToGroup: Technique = (ctx, actor) => {
  if (actor.kind !== 'user' || !may(ctx, actor, ['iam:AddUserToGroup'])) return [];
  const account = ctx.u.accountOf(actor.id);
  const mine = new Set((ctx.u.groupsOf.get(actor.id) ?? []).map((g) => g.id));
  return ctx.u.groupsIn(account).flatMap((group) => {
    if (mine.has(group.id) || group.policies.length === 0) return [];
    const g = ctx.oracle.call(actor.id, 'iam:AddUserToGroup', ctx.u.arnOf(group.id));
    if (!g) return [];
    const admin = ctx.probes.groupMember(group);
    const s = step(
      ctx,
      'iam-add-user-to-group',
      actor.id,
      group.id,
      ['iam:AddUserToGroup'],
      [...g.needs, ...(admin?.needs ?? [])],
    );
    return [{ from: actor.id, to: admin ? ADMIN : group.id, steps: [s] }];
  });
};

export const updateAssumeRolePolicy: Technique = (ctx, actor) => {
  if (!may(ctx, actor, ['iam:UpdateAssumeRolePolicy'])) return [];
  const account = ctx.u.accountOf(actor.id);
  // IAM has no resource policies: IAM actions reach only the actor's own account.
  return ctx.u.rolesIn(account).flatMap((role) => {
    if (role.id === actor.id) return [];
    const arn = ctx.u.arnOf(role.id);
    const g = ctx.oracle.call(actor.id, 'iam:UpdateAssumeRolePolicy', arn);
    if (!g) return [];
    const actions = ['iam:UpdateAssumeRolePolicy'];
    const needs = [...g.needs];
    // The actor writes a trust naming its own ARN; in its own account that needs no identity Allow.
    return [
      {
        from: actor.id,
        to: role.id,
        steps: [step(ctx, 'iam-update-assume-role-policy', actor.id, role.id, actions, needs)],
      },
    ];
  });
};

export const userCredentials: Technique = (ctx, actor) => {
  const key = may(ctx, actor, ['iam:CreateAccessKey']);
  const create = may(ctx, actor, ['iam:CreateLoginProfile']);
  const update = may(ctx, actor, ['iam:UpdateLoginProfile']);
  if (!key && !create && !update) return [];
  const edges: EscalationEdge[] = [];
  for (const user of ctx.u.usersIn(ctx.u.accountOf(actor.id))) {
    if (user.id === actor.id) continue;
    const arn = ctx.u.arnOf(user.id);
    const name = `\`${arn}\``;
    const k = key && ctx.oracle.call(actor.id, 'iam:CreateAccessKey', arn);
    if (k) {
      const del = ctx.oracle.call(actor.id, 'iam:DeleteAccessKey', arn);
      const needs = del
        ? [...k.needs, ...del.needs]
        : [...k.needs, `${name} has fewer than two access keys`];
      const actions = del
        ? ['iam:CreateAccessKey', 'iam:DeleteAccessKey']
        : ['iam:CreateAccessKey'];
      edges.push({
        from: actor.id,
        to: user.id,
        steps: [step(ctx, 'iam-create-access-key', actor.id, user.id, actions, needs)],
      });
    }
    const c = create && ctx.oracle.call(actor.id, 'iam:CreateLoginProfile', arn);
    if (c)
      edges.push({
        from: actor.id,
        to: user.id,
        steps: [
          step(
            ctx,
            'iam-create-login-profile',
            actor.id,
            user.id,
            ['iam:CreateLoginProfile'],
            [...c.needs, `${name} has no console password`],
          ),
        ],
      });
    const p = update && ctx.oracle.call(actor.id, 'iam:UpdateLoginProfile', arn);
    if (p)
      edges.push({
        from: actor.id,
        to: user.id,
        steps: [
          step(
            ctx,
            'iam-update-login-profile',
            actor.id,
            user.id,
            ['iam:UpdateLoginProfile'],
            [...p.needs, `${name} has a console password`],
          ),
        ],
      });
  }
  return edges;
};

export const createRole: Technique = (ctx, actor) => {
  const account = ctx.u.accountOf(actor.id);
  if (!account || !may(ctx, actor, ['iam:CreateRole'])) return [];
  const arn = `arn:aws:iam::${account}:role/${NEW}`;
  const found = ctx.oracle.any(actor.id, [
    [
      ['iam:CreateRole', arn],
      ['iam:AttachRolePolicy', arn],
    ],
    [
      ['iam:CreateRole', arn],
      ['iam:PutRolePolicy', arn],
    ],
  ]);
  if (!found) return [];
  return [
    toAdmin(actor, [
      step(ctx, 'iam-create-role', actor.id, arn, found.actions, found.granted.needs),
    ]),
  ];
};

export const deleteBoundary: Technique = (ctx, actor) => {
  if (!actor.permissionsBoundary) return [];
  const action =
    actor.kind === 'user'
      ? 'iam:DeleteUserPermissionsBoundary'
      : 'iam:DeleteRolePermissionsBoundary';
  if (!may(ctx, actor, [action])) return [];
  const g = ctx.oracle.call(actor.id, action, ctx.u.arnOf(actor.id));
  if (!g) return [];
  const unbounded = ctx.probes.withoutBoundary(actor);
  if (!unbounded) return [];
  return [
    toAdmin(actor, [
      step(
        ctx,
        'iam-delete-permissions-boundary',
        actor.id,
        actor.id,
        [action],
        [...g.needs, ...unbounded.needs],
      ),
    ]),
  ];
};

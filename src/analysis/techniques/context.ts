/**
 * What every escalation technique shares: the context it asks (universe, oracle, probes,
 * reachability), the edge it returns, and the helpers that build an edge's steps.
 */
import type { EntityId, Group, PermissionPolicy, Role, User } from '../../model';
import type { Oracle } from '../oracle';
import type { Probes } from '../probes';
import type { AssumeEdge } from '../reach';
import type { EscalationStep, TechniqueId } from '../types';
import type { Actor, Universe } from '../universe';

export const ADMIN = 'admin';

export interface EscalationEdge {
  from: EntityId;
  /** A principal's id, or `admin`. */
  to: EntityId;
  steps: EscalationStep[];
}

export interface TechniqueContext {
  u: Universe;
  oracle: Oracle;
  probes: Probes;
  /** The roles an actor reaches by AssumeRole, each with its shortest path (edges). */
  reached: (from: EntityId) => ReadonlyMap<EntityId, AssumeEdge[]>;
  /** Roles trusting a service principal (lowercased name), by account. */
  serviceRoles: (service: string, account: string) => Role[];
}

export const REGION = 'us-east-1';
export const NEW = 'rolecraft-escalation';

export type Call = [string, string, Record<string, string>?];

export function step(
  ctx: TechniqueContext,
  technique: TechniqueId,
  actor: EntityId,
  target: EntityId | string,
  actions: string[],
  needs: string[],
): EscalationStep {
  return {
    technique,
    actor: ctx.u.arnOf(actor),
    target: ctx.u.arn.has(target) ? ctx.u.arnOf(target) : target,
    actions,
    needs,
    actorId: actor,
    targetId: target,
  };
}

export function assumeSteps(ctx: TechniqueContext, path: AssumeEdge[]): EscalationStep[] {
  return path.map((e) =>
    step(ctx, 'sts-assume-role', e.source, e.role, ['sts:AssumeRole'], e.needs),
  );
}

/** The actor may (by its identity policies) ask for every action: the cheap gate before asking the adapter. */
export const may = (ctx: TechniqueContext, actor: Actor, actions: string[]) =>
  actions.every((a) => ctx.oracle.mayAllowIdentity(actor, a));

export function policyArn(account: string, policy: PermissionPolicy): string {
  const path = policy.managed?.path ?? '/';
  return policy.attachment === 'aws-managed'
    ? `arn:aws:iam::aws:policy${path}${policy.name}`
    : `arn:aws:iam::${account}:policy${path}${policy.name}`;
}

/** Principals the actor is, belongs to, or reaches by AssumeRole: whose policies it would enjoy. */
export function ownedOrReached(ctx: TechniqueContext, actor: Actor) {
  const out: { holder: User | Group | Role; via: AssumeEdge[] }[] = [{ holder: actor, via: [] }];
  if (actor.kind === 'user')
    for (const g of ctx.u.groupsOf.get(actor.id) ?? []) out.push({ holder: g, via: [] });
  for (const [id, via] of ctx.reached(actor.id)) {
    const role = ctx.u.entity(id);
    if (role?.kind === 'role' && role.id !== actor.id) out.push({ holder: role, via });
  }
  return out;
}

export type Technique = (ctx: TechniqueContext, actor: Actor) => EscalationEdge[];

/**
 * A technique and the actions an actor must be allowed by its identity policies for it to
 * open any edge: all of one of these lists (it returns nothing otherwise, by its own `may`
 * checks). The analysis runs a technique only for the actors the oracle's action index lets
 * through; the edges themselves are still asked of the adapter.
 */
export interface GatedTechnique {
  gate: readonly (readonly string[])[];
  run: Technique;
}

export const toAdmin = (actor: Actor, steps: EscalationStep[]): EscalationEdge => ({
  from: actor.id,
  to: ADMIN,
  steps,
});

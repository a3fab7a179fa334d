/**
 * The analysis of one design at one instant: reachability through AssumeRole chains, every
 * escalation pair over every technique, the findings; plus who-can, every path of one pair,
 * and `check` expectations, sharing the answers already asked. Pure and synchronous: in the
 * app it runs in a worker (progress through `onProgress`; cancel by ending the worker).
 */
import {
  makeService,
  parsePolicyText,
  principalsOf,
  statementsOf,
  type Design,
  type EntityId,
  type Role,
} from '../model';
import { adminOf } from './admin';
import { compareText, sortByKeys, textRanks } from './order';
import { findingsOf } from './findings';
import { shortestPaths, simplePaths, type Arc } from './graph';
import { Oracle, type Granted } from './oracle';
import { Probes } from './probes';
import { assumeEdges, type AssumeEdge } from './reach';
import { ADMIN, techniques, type EscalationEdge, type TechniqueContext } from './techniques';
import {
  ANALYSIS_FORMAT,
  type AnalysisResult,
  type Escalation,
  type EscalationStep,
  type Reachability,
} from './types';
import { Universe, type Actor } from './universe';

interface AnalysisProgress {
  stage: 'trust' | 'reachability' | 'admins' | 'escalations' | 'findings' | 'done';
  /** 0 to 1 over the whole analysis. */
  fraction: number;
}

export interface AnalyzeOptions {
  /** The instant the analysis assumes, ISO 8601 (`--now`). */
  now: string;
  /** Warnings from reading the input (import), carried into the result. */
  warnings?: string[];
  onProgress?: (progress: AnalysisProgress) => void;
  /**
   * The straightforward path (slow, for tests): every (start, role) pair asked, every
   * question of the adapter's full verdicts, no prefilter. Same result as the fast path.
   */
  reference?: boolean;
}

export interface WhoCanEntry {
  principal: string;
  principalId: EntityId;
  /** `direct`: its own policies; `assume`: through an AssumeRole chain; `escalation`: after escalating. */
  via: 'direct' | 'assume' | 'escalation';
  /** The principals it acts as, itself first, the one that makes the call last. */
  hops: string[];
  hopIds: EntityId[];
  needs: string[];
  steps: EscalationStep[];
}

const union = (...lists: string[][]) => [...new Set(lists.flat())];

/** Parses `--now`: strict ISO 8601 (offset optional, UTC when absent). */
export function parseNow(now: string): number | undefined {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(
      now.trim(),
    );
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', zone] = m;
  let offset = 0;
  if (zone && zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    offset =
      (zone.startsWith('-') ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  }
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return undefined;
  return (
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) -
    offset * 60_000
  );
}

/** Adds a service node for every service a trust names that the design has not drawn. */
function withTrustedServices(design: Design): Design {
  const have = new Set(design.services.map((s) => s.name.toLowerCase()));
  const added = [];
  for (const role of design.roles) {
    const parsed = parsePolicyText(role.trustPolicy);
    if (!parsed.ok) continue;
    for (const s of statementsOf(parsed.document))
      for (const ref of principalsOf(s.Principal))
        if (ref.type === 'Service' && !have.has(ref.value.toLowerCase())) {
          have.add(ref.value.toLowerCase());
          added.push(makeService(ref.value, () => `analysis-service-${added.length + 1}`));
        }
  }
  return added.length === 0 ? design : { ...design, services: [...design.services, ...added] };
}

export class Analysis {
  readonly design: Design;
  readonly u: Universe;
  readonly oracle: Oracle;
  readonly nowMs: number;
  readonly now: string;
  readonly assume: AssumeEdge[];
  private readonly assumeOut = new Map<EntityId, AssumeEdge[]>();
  private readonly reach = new Map<EntityId, Map<EntityId, AssumeEdge[]>>();
  readonly admin = new Map<EntityId, Granted>();
  private readonly escalationOut = new Map<EntityId, EscalationEdge[]>();
  /** The arcs of both graphs, made once per node (the walks visit nodes many times). */
  private readonly assumeArcList = new Map<EntityId, Arc<AssumeEdge>[]>();
  private readonly escalationArcList = new Map<EntityId, Arc<EscalationEdge>[]>();
  readonly result: AnalysisResult;

  constructor(design: Design, options: AnalyzeOptions) {
    const progress = options.onProgress ?? (() => {});
    const nowMs = parseNow(options.now);
    if (nowMs === undefined) throw new Error(`\`${options.now}\` is not an ISO 8601 instant`);
    this.nowMs = nowMs;
    this.now = new Date(nowMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
    this.design = withTrustedServices(design);
    this.u = new Universe(this.design);
    this.oracle = new Oracle(this.design, nowMs, options.reference);
    progress({ stage: 'trust', fraction: 0 });
    this.assume = assumeEdges(this.u, this.oracle, (done, total) =>
      progress({ stage: 'trust', fraction: (0.3 * done) / total }),
    );
    for (const e of this.assume) {
      const list = this.assumeOut.get(e.source) ?? [];
      list.push(e);
      this.assumeOut.set(e.source, list);
    }
    progress({ stage: 'reachability', fraction: 0.3 });
    const reachability = this.reachability();
    progress({ stage: 'admins', fraction: 0.4 });
    for (const actor of this.u.actors) {
      if (!this.oracle.mayAllowIdentity(actor, '*')) continue;
      const g = adminOf(this.oracle, actor.id);
      if (g) this.admin.set(actor.id, g);
    }
    progress({ stage: 'escalations', fraction: 0.45 });
    const escalations = this.escalations((f) =>
      progress({ stage: 'escalations', fraction: 0.45 + 0.45 * f }),
    );
    progress({ stage: 'findings', fraction: 0.9 });
    const findings = findingsOf(this);
    progress({ stage: 'done', fraction: 1 });
    this.result = {
      format: ANALYSIS_FORMAT,
      now: this.now,
      accounts: this.design.accounts.map((a) => a.awsAccountId).sort(),
      principals: this.u.actors.length,
      warnings: [...(options.warnings ?? [])],
      reachability,
      escalations,
      findings,
    };
  }

  /** AssumeRole arcs out of a node (only a user, a role, a provider or an outside principal starts one). */
  private assumeArcs = (node: string): Arc<AssumeEdge>[] => {
    let arcs = this.assumeArcList.get(node);
    if (!arcs) {
      arcs = (this.assumeOut.get(node) ?? []).map((e) => ({ to: e.role, edge: e }));
      this.assumeArcList.set(node, arcs);
    }
    return arcs;
  };

  /** Roles a node reaches by AssumeRole, with the shortest chain to each. */
  reached(from: EntityId): ReadonlyMap<EntityId, AssumeEdge[]> {
    let hit = this.reach.get(from);
    if (!hit) {
      hit = shortestPaths(from, this.assumeArcs);
      this.reach.set(from, hit);
    }
    return hit;
  }

  /** Every start that can assume anything: users, roles, identity providers, outside principals. */
  private starts(): EntityId[] {
    return [
      ...this.u.actors.map((a) => a.id),
      ...this.design.identityProviders.map((p) => p.id),
      ...this.design.outsidePrincipals.map((o) => o.id),
    ];
  }

  private reachability(): Reachability[] {
    const out: Reachability[] = [];
    for (const start of this.starts()) {
      if (!this.assumeOut.has(start)) continue;
      for (const [role, path] of this.reached(start)) {
        const hopIds = [start, ...path.map((e) => e.role)];
        out.push({
          from: this.u.arnOf(start),
          to: this.u.arnOf(role),
          hops: hopIds.map((id) => this.u.arnOf(id)),
          needs: union(...path.map((e) => e.needs)),
          hopIds,
        });
      }
    }
    const rank = textRanks(out.flatMap((r) => [r.from, r.to]));
    return sortByKeys(out, [
      (r) => rank.get(r.from)!,
      (r) => r.hops.length,
      (r) => rank.get(r.to)!,
    ]);
  }

  private context(): TechniqueContext {
    const byService = new Map<string, Role[]>();
    for (const e of this.assume) {
      const source = this.u.entity(e.source);
      if (source?.kind !== 'service') continue;
      const account = this.u.accountOf(e.role);
      const role = this.u.entity(e.role);
      if (!account || role?.kind !== 'role') continue;
      const key = `${source.name.toLowerCase()}|${account}`;
      const list = byService.get(key) ?? [];
      list.push(role);
      byService.set(key, list);
    }
    return {
      u: this.u,
      oracle: this.oracle,
      probes: new Probes(this.design, this.nowMs, this.oracle.reference),
      reached: (from) => this.reached(from),
      serviceRoles: (service, account) =>
        byService.get(`${service.toLowerCase()}|${account}`) ?? [],
    };
  }

  /** Whether a principal already holds everything (admin with nothing more to meet). */
  isAdmin(id: EntityId): boolean {
    return this.admin.get(id)?.needs.length === 0;
  }

  private escalationArcs = (node: string): Arc<EscalationEdge>[] => {
    let arcs = this.escalationArcList.get(node);
    if (!arcs) {
      arcs = (this.escalationOut.get(node) ?? []).map((e) => ({ to: e.to, edge: e }));
      this.escalationArcList.set(node, arcs);
    }
    return arcs;
  };

  private escalations(progress: (fraction: number) => void): Escalation[] {
    const ctx = this.context();
    const actors = this.u.actors;
    actors.forEach((actor, i) => {
      if (this.isAdmin(actor.id)) return;
      const edges: EscalationEdge[] = (this.assumeOut.get(actor.id) ?? []).map((e) => ({
        from: actor.id,
        to: e.role,
        steps: [
          {
            technique: 'sts-assume-role',
            actor: this.u.arnOf(actor.id),
            target: this.u.arnOf(e.role),
            actions: ['sts:AssumeRole'],
            needs: e.needs,
            actorId: actor.id,
            targetId: e.role,
          },
        ],
      }));
      for (const technique of techniques) edges.push(...technique(ctx, actor));
      this.escalationOut.set(actor.id, edges);
      if (i % 500 === 0) progress((0.8 * i) / actors.length);
    });
    const out: Escalation[] = [];
    actors.forEach((actor, i) => {
      if (this.isAdmin(actor.id)) return;
      for (const [gained, path] of shortestPaths(actor.id, this.escalationArcs)) {
        const escalation = this.escalationFor(actor, gained, path);
        if (escalation) out.push(escalation);
      }
      if (i % 500 === 0) progress(0.8 + (0.2 * i) / actors.length);
    });
    const rank = textRanks(out.flatMap((e) => [e.principal, e.gains]));
    return sortByKeys(out, [(e) => rank.get(e.principal)!, (e) => rank.get(e.gains)!]);
  }

  /** An escalation when the path ends at admin, at an admin principal, or used more than AssumeRole. */
  private escalationFor(
    actor: Actor,
    gained: string,
    path: EscalationEdge[],
  ): Escalation | undefined {
    const steps = path.flatMap((e) => e.steps);
    const admin = gained === ADMIN ? undefined : this.admin.get(gained);
    const escalates =
      gained === ADMIN ||
      admin !== undefined ||
      steps.some((s) => s.technique !== 'sts-assume-role');
    if (!escalates) return undefined;
    if (admin && admin.needs.length > 0) {
      const last = steps[steps.length - 1]!;
      steps[steps.length - 1] = { ...last, needs: union(last.needs, admin.needs) };
    }
    return {
      principal: this.u.arnOf(actor.id),
      principalId: actor.id,
      gains: gained === ADMIN ? 'admin' : this.u.arnOf(gained),
      steps,
    };
  }

  /** Every simple path (up to 8 edges) from one principal to another (ARN) or to `admin`. */
  paths(fromArn: string, toArnOrAdmin: string): EscalationStep[][] {
    const from = this.u.byArn.get(fromArn);
    if (!from) throw new Error(`\`${fromArn}\` is not a user or role of the input`);
    const to = toArnOrAdmin === 'admin' ? ADMIN : this.u.byArn.get(toArnOrAdmin);
    if (!to) throw new Error(`\`${toArnOrAdmin}\` is not a principal of the input (or \`admin\`)`);
    const found = simplePaths(from, to, this.escalationArcs, 8);
    // Reaching an admin principal also gives admin.
    if (to === ADMIN)
      for (const id of this.admin.keys())
        if (id !== from) found.push(...simplePaths(from, id, this.escalationArcs, 8));
    return found.map((p) => p.flatMap((e) => e.steps)).sort((a, b) => a.length - b.length);
  }

  /** Who can make this call: directly, through an AssumeRole chain, or after an escalation. */
  whoCan(action: string, resource: string): WhoCanEntry[] {
    const resourceHasPolicy = this.design.resources.some(
      (r) =>
        this.u.arnOf(r.id) !== r.id &&
        resource.startsWith(this.u.arnOf(r.id)) &&
        r.policy.trim() !== '',
    );
    const direct = new Map<EntityId, Granted>();
    const candidates = [
      ...this.u.actors,
      ...(resourceHasPolicy ? this.design.outsidePrincipals : []),
    ];
    for (const c of candidates) {
      if (c.kind !== 'outside' && !resourceHasPolicy && !this.oracle.mayAllowIdentity(c, action))
        continue;
      const g = this.oracle.call(c.id, action, resource);
      if (g) direct.set(c.id, g);
    }
    const entries: WhoCanEntry[] = [];
    for (const start of this.starts()) {
      const own = direct.get(start);
      let best: WhoCanEntry | undefined = own
        ? {
            principal: this.u.arnOf(start),
            principalId: start,
            via: 'direct',
            hops: [this.u.arnOf(start)],
            hopIds: [start],
            needs: own.needs,
            steps: [],
          }
        : undefined;
      if (!best) {
        for (const [role, path] of this.reached(start)) {
          const g = direct.get(role);
          if (!g) continue;
          const hopIds = [start, ...path.map((e) => e.role)];
          const candidate: WhoCanEntry = {
            principal: this.u.arnOf(start),
            principalId: start,
            via: 'assume',
            hops: hopIds.map((id) => this.u.arnOf(id)),
            hopIds,
            needs: union(...path.map((e) => e.needs), g.needs),
            steps: [],
          };
          if (!best || candidate.hops.length < best.hops.length) best = candidate;
        }
      }
      if (!best && this.escalationOut.has(start)) {
        for (const [gained, path] of shortestPaths(start, this.escalationArcs)) {
          const g = gained === ADMIN ? { needs: [] } : direct.get(gained);
          if (!g) continue;
          const steps = path.flatMap((e) => e.steps);
          const hopIds = [start, ...path.map((e) => e.to)];
          best = {
            principal: this.u.arnOf(start),
            principalId: start,
            via: 'escalation',
            hops: hopIds.map((id) => (id === ADMIN ? 'admin' : this.u.arnOf(id))),
            hopIds,
            needs: union(...steps.map((s) => s.needs), g.needs),
            steps,
          };
          break;
        }
      }
      if (best) entries.push(best);
    }
    return entries.sort((a, b) => compareText(a.principal, b.principal));
  }
}

/** Runs the whole analysis of a design. */
export function analyze(design: Design, options: AnalyzeOptions): Analysis {
  return new Analysis(design, options);
}

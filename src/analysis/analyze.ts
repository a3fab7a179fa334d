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
import { compareText, orderedByStart, TextOrder } from './order';
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
import { Universe } from './universe';

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

/**
 * The needs of a chain's hops together (each once, in order). A single hop's are its edge's
 * own list, shared (no one changes a result's lists; the grants behind the edges share theirs).
 */
function needsOf(path: readonly AssumeEdge[]): string[] {
  if (path.length === 1) return path[0]!.needs;
  const out = new Set<string>();
  for (const e of path) for (const n of e.needs) out.add(n);
  return [...out];
}

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
  /** The order of the result's lists: every ARN of the design (and `admin`) ranked once. */
  readonly order = new TextOrder(() => [...this.u.arn.values(), ADMIN]);

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
    const starts = this.starts().filter((start) => this.assumeOut.has(start));
    const rows = starts.map((start) => {
      const from = this.u.arnOf(start);
      const list: Reachability[] = [];
      for (const [role, path] of this.reached(start)) {
        const n = path.length;
        const hopIds: EntityId[] = new Array<EntityId>(n + 1);
        const hops: string[] = new Array<string>(n + 1);
        hopIds[0] = start;
        hops[0] = from;
        for (let i = 0; i < n; i++) {
          const id = path[i]!.role;
          hopIds[i + 1] = id;
          hops[i + 1] = this.u.arnOf(id);
        }
        list.push({ from, to: this.u.arnOf(role), hops, needs: needsOf(path), hopIds });
      }
      return list;
    });
    const u = this.u;
    const ranks = this.order.covering(
      (function* () {
        for (const start of starts) yield u.arnOf(start);
        for (const list of rows) for (const r of list) yield r.to;
      })(),
    );
    const width = ranks.size + 1;
    const index = new Map(starts.map((s, i) => [s, i]));
    return orderedByStart(
      starts,
      (s) => ranks.get(this.u.arnOf(s))!,
      (s) => rows[index.get(s)!]!,
      (r) => r.hops.length * width + ranks.get(r.to)!,
    );
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
    // The action -> principals index: a technique runs only for the actors its gate lets through.
    const byAction = this.oracle.principalsByAction(actors, [
      ...new Set(techniques.flatMap((t) => t.gate.flat())),
    ]);
    const runs = techniques.map((t) => {
      const mask = new Uint8Array(actors.length);
      for (const all of t.gate) {
        const columns = all.map((a) => byAction.get(a)!);
        for (let i = 0; i < actors.length; i++) if (columns.every((c) => c[i] === 1)) mask[i] = 1;
      }
      return mask;
    });
    const holdsAll = Uint8Array.from(actors, (a) => (this.isAdmin(a.id) ? 1 : 0));
    actors.forEach((actor, i) => {
      if (holdsAll[i] === 1) return;
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
      techniques.forEach((t, k) => {
        if (runs[k]![i] === 1) edges.push(...t.run(ctx, actor));
      });
      this.escalationOut.set(actor.id, edges);
      if (i % 500 === 0) progress((0.8 * i) / actors.length);
    });
    // Breadth-first from each actor over the escalation arcs, on node numbers: the same
    // shortest paths as `shortestPaths` (first found wins), without a map and a path per node.
    const number = new Map<string, number>();
    const nodes: string[] = [];
    const numberOf = (id: string) => {
      let n = number.get(id);
      if (n === undefined) {
        n = nodes.length;
        nodes.push(id);
        number.set(id, n);
      }
      return n;
    };
    const arcs: { to: number[]; edges: EscalationEdge[]; more: Uint8Array }[] = [];
    for (const actor of actors) numberOf(actor.id);
    for (const [from, edges] of this.escalationOut) {
      const f = numberOf(from);
      const to = edges.map((e) => numberOf(e.to));
      const more = Uint8Array.from(edges, (e) =>
        e.steps.some((s) => s.technique !== 'sts-assume-role') ? 1 : 0,
      );
      arcs[f] = { to, edges, more };
    }
    const adminNode = number.get(ADMIN) ?? -1;
    const size = nodes.length;
    const seen = new Int32Array(size).fill(-1);
    const parent = new Int32Array(size);
    const via: (EscalationEdge | undefined)[] = new Array<EscalationEdge | undefined>(size);
    const beyondAssume = new Uint8Array(size);
    const queue = new Int32Array(size);
    const byActor: Escalation[][] = new Array<Escalation[]>(actors.length);
    // Per node: what a row gains (`admin` or the ARN) and the node's own admin grant.
    const gainsOf = nodes.map((id) => (id === ADMIN ? 'admin' : this.u.arnOf(id)));
    const nodeAdmin = nodes.map((id) => (id === ADMIN ? undefined : this.admin.get(id)));
    actors.forEach((actor, i) => {
      const rows: Escalation[] = [];
      byActor[i] = rows;
      if (holdsAll[i] === 1) return;
      const start = number.get(actor.id)!;
      seen[start] = i;
      beyondAssume[start] = 0;
      let tail = 0;
      queue[tail++] = start;
      for (let head = 0; head < tail; head++) {
        const node = queue[head]!;
        const out = arcs[node];
        if (!out) continue;
        for (let k = 0; k < out.to.length; k++) {
          const to = out.to[k]!;
          if (seen[to] === i) continue;
          seen[to] = i;
          parent[to] = node;
          via[to] = out.edges[k];
          beyondAssume[to] = beyondAssume[node]! | out.more[k]!;
          queue[tail++] = to;
        }
      }
      const principal = this.u.arnOf(actor.id);
      for (let k = 1; k < tail; k++) {
        const node = queue[k]!;
        const admin = nodeAdmin[node];
        // An escalation when the path ends at admin, at an admin principal, or used more than AssumeRole.
        if (node !== adminNode && admin === undefined && beyondAssume[node] === 0) continue;
        const extraNeeds = admin !== undefined && admin.needs.length > 0;
        let steps: EscalationStep[];
        if (parent[node] === start && !extraNeeds) {
          // One edge: its steps as they are (no row changes a step list).
          steps = via[node]!.steps;
        } else {
          const path: EscalationEdge[] = [];
          for (let n = node; n !== start; n = parent[n]!) path.push(via[n]!);
          steps = [];
          for (let e = path.length - 1; e >= 0; e--) for (const s of path[e]!.steps) steps.push(s);
          if (extraNeeds) {
            const last = steps[steps.length - 1]!;
            steps[steps.length - 1] = { ...last, needs: union(last.needs, admin.needs) };
          }
        }
        rows.push({ principal, principalId: actor.id, gains: gainsOf[node]!, steps });
      }
      if (i % 500 === 0) progress(0.8 + (0.2 * i) / actors.length);
    });
    const u = this.u;
    // Every row's principal is an actor's ARN and its gains a node's: ranks covering those.
    const ranks = this.order.covering([...actors.map((a) => u.arnOf(a.id)), ...gainsOf]);
    const index = new Map(actors.map((a, i) => [a, i]));
    return orderedByStart(
      actors,
      (a) => ranks.get(u.arnOf(a.id)) ?? 0,
      (a) => byActor[index.get(a)!]!,
      (e) => ranks.get(e.gains)!,
    );
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
